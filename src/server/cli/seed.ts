// `npm run seed -- --contacts N --events M [--seed S]`: (re)creates the demo organizations in the
// configured database (DATABASE_URL, else the embedded one in DATA_DIR), generated inside the database.
import { join } from "node:path"
import { parseArgs } from "node:util"
import { config } from "../config"
import { openDatabase } from "../db/client"
import { seedDemo, writeCredentials } from "../seed/index"
import { printCredentials } from "../seed/print"

const { values } = parseArgs({ options: { contacts: { type: "string" }, events: { type: "string" }, seed: { type: "string" } } })
const count = (v: string | undefined, name: string) => {
  if (v === undefined) return undefined
  const n = Number(v.replace(/_/g, ""))
  if (!Number.isInteger(n) || n < 10) throw new Error(`--${name} must be a whole number of at least 10`)
  return n
}
const cfg = config()
const database = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: join(cfg.dataDir, "pglite") })
const creds = await seedDemo(database.db, {
  contacts: count(values.contacts, "contacts"),
  events: count(values.events, "events"),
  seed: values.seed,
  log: (m) => console.log(m),
})
printCredentials(writeCredentials(cfg.dataDir, creds), creds)
await database.close()

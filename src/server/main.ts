// `npm run server`: the backend on PORT (8787) with the embedded database in DATA_DIR (.data/),
// or a PostgreSQL server via DATABASE_URL. An empty embedded database gets the demo data first.
import { join } from "node:path"
import { buildApp } from "./app"
import { config } from "./config"
import { openDatabase } from "./db/client"
import { isEmpty, seedDemo, writeCredentials } from "./seed/index"
import { printCredentials } from "./seed/print"

const cfg = config()
const database = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: join(cfg.dataDir, "pglite") })
if (!cfg.databaseUrl && (await isEmpty(database.db))) {
  console.log("Empty database: seeding the demo organizations…")
  const creds = await seedDemo(database.db, { log: (m) => console.log(`  ${m}`) })
  printCredentials(writeCredentials(cfg.dataDir, creds), creds)
}
const app = await buildApp({ db: database.db, logger: process.env.LOG === "1", trustProxy: cfg.trustProxy })
await app.listen({ port: cfg.port, host: cfg.host })
console.log(`Relay backend on http://localhost:${cfg.port} (${database.kind === "pglite" ? `embedded database in ${cfg.dataDir}` : "PostgreSQL"})`)
console.log(`Demo pages: http://localhost:${cfg.port}/demo   API: http://localhost:${cfg.port}/api/v1/openapi.json`)

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await app.close()
    await database.close()
    process.exit(0)
  })
}

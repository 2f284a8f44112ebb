// `npm run relay -- <command>`: the admin CLI. Works on the configured database (DATABASE_URL, else
// the embedded one in DATA_DIR) — stop `npm start` first when using the embedded one.
import { join } from "node:path"
import { parseArgs } from "node:util"
import * as z from "zod"
import { config } from "../config"
import { openDatabase, type Db } from "../db/client"
import * as auth from "../auth/service"
import { importContacts } from "../contacts/import"
import { ingest } from "../events/service"
import { ContactCsvRow } from "../../shared/contracts/imports"
import { Role } from "../../shared/contracts/common"
import { importCsv, printSummary } from "./csv"

const usage = `Usage: npm run relay -- <command> [options]
  org:create --name <name>
  user:create --org <org> --email <email> --name <name> --role rep|marketer|admin
  token:create --org <org> --email <user email> [--label <label>] [--expires 30d|12h|90m|<date>]   prints the token once
  token:list --org <org>
  token:revoke --org <org> --id <token id>
  import:contacts --org <org> --file <file.csv>   columns: email, first_name, last_name, title, company, industry, company_size, linkedin, stage, owner_email
  import:events --org <org> --file <file.csv>     columns: email, type, occurred_at, source, external_id, campaign, asset_id
  import:assets --org <org> --file <file.csv>     columns: title, url, kind, description, stages, personas, industries, topics (lists separated by |)
  sites keygen                                    a new Ed25519 key pair for signing selector overlays
  sites sign --file <overlay.json> [--out <file>] [--key-file <private.pem>]
                                                  signs a selector overlay (key: SITES_SIGNING_KEY or --key-file) and
                                                  publishes it (SITES_CONFIG_FILE, else <DATA_DIR>/sites-config.json)
  health --org <org> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--site gmail|outlook|linkedin] [--version <extension version>]
                                                  selector health: which detection strategy answered, per day, version, site and view
<org> is an organization's name or id.`

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: Object.fromEntries(
    ["name", "org", "email", "role", "label", "id", "file", "expires", "from", "to", "site", "version", "out", "key-file"].map((k) => [
      k,
      { type: "string" as const },
    ]),
  ),
})
const [command] = positionals
const need = (k: string) => {
  const v = values[k as keyof typeof values]
  if (!v) fail(`--${k} is required for ${command}`)
  return v as string
}
function fail(msg: string): never {
  console.error(`${msg}\n\n${usage}`)
  process.exit(2)
}

if (!command || command === "help" || command === "--help") {
  console.log(usage)
  process.exit(0)
}

// Signing needs no database (and must not wait for the embedded one).
if (command === "sites") {
  try {
    const { runSites } = await import("../sites/cli")
    runSites(positionals[1], { file: values.file, out: values.out, keyFile: values["key-file"] })
  } catch (e) {
    console.error(`Error: ${(e as Error).message}`)
    process.exitCode = 1
  }
  process.exit()
}

const cfg = config()
const database = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: join(cfg.dataDir, "pglite") })
const db = database.db
try {
  await run(db)
} catch (e) {
  console.error(`Error: ${(e as Error).message}`)
  process.exitCode = 1
} finally {
  await database.close()
}

async function orgId(db: Db) {
  const ref = need("org")
  if (z.uuid().safeParse(ref).success) return ref
  const org = await auth.findOrgByName(db, ref)
  if (!org) throw new Error(`no organization named "${ref}"`)
  return org.id
}

async function run(db: Db) {
  switch (command) {
    case "org:create":
      return console.log(`Created organization ${await auth.createOrg(db, need("name"))}`)
    case "user:create": {
      const role = Role.safeParse(need("role"))
      if (!role.success) fail("--role must be rep, marketer or admin")
      return console.log(`Created user ${await auth.createUser(db, await orgId(db), { email: need("email"), name: need("name"), role: role.data })}`)
    }
    case "token:create": {
      let expiresAt: Date | null = null
      try {
        expiresAt = values.expires ? auth.parseExpiry(values.expires) : null
      } catch (e) {
        fail((e as Error).message)
      }
      const t = await auth.createToken(db, await orgId(db), need("email"), values.label ?? "cli", expiresAt)
      const until = t.expiresAt ? `, expires ${t.expiresAt.toISOString()}` : ", never expires (revoke with token:revoke)"
      return console.log(`Token ${t.id}${until} (shown once, keep it safe):\n${t.token}`)
    }
    case "token:list":
      return console.table((await auth.listTokens(db, await orgId(db))).map((t) => ({ ...t, expiresAt: t.expiresAt ?? "never" })))
    case "token:revoke":
      await auth.revokeToken(db, await orgId(db), need("id"))
      return console.log("Revoked.")
    case "import:contacts": {
      const org = await orgId(db)
      return printSummary("Contacts", await importCsv(need("file"), ContactCsvRow, 1000, (batch) => importContacts(db, org, batch)))
    }
    case "import:events": {
      const org = await orgId(db)
      const system: auth.Principal = { orgId: org, orgName: "", userId: org, email: "cli", name: "Admin CLI", role: "admin", tokenId: "" }
      const row = z.record(z.string(), z.string())
      return printSummary(
        "Events",
        await importCsv(need("file"), row, 5000, async (batch) => {
          const r = await ingest(
            db,
            system,
            batch.map(({ row: r }) => ({
              email: r.email,
              type: r.type,
              occurredAt: r.occurred_at,
              source: r.source,
              externalId: r.external_id,
              campaign: r.campaign || undefined,
              assetId: r.asset_id || undefined,
            })),
          )
          return { rejected: r.rejected.map((x) => ({ line: batch[x.line - 1]!.line, reason: x.reason })) }
        }),
      )
    }
    case "import:assets": {
      const org = await orgId(db)
      const { importAssetsCsv } = await import("./import-assets")
      return printSummary("Assets", await importAssetsCsv(db, org, need("file")))
    }
    case "health": {
      const { printHealth } = await import("../health/cli")
      return printHealth(db, await orgId(db), { from: values.from, to: values.to, site: values.site, version: values.version })
    }
    default:
      fail(`unknown command "${command}"`)
  }
}

import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rows, sql, type Database } from "../../src/server/db/client"
import { backends, openTestDatabase } from "./harness"

// docs/scaling.md: every tenant table is distributed by org_id, which needs org_id to lead every
// primary key and unique index. The only exceptions are the tables and lookups that document names.
const referenceTables = ["orgs", "schema_migrations"]
const orgFreeLookups = ["api_tokens_hash", "sessions_secret", "asset_shares_code"]

describe.each(backends)("keys lead with org_id on %s", (kind) => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase(kind)
  })
  afterAll(async () => {
    if (database.kind === "postgres") {
      const [r] = await rows<{ s: string }>(database.db, sql`SELECT current_schema() AS s`)
      await database.db.execute(sql.raw(`DROP SCHEMA IF EXISTS "${r!.s}" CASCADE`))
    }
    await database.close()
  })

  it("every primary key and unique index of a tenant table starts with org_id", async () => {
    const keys = await uniqueKeys(database)
    // The schema must actually have been read: these tables exist since the first migrations.
    expect(keys.map((k) => k.tbl)).toEqual(expect.arrayContaining(["contacts", "marketing_events", "sessions", "asset_shares"]))
    expect(offenders(keys), "keys that do not lead with org_id (add org_id first, or document the exception in docs/scaling.md)").toEqual([])
    // Each documented exception still exists: when one goes, drop it from the list and the document.
    expect(keys.map((k) => k.idx)).toEqual(expect.arrayContaining(orgFreeLookups))
  })

  it("catches a unique key that does not lead with org_id", async () => {
    await database.db.execute(sql`CREATE TABLE key_probe (org_id uuid NOT NULL, code text NOT NULL, PRIMARY KEY (org_id, code))`)
    await database.db.execute(sql`CREATE UNIQUE INDEX key_probe_code ON key_probe (code)`)
    try {
      expect(offenders(await uniqueKeys(database))).toEqual([{ tbl: "key_probe", idx: "key_probe_code", first: "code" }])
    } finally {
      await database.db.execute(sql`DROP TABLE key_probe`)
    }
  })
})

interface Key {
  tbl: string
  idx: string
  first: string | null
}

/** Primary keys and unique indexes of the tables in the current schema, with their first column (null for an expression). */
function uniqueKeys(database: Database) {
  return rows<Key>(
    database.db,
    sql`
    SELECT t.relname AS tbl, i.relname AS idx, a.attname AS first
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
    WHERE (x.indisprimary OR x.indisunique) AND t.relkind IN ('r', 'p')
    ORDER BY 1, 2`,
  )
}

const offenders = (keys: Key[]) => keys.filter((k) => !referenceTables.includes(k.tbl) && k.first !== "org_id" && !orgFreeLookups.includes(k.idx))

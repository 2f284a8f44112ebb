import { is } from "drizzle-orm"
import { getTableConfig, PgTable } from "drizzle-orm/pg-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rows, sql, type Database } from "../../src/server/db/client"
import * as schema from "../../src/server/db/schema"
import { backends, openTestDatabase } from "./harness"

// src/server/db/schema/ is the typed description of what the migrations build: the row types come from it and
// drizzle-kit generates new migrations from it. Here a freshly migrated database is read back and compared with it,
// so the two can never drift apart. schema_migrations is the runner's own table (src/server/db/migrate.ts), left out.

const tables = (Object.values(schema) as unknown[]).filter((t): t is PgTable => is(t, PgTable)).map((t) => getTableConfig(t))

interface Column {
  tbl: string
  name: string
  type: string
  notNull: boolean
  hasDefault: boolean
}
interface Constraint {
  tbl: string
  name: string
  kind: "p" | "u" | "f" | "c"
  columns: string[]
  refTable: string | null
  refColumns: string[] | null
}
interface Index {
  tbl: string
  name: string
  constraint: boolean
  /** Has INCLUDE columns: something drizzle's index builder cannot say. */
  include: boolean
}

function fromSchema() {
  const columns: Column[] = []
  const constraints: Constraint[] = []
  const indexes: { tbl: string; name: string }[] = []
  for (const t of tables) {
    for (const c of t.columns) {
      columns.push({
        tbl: t.name,
        name: c.name,
        type: c.getSQLType(),
        notNull: c.notNull,
        hasDefault: c.hasDefault || c.generated !== undefined || c.generatedIdentity !== undefined,
      })
      if (c.primary) constraints.push({ tbl: t.name, name: `${t.name}_pkey`, kind: "p", columns: [c.name], refTable: null, refColumns: null })
    }
    for (const pk of t.primaryKeys)
      constraints.push({ tbl: t.name, name: pk.getName(), kind: "p", columns: pk.columns.map((c) => c.name), refTable: null, refColumns: null })
    for (const u of t.uniqueConstraints)
      constraints.push({ tbl: t.name, name: u.getName()!, kind: "u", columns: u.columns.map((c) => c.name), refTable: null, refColumns: null })
    for (const fk of t.foreignKeys) {
      const r = fk.reference()
      constraints.push({
        tbl: t.name,
        name: fk.getName(),
        kind: "f",
        columns: r.columns.map((c) => c.name),
        refTable: getTableConfig(r.foreignTable).name,
        refColumns: r.foreignColumns.map((c) => c.name),
      })
    }
    for (const ch of t.checks) constraints.push({ tbl: t.name, name: ch.name, kind: "c", columns: [], refTable: null, refColumns: null })
    for (const i of t.indexes) indexes.push({ tbl: t.name, name: i.config.name! })
  }
  const byKey = <T extends { tbl: string; name: string }>(a: T, b: T) => `${a.tbl}.${a.name}`.localeCompare(`${b.tbl}.${b.name}`)
  return { columns: columns.sort(byKey), constraints: constraints.sort(byKey), indexes: indexes.sort(byKey) }
}

async function fromDatabase(database: Database) {
  const db = database.db
  const columns = await rows<Column>(
    db,
    sql`
    SELECT c.table_name AS tbl, c.column_name AS name, format_type(a.atttypid, a.atttypmod) AS type, c.is_nullable = 'NO' AS "notNull",
      (c.column_default IS NOT NULL OR c.is_identity = 'YES' OR c.is_generated = 'ALWAYS') AS "hasDefault"
    FROM information_schema.columns c
    JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema() AND c.table_name <> 'schema_migrations'`,
  )
  const constraints = await rows<Constraint>(
    db,
    sql`
    SELECT t.relname AS tbl, k.conname AS name, k.contype AS kind,
      array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
      f.relname AS "refTable",
      CASE WHEN k.contype = 'f' THEN array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) END AS "refColumns"
    FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid LEFT JOIN pg_class f ON f.oid = k.confrelid
    -- PostgreSQL 18 lists NOT NULL as constraints too (contype 'n'): compared with the columns above.
    WHERE t.relnamespace = current_schema()::regnamespace AND t.relname <> 'schema_migrations' AND k.contype IN ('p', 'u', 'f', 'c')`,
  )
  for (const c of constraints) if (c.kind !== "f") Object.assign(c, { refTable: null, refColumns: null })
  for (const c of constraints) if (c.kind === "c") c.columns = []
  const indexes = await rows<Index>(
    db,
    sql`
    SELECT t.relname AS tbl, i.relname AS name, EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid) AS constraint,
      x.indnkeyatts < x.indnatts AS include
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relnamespace = current_schema()::regnamespace AND t.relname <> 'schema_migrations'`,
  )
  const byKey = <T extends { tbl: string; name: string }>(a: T, b: T) => `${a.tbl}.${a.name}`.localeCompare(`${b.tbl}.${b.name}`)
  return { columns: columns.sort(byKey), constraints: constraints.sort(byKey), indexes: indexes.sort(byKey) }
}

describe.each(backends)("src/server/db/schema matches what the migrations build on %s", (kind) => {
  let database: Database
  let actual: Awaited<ReturnType<typeof fromDatabase>>
  const declared = fromSchema()
  beforeAll(async () => {
    database = await openTestDatabase(kind)
    actual = await fromDatabase(database)
  })
  afterAll(async () => {
    if (database.kind === "postgres") {
      const [r] = await rows<{ s: string }>(database.db, sql`SELECT current_schema() AS s`)
      await database.db.execute(sql.raw(`DROP SCHEMA IF EXISTS "${r!.s}" CASCADE`))
    }
    await database.close()
  })

  it("the same tables", () => {
    expect(declared.columns.length).toBeGreaterThan(100)
    expect([...new Set(actual.columns.map((c) => c.tbl))]).toEqual([...new Set(declared.columns.map((c) => c.tbl))])
  })

  it("every column with its type, nullability and whether it has a default", () => {
    expect(actual.columns).toEqual(declared.columns)
  })

  it("the same primary keys, unique constraints, foreign keys and checks, by PostgreSQL's names", () => {
    expect(actual.constraints).toEqual(declared.constraints)
  })

  it("every declared index exists; the only others are those drizzle cannot declare (INCLUDE)", () => {
    const names = new Set(actual.indexes.map((i) => `${i.tbl}.${i.name}`))
    expect(declared.indexes.filter((i) => !names.has(`${i.tbl}.${i.name}`))).toEqual([])
    const declaredNames = new Set(declared.indexes.map((i) => `${i.tbl}.${i.name}`))
    const undeclared = actual.indexes.filter((i) => !i.constraint && !declaredNames.has(`${i.tbl}.${i.name}`))
    expect(undeclared.filter((i) => !i.include)).toEqual([])
    // The schema's comments name these; the list catches an index added or dropped in SQL without a word there.
    expect(undeclared.map((i) => i.name).sort()).toEqual(includeIndexes)
  })
})

/** Declared only in the SQL migrations, and named in a comment where their table is declared in src/server/db/schema/. */
const includeIndexes = [
  "activities_at",
  "asset_feedback_at",
  "asset_shares_at",
  "asset_shares_at_stage",
  "asset_views_at",
  "contact_scores_created",
  "contacts_created",
  "contacts_owner",
  "contacts_stage_since",
  "mql_outcomes_at",
  "mql_outcomes_decided",
  "stage_changes_at",
  "stage_changes_to",
]

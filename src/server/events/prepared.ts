import { fillPlaceholders, sql, type SQL } from "drizzle-orm"
import { PgDialect } from "drizzle-orm/pg-core"
import pg from "pg"
import { type Executor, rows } from "../db/client"

const dialect = new PgDialect()
const built = new Map<string, { sql: string; params: unknown[] }>()
// Times as the text PostgreSQL sends, as drizzle's node-postgres driver hands them over: the same rows either way.
const rawTimes = new Set([1082, 1083, 1114, 1184, 1186, 1115, 1182, 1183, 1185, 1187, 1231])
const sameTypes = { getTypeParser: (id: number, format?: "text" | "binary") => (rawTimes.has(id) ? (v: string) => v : pg.types.getTypeParser(id, format)) }

/** The pg connection under a transaction (or savepoint) opened on a PostgreSQL server; undefined on PGlite. */
function connectionOf(ex: Executor): pg.Client | undefined {
  const client = (ex as { session?: { client?: unknown } }).session?.client
  return client instanceof pg.Client ? client : undefined
}

/**
 * Rows of one of ingest's large statements, inside its transaction. On a PostgreSQL server it runs as a named
 * prepared statement on the transaction's connection: each connection parses it once (and, once PostgreSQL settles
 * on a generic plan, plans it once), and this process builds its text once, from `build` given placeholders, then
 * fills in `values` on each call (db/client.ts's preparedRows() does the same outside transactions). On PGlite it is
 * built with the values and runs as any other statement. `name` must always come with the same `build`.
 */
export async function preparedInTx<T, V extends Record<string, string | null>>(ex: Executor, name: string, values: V, build: (v: V) => SQL): Promise<T[]> {
  const client = connectionOf(ex)
  if (!client) return rows<T>(ex, build(values))
  let q = built.get(name)
  if (!q) {
    const placeholders = Object.fromEntries(Object.keys(values).map((k) => [k, sql.placeholder(k)])) as unknown as V
    q = dialect.sqlToQuery(build(placeholders))
    built.set(name, q)
  }
  return (await client.query({ name, text: q.sql, values: fillPlaceholders(q.params, values), types: sameTypes as pg.CustomTypesConfig })).rows as T[]
}

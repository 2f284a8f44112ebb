import { mkdirSync } from "node:fs"
import { PGlite } from "@electric-sql/pglite"
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm"
import { sql, type SQL } from "drizzle-orm"
import { drizzle as drizzleNode } from "drizzle-orm/node-postgres"
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core"
import { drizzle as drizzlePglite } from "drizzle-orm/pglite"
import pg from "pg"
import { migrate } from "./migrate"

export type Db = PgDatabase<PgQueryResultHKT>
/** A database or an open transaction: repositories accept either. */
export type Executor = Pick<Db, "execute">

export interface Database {
  db: Db
  kind: "pglite" | "postgres"
  close(): Promise<void>
}

export interface DbOptions {
  /** A PostgreSQL server; without it, the embedded PGlite is used. */
  databaseUrl?: string
  /** Where PGlite keeps its files; omitted means in memory. */
  dataDir?: string
  /** PostgreSQL schema to work in (tests use one per file). */
  schema?: string
}

export async function openDatabase(opts: DbOptions): Promise<Database> {
  if (opts.databaseUrl) {
    if (opts.schema) {
      const admin = new pg.Client({ connectionString: opts.databaseUrl })
      await admin.connect()
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`)
      await admin.end()
    }
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      // Extensions live in public; our tables in the chosen schema.
      options: opts.schema ? `-c search_path="${opts.schema}",public` : undefined,
    })
    const db = drizzleNode(pool) as unknown as Db
    await migrate(db)
    return { db, kind: "postgres", close: () => pool.end() }
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true })
  const client = await PGlite.create({ dataDir: opts.dataDir, extensions: { pg_trgm } })
  const db = drizzlePglite(client) as unknown as Db
  await migrate(db)
  return { db, kind: "pglite", close: () => client.close() }
}

/** Rows of a raw query, the same on both drivers. */
export async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  const res = (await ex.execute(query)) as unknown as { rows: T[] }
  return res.rows
}

export async function one<T>(ex: Executor, query: SQL): Promise<T | undefined> {
  return (await rows<T>(ex, query))[0]
}

/** An array literal, so one parameter carries a whole column (faster than thousands of parameters). */
export function pgArray(values: (string | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`
}

export { sql }

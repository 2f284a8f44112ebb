import { mkdirSync } from "node:fs"
import { PGlite } from "@electric-sql/pglite"
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm"
import { fillPlaceholders, sql, type SQL } from "drizzle-orm"
import { drizzle as drizzleNode } from "drizzle-orm/node-postgres"
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core"
import { drizzle as drizzlePglite } from "drizzle-orm/pglite"
import pg from "pg"
import { migrate } from "./migrate"

export type Db = PgDatabase<PgQueryResultHKT>
/** A database or an open transaction: repositories accept either. */
export type Executor = Pick<Db, "execute">
/** The same, for statements written with drizzle's query builder: typed by src/server/db/schema, rows mapped to its keys. */
export type Builder = Pick<Db, "select" | "insert" | "update" | "delete">

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
    const listener = pgListener(opts.databaseUrl)
    notifiers.set(db, listener.listen)
    return {
      db,
      kind: "postgres",
      close: async () => {
        await listener.close()
        await pool.end()
      },
    }
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true })
  const client = await PGlite.create({ dataDir: opts.dataDir, extensions: { pg_trgm } })
  const db = drizzlePglite(client) as unknown as Db
  await migrate(db)
  // PGlite is one connection in this process: its own LISTEN hears what its NOTIFY says.
  notifiers.set(db, async (channel, cb) => {
    await client.listen(channel, cb)
  })
  return { db, kind: "pglite", close: () => client.close() }
}

/** `payload` is what NOTIFY sent, or "*" after the listening connection was lost: anything may have changed meanwhile. */
export type NotifyHandler = (payload: string) => void
const notifiers = new WeakMap<object, (channel: string, cb: NotifyHandler) => Promise<void>>()

/**
 * Calls `cb` with each NOTIFY on `channel` in this database (any process). False when the database was
 * not opened by openDatabase (no way to listen): callers then rely on their caches' short lifetime alone.
 */
export async function onNotify(db: Executor, channel: string, cb: NotifyHandler): Promise<boolean> {
  const listen = notifiers.get(db)
  if (!listen) return false
  await listen(channel, cb)
  return true
}

/**
 * One connection per process kept for LISTEN (a pooled one would be handed to queries). It reconnects after
 * an error, and then tells every handler "*": notifications sent while it was away are lost.
 */
function pgListener(connectionString: string) {
  const handlers = new Map<string, NotifyHandler[]>()
  let client: pg.Client | undefined
  let connecting: Promise<pg.Client> | undefined
  let closed = false
  let retry: NodeJS.Timeout | undefined
  const connect = (): Promise<pg.Client> => {
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString })
      c.on("notification", (m) => {
        for (const h of handlers.get(m.channel) ?? []) h(m.payload ?? "")
      })
      c.on("error", () => lost(c))
      c.on("end", () => lost(c))
      await c.connect()
      for (const channel of handlers.keys()) await c.query(`LISTEN "${channel}"`)
      client = c
      return c
    })().catch((err) => {
      connecting = undefined
      throw err
    })
    return connecting
  }
  const lost = (c: pg.Client) => {
    if (client !== c || closed) return
    client = undefined
    connecting = undefined
    for (const hs of handlers.values()) for (const h of hs) h("*")
    const again = () => {
      retry = undefined
      if (!closed)
        connect().then(
          () => {
            for (const hs of handlers.values()) for (const h of hs) h("*")
          },
          () => {
            retry = setTimeout(again, 1000)
            retry.unref()
          },
        )
    }
    retry = setTimeout(again, 200)
    retry.unref()
  }
  return {
    async listen(channel: string, cb: NotifyHandler) {
      if (closed) return
      const known = handlers.has(channel)
      handlers.set(channel, [...(handlers.get(channel) ?? []), cb])
      const c = await connect()
      if (!known) await c.query(`LISTEN "${channel}"`)
    },
    async close() {
      closed = true
      if (retry) clearTimeout(retry)
      const c = client ?? (connecting ? await connecting.catch(() => undefined) : undefined)
      client = undefined
      await c?.end().catch(() => {})
    },
  }
}

/** Rows of a raw query, the same on both drivers. */
export async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  const res = (await ex.execute(query)) as unknown as { rows: T[] }
  return res.rows
}

export async function one<T>(ex: Executor, query: SQL): Promise<T | undefined> {
  return (await rows<T>(ex, query))[0]
}

/** A json column's value: pg and PGlite both return it parsed; a string would mean the driver changed. */
export const jsonValue = <T>(v: T | string): T => (typeof v === "string" ? JSON.parse(v) : v)

const dialect = new PgDialect()
// Times as the text PostgreSQL sends, as drizzle's node-postgres driver hands them over: the same rows either way.
const rawTimes = new Set([1082, 1083, 1114, 1184, 1186, 1115, 1182, 1183, 1185, 1187, 1231])
const sameTypes = { getTypeParser: (id: number, format?: "text" | "binary") => (rawTimes.has(id) ? (v: string) => v : pg.types.getTypeParser(id, format)) }

/** The pool behind a database opened on a PostgreSQL server; undefined for PGlite (one connection) and for transactions. */
export function poolOf(db: Executor): pg.Pool | undefined {
  const client = (db as { $client?: unknown }).$client
  return client instanceof pg.Pool ? client : undefined
}

/** The connection under a transaction (or savepoint) opened on a PostgreSQL server; undefined on PGlite. */
function connectionOf(ex: Executor): pg.Client | undefined {
  const client = (ex as { session?: { client?: unknown } }).session?.client
  return client instanceof pg.Client ? client : undefined
}

const built = new Map<string, { sql: string; params: unknown[] }>()

/**
 * Rows of a statement run often (the sidebar's lookup, ingest's batches), as a named prepared statement on the
 * PostgreSQL server: each connection parses it once (and plans it once, when PostgreSQL settles on a generic plan),
 * and this process builds its text once, from `build` given placeholders, then fills in `values` on each call
 * (building a large statement's text cost more CPU than the driver's whole round trip). On the pool or on a
 * transaction's own connection. `name` must always come with the same `build`. On PGlite it is built with the values
 * and runs as any other statement.
 */
export async function preparedRows<T, V extends Record<string, string | number | null>>(
  ex: Executor,
  name: string,
  values: V,
  build: (v: V) => SQL,
): Promise<T[]> {
  const client = poolOf(ex) ?? connectionOf(ex)
  if (!client) return rows<T>(ex, build(values))
  let q = built.get(name)
  if (!q) {
    const placeholders = Object.fromEntries(Object.keys(values).map((k) => [k, sql.placeholder(k)])) as unknown as V
    q = dialect.sqlToQuery(build(placeholders))
    built.set(name, q)
  }
  return (await client.query({ name, text: q.sql, values: fillPlaceholders(q.params, values), types: sameTypes as pg.CustomTypesConfig })).rows as T[]
}

/** The SQLSTATE of a PostgreSQL error, whether drizzle wrapped it or not; undefined for any other error. */
export function sqlState(err: unknown): string | undefined {
  const e = err as { cause?: { code?: unknown }; code?: unknown }
  const code = e?.cause?.code ?? e?.code
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

// PostgreSQL ends one of two transactions that wait on each other (deadlock_detected, serialization_failure), or one
// that inserts a key another one committed meanwhile (unique_violation); all of it is undone, so running it again is
// safe and loses nothing, and the next try finds the other's row.
const retryable = new Set(["40P01", "40001", "23505"])

/**
 * db.transaction(), run again (three tries in all, after a short random pause) when it lost a race PostgreSQL ended
 * it for. Two ingest batches that each mark several MQLs upsert the day's score bands in their own orders (a
 * deadlock); two that create the same new contact both insert its email, and the one that waited for the other fails
 * on the unique key (a unique violation), where the next try finds the contact. A unique violation no race explains
 * fails again on each try and is thrown after the third. `work` must start from scratch on each try.
 */
export async function retriedTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work)
    } catch (err) {
      const code = sqlState(err)
      if (attempt >= 3 || !code || !retryable.has(code)) throw err
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt))
    }
  }
}

/** An array literal, so one parameter carries a whole column (faster than thousands of parameters). */
export function pgArray(values: (string | null)[]): string {
  return pgColumn(values, (v) => v)
}

const quoteOrBackslash = /["\\]/

/**
 * One field of many rows as one array parameter (pgArray): numbers and booleans as text, NULL where the field is
 * absent. Built by concatenation, escaping only the values that need it: an ingest batch sends some thirty of
 * these columns of a thousand values, and a regular expression replace on every value was a tenth of its Node time.
 */
export function pgColumn<T>(items: T[], field: (x: T) => string | number | boolean | null | undefined): string {
  let out = "{"
  for (let i = 0; i < items.length; i++) {
    const v = field(items[i]!)
    if (i > 0) out += ","
    if (v === undefined || v === null) out += "NULL"
    else if (typeof v !== "string" || !quoteOrBackslash.test(v)) out += `"${v}"`
    else out += `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`
  }
  return `${out}}`
}

export { sql }

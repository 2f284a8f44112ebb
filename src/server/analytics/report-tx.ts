import { drizzle } from "drizzle-orm/node-postgres"
import type pg from "pg"
import type { Db, Executor } from "../db/client"
import { poolOf, sql } from "../db/client"

/**
 * Runs one report's queries in a read-only transaction tuned for them. JIT off: compiling a report's plan
 * took longer (1–10 s measured on 1M contacts) than running it, and our reports are many short aggregates, not
 * one long scan. More work_mem: the period's rows sort and hash in memory instead of spilling to disk.
 * SET LOCAL ends with the transaction, so pooled connections go back unchanged.
 */
export async function reportTx<T>(db: Db, fn: (ex: Executor) => Promise<T>, isolationLevel?: "repeatable read"): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tune(tx)
      return fn(tx)
    },
    { accessMode: "read only", isolationLevel },
  )
}

const tune = async (ex: Executor) => {
  await ex.execute(sql`SET LOCAL jit = off`)
  await ex.execute(sql`SET LOCAL work_mem = '64MB'`)
}

/**
 * A half's parallel workers only compete with the other half for the cores: a report lasts as long as its slower half,
 * whose plans are not parallel. Measured at 1,000,000 contacts on 2 cores: content influence's shares half 383-524 ms
 * with workers and 145-383 without, the other half unchanged (410-440 ms).
 */
const tuneHalf = async (ex: Executor) => {
  await tune(ex)
  await ex.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`)
}

/** How long the second half waits for a connection (a new one takes a few ms, more on a busy machine) before both run on the first. */
const secondConnectionWaitMs = 1000

/**
 * Two independent halves of one report at once, each on its own connection, both reading one snapshot (the first
 * transaction exports it, the second imports it), so their numbers add up as if one statement had read them. A
 * PostgreSQL statement runs on one core, and PostgreSQL would not run these halves side by side itself (their
 * plans share materialized lists and call functions it cannot hand to a worker). On PGlite (one connection), and
 * when the pool has no second connection to give, the halves run one after the other in one transaction reading one
 * snapshot: a report never waits long for a connection while holding another, so reports at once cannot starve the pool.
 */
export async function reportHalves<A, B>(db: Db, a: (ex: Executor) => Promise<A>, b: (ex: Executor) => Promise<B>): Promise<[A, B]> {
  const pool = poolOf(db)
  // One transaction that reads one snapshot throughout, as the two would.
  const one = () => reportTx(db, async (ex) => [await a(ex), await b(ex)] as [A, B], "repeatable read")
  if (!pool) return one()
  const first = await pool.connect()
  // A pool with nothing idle and no room to grow: waiting for a second connection while holding one could starve it.
  const full = pool.idleCount === 0 && pool.totalCount >= (pool.options.max ?? 10)
  const second = full ? undefined : await connectWithin(pool, secondConnectionWaitMs)
  if (!second) {
    first.release()
    return one()
  }
  const open: pg.PoolClient[] = []
  try {
    await first.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    open.push(first)
    const snapshot = (await first.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id
    await second.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    open.push(second)
    await second.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`)
    const exA = drizzle(first) as unknown as Db
    const exB = drizzle(second) as unknown as Db
    await Promise.all([tuneHalf(exA), tuneHalf(exB)])
    const out = await Promise.all([a(exA), b(exB)])
    await Promise.all(open.splice(0).map((c) => c.query("COMMIT")))
    return out
  } finally {
    // A transaction left open by an error is rolled back; a connection that cannot even do that is closed, not reused.
    for (const c of [first, second]) {
      const clean = open.includes(c)
        ? await c.query("ROLLBACK").then(
            () => true,
            () => false,
          )
        : true
      c.release(clean ? undefined : true)
    }
  }
}

/** A pooled connection if one can be had within `ms`; otherwise none (and one that arrives late goes straight back). */
async function connectWithin(pool: pg.Pool, ms: number): Promise<pg.PoolClient | undefined> {
  const pending = pool.connect()
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)))
  const got = await Promise.race([pending, late])
  clearTimeout(timer)
  if (got) return got
  void pending.then(
    (c) => c.release(),
    () => {},
  )
  return undefined
}

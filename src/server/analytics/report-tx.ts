import type { Db, Executor } from "../db/client"
import { sql } from "../db/client"

/**
 * Runs one report's queries in a read-only transaction tuned for them. JIT off: compiling a report's plan
 * took longer (1–10 s measured on 1M contacts) than running it, and our reports are many short aggregates, not
 * one long scan. More work_mem: the period's rows sort and hash in memory instead of spilling to disk.
 * SET LOCAL ends with the transaction, so pooled connections go back unchanged.
 */
export async function reportTx<T>(db: Db, fn: (ex: Executor) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`SET LOCAL jit = off`)
      await tx.execute(sql`SET LOCAL work_mem = '64MB'`)
      return fn(tx)
    },
    { accessMode: "read only" },
  )
}

import type { Executor } from "../db/client"
import * as repo from "./repository"

// Activities that arrive together are logged together: while a statement is in flight, the requests that
// come in meanwhile wait and go in the next one, as one multi-row statement (one round trip, one commit, one run of
// the rollup triggers for all of them). Alone, a request goes at once, as before. A request is answered only after
// the statement holding its activity has committed, so what was acknowledged is stored (synchronous commit).

interface Waiting {
  item: repo.LogItem
  resolve: (r: repo.LogResult) => void
  reject: (err: unknown) => void
}

/**
 * Statements in flight at once: one. The activities that come in while it runs make the next one, so the database
 * always has work and every statement is as large as the load makes it. Two in flight made the statements smaller
 * for no more throughput, and could deadlock on the rollup rows they both count into (each trigger run locks its
 * rows in its own order), which cost a second's wait each time (deadlock_timeout) before both went again alone.
 */
const inFlightMax = 1
/** At most this many activities in one statement (a burst is split rather than held back). */
const rowsMax = 64

class Batcher {
  private waiting: Waiting[] = []
  private inFlight = 0
  /** The ids in a statement in flight: the same id again waits for it to end, rather than for its row lock inside another statement. */
  private busy = new Set<string>()

  constructor(private ex: Executor) {}

  log(item: repo.LogItem): Promise<repo.LogResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject })
      this.pump()
    })
  }

  private pump() {
    while (this.inFlight < inFlightMax && this.waiting.length) {
      // One id once in flight: a retry racing its original waits for the statement holding it, then finds it stored.
      const batch: Waiting[] = []
      const later: Waiting[] = []
      const keys: string[] = []
      for (const w of this.waiting) {
        const key = `${w.item.orgId}/${w.item.a.id}`
        if (batch.length < rowsMax && !this.busy.has(key)) {
          this.busy.add(key)
          keys.push(key)
          batch.push(w)
        } else later.push(w)
      }
      this.waiting = later
      if (!batch.length) return
      this.inFlight++
      void this.run(batch).finally(() => {
        for (const key of keys) this.busy.delete(key)
        this.inFlight--
        this.pump()
      })
    }
  }

  private async run(batch: Waiting[]) {
    try {
      const results = await repo.logMany(
        this.ex,
        batch.map((w) => w.item),
      )
      batch.forEach((w, k) => w.resolve(results[k]!))
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err)
      // Nothing of the statement was written. One activity the database refuses (a value it cannot store), or a
      // deadlock with another statement, must not fail the others: each goes again alone and gets its own answer.
      await Promise.all(
        batch.map((w) =>
          repo.logMany(this.ex, [w.item]).then(
            ([r]) => w.resolve(r!),
            (e: unknown) => w.reject(e),
          ),
        ),
      )
    }
  }
}

/** One batcher per database (tests open several in one process). */
const batchers = new WeakMap<object, Batcher>()

/** Logs one activity, in a statement with whichever others are waiting (see repo.logMany for what it does). */
export function logBatched(ex: Executor, item: repo.LogItem): Promise<repo.LogResult> {
  let b = batchers.get(ex)
  if (!b) batchers.set(ex, (b = new Batcher(ex)))
  return b.log(item)
}

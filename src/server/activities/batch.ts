import type { Executor } from "../db/client"
import * as repo from "./repository"

// Activities that arrive together are logged together: while a few statements are in flight, the requests that
// come in meanwhile wait and go in the next one, as one multi-row statement (one round trip, one commit, one run of
// the rollup triggers for all of them). Alone, a request goes at once, as before. A request is answered only after
// the statement holding its activity has committed, so what was acknowledged is stored (synchronous commit).

interface Waiting {
  item: repo.LogItem
  resolve: (r: repo.LogResult) => void
  reject: (err: unknown) => void
}

/** How many statements may be in flight at once: a few, so the pool keeps connections for every other route. */
const inFlightMax = 3
/** At most this many activities in one statement (a burst is split rather than held back). */
const rowsMax = 64

class Batcher {
  private waiting: Waiting[] = []
  private inFlight = 0

  constructor(private ex: Executor) {}

  log(item: repo.LogItem): Promise<repo.LogResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject })
      this.pump()
    })
  }

  private pump() {
    while (this.inFlight < inFlightMax && this.waiting.length) {
      // One id once per statement: a retry racing its original waits for the next, and then finds it stored.
      const batch: Waiting[] = []
      const later: Waiting[] = []
      const keys = new Set<string>()
      for (const w of this.waiting) {
        const key = `${w.item.orgId}/${w.item.a.id}`
        if (batch.length < rowsMax && !keys.has(key)) {
          keys.add(key)
          batch.push(w)
        } else later.push(w)
      }
      this.waiting = later
      this.inFlight++
      void this.run(batch).finally(() => {
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

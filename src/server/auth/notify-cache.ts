import { type Executor, onNotify } from "../db/client"

/**
 * A per-process cache of rows that rarely change and are read on every request (a token's principal, an
 * org's settings). Entries live `ttlMs` at most; a NOTIFY on `channel` (sent by whoever changes the row,
 * in any process) evicts the entries tagged with its payload at once, and "*" evicts all. The lifetime
 * bounds staleness when a notification is lost; DESIGN.md: caches are per process, short-lived, and
 * invalidated through PostgreSQL LISTEN/NOTIFY.
 */
export class NotifyCache<V> {
  private entries = new Map<string, { value: V; tag: string; until: number }>()
  /** Bumped by every notification: a value read from the database before one arrived is not kept. */
  private generation = 0
  private listening: Promise<unknown>

  constructor(
    db: Executor,
    channel: string,
    private ttlMs: number,
    private maxEntries = 10_000,
  ) {
    this.listening = onNotify(db, channel, (payload) => this.evict(payload)).catch(() => false)
  }

  get(key: string): V | undefined {
    const e = this.entries.get(key)
    if (!e) return undefined
    if (e.until <= Date.now()) {
      this.entries.delete(key)
      return undefined
    }
    return e.value
  }

  /** Reads through the cache: `load` runs on a miss, and its value is kept unless a notification came meanwhile. */
  async load(key: string, tag: (v: V) => string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const hit = this.get(key)
    if (hit !== undefined) return hit
    const generation = this.generation
    const v = await load()
    if (v !== undefined && generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
      this.entries.set(key, { value: v, tag: tag(v), until: Date.now() + this.ttlMs })
    }
    return v
  }

  /** Evicts the entries tagged `tag` ("*": all); what this process changed itself is evicted before the NOTIFY comes back. */
  evict(tag: string) {
    this.generation++
    if (tag === "*") return this.entries.clear()
    for (const [k, e] of this.entries) if (e.tag === tag) this.entries.delete(k)
  }

  /** Resolves once LISTEN is in place (tests wait for it before changing a row from elsewhere). */
  ready() {
    return this.listening
  }
}

/** One cache per database and purpose: tests open many databases in one process. */
export function cacheFor<V>(caches: WeakMap<object, NotifyCache<V>>, db: Executor, make: () => NotifyCache<V>): NotifyCache<V> {
  let c = caches.get(db)
  if (!c) caches.set(db, (c = make()))
  return c
}

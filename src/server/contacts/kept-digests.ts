import type { Db } from "../db/client"
import { current, type Digest } from "./digest"

/**
 * The digests this process read last, by org and what was looked up (`<org>:email:…`, `…:linkedin:…`, `…:id:…`),
 * the least recently used dropped first. One is used only when the lookup's statement names the same version
 * (contact, event count, newest event, since: contacts/repository.ts `context`), so it is exactly the stored digest
 * and any number of processes stay right. A sidebar asks for the same person again and again (each time it shows
 * them, on every focus): the digest, a lookup's largest field, is then neither sent by PostgreSQL nor parsed here.
 * Bounded by the events the digests hold in all (a digest holds from a few to a few thousand), not by their number.
 */
export class KeptDigests {
  private readonly kept = new Map<string, { version: string; digest: Digest }>()
  private events = 0

  constructor(private readonly maxEvents: number) {}

  /** The version kept for `key`, to send with the lookup; null when none is. */
  version(key: string): string | null {
    return this.kept.get(key)?.version ?? null
  }

  /** The digest the lookup's row names: the one it carries (kept from now on) or, when it carries none, the one kept. */
  resolve(key: string, version: string | null, sent: Digest | null): Digest | null {
    if (version === null) return null
    if (sent !== null) {
      // One stored in an older shape is not kept: the lookup builds it again.
      if (!current(sent)) return null
      this.drop(key)
      this.kept.set(key, { version, digest: sent })
      this.events += sent.events.type.length
      for (const oldest of this.kept.keys()) {
        if (this.events <= this.maxEvents || oldest === key) break
        this.drop(oldest)
      }
      return sent
    }
    const k = this.kept.get(key)
    if (k?.version !== version) return null
    // Most recently used last: a Map keeps insertion order.
    this.kept.delete(key)
    this.kept.set(key, k)
    return k.digest
  }

  private drop(key: string) {
    const k = this.kept.get(key)
    if (!k) return
    this.events -= k.digest.events.type.length
    this.kept.delete(key)
  }
}

/**
 * 100,000 events per process, about 24 MB parsed (measured: 5,000 digests of the 1,000,000-contact benchmark's
 * typical 20 events), many times a rep's day of contacts. One per database: tests open many in one process.
 */
const byDb = new WeakMap<object, KeptDigests>()
export function keptDigests(db: Db): KeptDigests {
  let k = byDb.get(db)
  if (!k) byDb.set(db, (k = new KeptDigests(100_000)))
  return k
}

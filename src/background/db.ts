// The worker's IndexedDB (extension origin), the only Dexie module. Content scripts never open
// it: their IndexedDB would belong to mail.google.com and be readable by that page.
//
// Nothing here grows with use; each store has its bound (tests/unit/background/storage-bounds.test.ts):
// - outbox: an item leaves in the transaction that learns the server has it; a failed one (the
//   server refused it for good) stays until the rep retries or discards it, so it is never lost unseen.
// - contacts: the CACHE_MAX most recently used contexts (putContact evicts the rest).
// - selectorCounts, healthReports: a day's counts leave once the server has them, or when they
//   are older than HEALTH_MAX_AGE_DAYS (health.ts, contracts/health.ts).
import Dexie, { type EntityTable } from "dexie"
import type { ActivityInput } from "../shared/contracts/activities"
import type { ContactContext } from "../shared/contracts/contacts"
import type { Bant, HandoffInput, LeadFeedbackInput } from "../shared/contracts/handoff"
import type { AssetFeedbackInput, ShareInput } from "../shared/contracts/assets"

/** One cached contact, reachable by its id and by every lookup key it was found under. */
export interface CachedContact {
  id: string
  /** `email:<addr>` / `linkedin:<slug>`; multi-entry index. */
  keys: string[]
  context: ContactContext
  cachedAt: string
  /** Epoch ms of the last read or write, for LRU eviction. */
  usedAt: number
}

export type OutboxPayload =
  | { kind: "activity"; activity: ActivityInput }
  | { kind: "handoff"; input: HandoffInput }
  | { kind: "feedback"; input: LeadFeedbackInput }
  | { kind: "bant"; bant: Bant }
  /** A tracked link the rep already pasted (its code is client-made); `title` only labels it in the popup. */
  | { kind: "share"; share: ShareInput & { code: string }; title?: string }
  | { kind: "asset_feedback"; input: AssetFeedbackInput & { id: string }; title?: string }
export type OutboxKind = OutboxPayload["kind"]

export interface OutboxItem {
  /** Client UUID; the activity id for activities, the body `id` for handoff/feedback/share/asset feedback, so the server dedupes. */
  id: string
  kind: OutboxKind
  contactId: string
  payload: OutboxPayload
  createdAt: string
  /** Monotonic, for per-contact ordering. */
  seq: number
  attempts: number
  /** Epoch ms. */
  nextAttemptAt: number
  state: "pending" | "sending" | "failed"
  /** Who made it ("<backend>|<user id>"); another rep signing in on this browser never sends it as theirs. */
  owner?: string
  /** Set while "sending": who claimed it and when (epoch ms); a stale lease is reclaimed. */
  leaseId?: string
  leaseAt?: number
  error?: string
  status?: number
}

/**
 * How often one detection strategy answered on one UTC day (selector health, src/background/health.ts).
 * Counts only: no names, addresses or URLs. `key` is `day|site|view|strategy|version`.
 */
export interface SelectorCountRow {
  key: string
  day: string
  site: string
  view: string
  strategy: string
  version: string
  count: number
}

/** The random id a day's report is sent under, kept so a resend replaces it on the server. */
export interface HealthReportId {
  day: string
  reportId: string
}

export type RelayDb = Dexie & {
  contacts: EntityTable<CachedContact, "id">
  outbox: EntityTable<OutboxItem, "id">
  selectorCounts: EntityTable<SelectorCountRow, "key">
  healthReports: EntityTable<HealthReportId, "day">
}

export const DB_NAME = "relay"

export function openDb(name = DB_NAME, opts?: ConstructorParameters<typeof Dexie>[1]): RelayDb {
  const db = new Dexie(name, opts) as RelayDb
  db.version(1).stores({
    contacts: "id, *keys, usedAt",
    outbox: "id, seq, contactId, state, nextAttemptAt",
    localActivities: "id, contactId, synced",
  })
  db.version(2).stores({
    selectorCounts: "key, day",
    healthReports: "day",
  })
  // A copy of each logged activity was kept here too, written and never read: the outbox item holds
  // the activity until the server has it, and the sidebar shows it from its own cache. Dropping the
  // store leaves the other stores, and so the outbox's unsent writes, as they were.
  db.version(3).stores({ localActivities: null })
  return db
}

export const CACHE_MAX = 500

/** The cached context for a lookup key, or null; touches it for LRU. */
export async function cachedByKey(db: RelayDb, key: string, now = Date.now()): Promise<CachedContact | null> {
  const hit = await db.contacts.where("keys").equals(key).first()
  if (!hit) return null
  await db.contacts.update(hit.id, { usedAt: now })
  return hit
}

/** Stores a fresh context under its id and `key` (a key moves if it now names someone else), then trims to `max`. */
export async function putContact(db: RelayDb, context: ContactContext, key: string | null, now = Date.now(), max = CACHE_MAX): Promise<void> {
  await db.transaction("rw", db.contacts, async () => {
    const id = context.contact.id
    const prev = await db.contacts.get(id)
    const keys = new Set(prev?.keys ?? [])
    // The contact's own addresses are lookup keys too: a later lookup by another of them hits the cache.
    const fresh = [...(key ? [key] : []), ...context.contact.emails.map((e) => `email:${e.toLowerCase()}`)].filter((k) => !keys.has(k))
    for (const k of fresh) {
      // A key names one person: if it pointed at someone else before, it moves.
      const others = await db.contacts.where("keys").equals(k).toArray()
      for (const o of others) if (o.id !== id) await db.contacts.update(o.id, { keys: o.keys.filter((x) => x !== k) })
      keys.add(k)
    }
    await db.contacts.put({ id, keys: [...keys], context, cachedAt: new Date(now).toISOString(), usedAt: now })
    const count = await db.contacts.count()
    if (count > max) {
      const victims = await db.contacts
        .orderBy("usedAt")
        .limit(count - max)
        .primaryKeys()
      await db.contacts.bulkDelete(victims)
    }
  })
}

/** A 404 for a key: forget it so the sidebar does not keep showing someone it no longer is. */
export async function forgetKey(db: RelayDb, key: string): Promise<void> {
  await db.transaction("rw", db.contacts, async () => {
    const hits = await db.contacts.where("keys").equals(key).toArray()
    for (const h of hits) await db.contacts.update(h.id, { keys: h.keys.filter((k) => k !== key) })
  })
}

export async function clearCache(db: RelayDb): Promise<void> {
  await db.contacts.clear()
}

// The outbox: every write the rep makes (a logged call, a handoff decision, feedback, BANT) is
// stored here first and sent when the backend can be reached. The item is the worker's only copy
// of the write: the sidebar shows an unsent log from its own cache, marked by `status()`. Nothing
// is dropped silently: an item leaves the outbox only when the server took it (2xx, including a
// 200 "already had it"), or when the rep discards a failed one; so the outbox holds only what is
// still on its way or waiting for the rep, and does not grow with use.
//
// No chrome APIs here: the worker passes the Dexie db, a `send` function and a clock, so tests
// drive it directly and index.ts only wires alarms and events.
import { activityNames, codeWords } from "../shared/activity-words"
import type { OutboxItemView, OutboxStatus } from "../shared/messages"
import { ApiError, type ApiClient } from "./api-client"
import type { OutboxItem, OutboxKind, OutboxPayload, RelayDb } from "./db"

export interface BackoffOptions {
  baseMs: number
  capMs: number
  minMs: number
}
export const defaultBackoff: BackoffOptions = { baseMs: 2_000, capMs: 10 * 60_000, minMs: 1_000 }

/**
 * Exponential backoff with full jitter: uniformly random in [minMs, min(capMs, baseMs·2^(attempt-1))].
 * The jitter spreads out retries when many items (or many reps) fail at once; the floor keeps a
 * dead server from being hammered in a tight loop.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, o: BackoffOptions = defaultBackoff, retryAfterMs?: number): number {
  const ceiling = Math.min(o.capMs, o.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)))
  const jittered = Math.max(o.minMs, Math.floor(random() * ceiling))
  return retryAfterMs !== undefined ? Math.min(o.capMs, Math.max(jittered, retryAfterMs)) : jittered
}

export type SendOutcome = "sent" | "transient" | "permanent" | "signed_out"

/** Sorts a send failure: 401 waits for sign-in; network, timeout, 5xx, 429 retry; other 4xx need the rep. */
export function classify(err: unknown): SendOutcome {
  if (!(err instanceof ApiError)) return "transient" // a bug or an odd runtime error: keep it, try later
  // A 2xx whose body we could not parse: the server has the item.
  if (err.status !== undefined && err.status >= 200 && err.status < 300) return "sent"
  if (err.code === "signed_out") return "signed_out"
  return err.transient ? "transient" : "permanent"
}

const shareChannelNames: Record<string, string> = { gmail: "Gmail", outlook: "Outlook", linkedin: "LinkedIn", copy: "copy" }
const quoted = (t: string) => `“${t.length > 50 ? `${t.slice(0, 47)}…` : t}”`

/** A line a person reads in the popup: "Call with outcome connected (Jane Doe)". */
export function summarize(p: OutboxPayload, contactName?: string | null): string {
  let s: string
  switch (p.kind) {
    case "activity": {
      const a = p.activity
      s = activityNames[a.type] ?? codeWords(a.type)
      if (a.outcome) s += ` with outcome ${codeWords(a.outcome)}`
      else if (a.subject) s += `: ${a.subject.length > 60 ? `${a.subject.slice(0, 57)}…` : a.subject}`
      break
    }
    case "handoff":
      s = p.input.decision === "accept" ? "Accepted the lead" : `Rejected the lead (${codeWords(p.input.reason)})`
      break
    case "feedback":
      s = `Rated the lead ${p.input.rating}/5`
      break
    case "bant":
      s = "Updated BANT"
      break
    case "share": {
      const how = p.share.channel === "copy" ? "copied a link" : `by ${shareChannelNames[p.share.channel] ?? codeWords(p.share.channel)}`
      s = p.title ? `Shared ${quoted(p.title)} (${how})` : `Shared content (${how})`
      break
    }
    case "asset_feedback":
      s = `${p.title ? quoted(p.title) : "Content"} ${p.input.helped ? "helped" : "didn't help"}`
      break
  }
  return contactName ? `${s} (${contactName})` : s
}

export interface EnqueueInput {
  id: string
  contactId: string
  payload: OutboxPayload
}

export interface OutboxOptions {
  db: RelayDb
  /** Sends one item; resolves on 2xx, throws (ideally an ApiError) otherwise. */
  send: (item: OutboxItem) => Promise<void>
  now?: () => number
  random?: () => number
  backoff?: BackoffOptions
  /** A "sending" item older than this is considered abandoned (the worker died mid-send) and reclaimed. */
  leaseMs?: number
  /** Delay before an item held back by a 401 is tried again without a sign-in. */
  signedOutDelayMs?: number
  /** Called after anything changed (badge, alarm). Errors are swallowed. */
  onChange?: () => void | Promise<void>
  /** The signed-in identity; items are stamped with it and sent only while it is signed in. */
  owner?: () => Promise<string | null>
}

export interface FlushResult {
  sent: number
  retried: number
  failed: number
  signedOut: boolean
}

export class Outbox {
  readonly db: RelayDb
  private readonly sendFn: OutboxOptions["send"]
  private readonly now: () => number
  private readonly random: () => number
  private readonly backoff: BackoffOptions
  readonly leaseMs: number
  private readonly signedOutDelayMs: number
  private readonly onChange?: OutboxOptions["onChange"]
  private readonly owner: () => Promise<string | null>
  private running: Promise<FlushResult> | null = null
  private again = false

  constructor(o: OutboxOptions) {
    this.db = o.db
    this.sendFn = o.send
    this.now = o.now ?? Date.now
    this.random = o.random ?? Math.random
    this.backoff = o.backoff ?? defaultBackoff
    this.leaseMs = o.leaseMs ?? 60_000
    this.signedOutDelayMs = o.signedOutDelayMs ?? 60_000
    this.onChange = o.onChange
    this.owner = o.owner ?? (async () => null)
  }

  /**
   * Stores an item. An id already in the outbox returns the stored item unchanged (`created: false`):
   * a double submit makes one record. One the server already took is sent again and answered
   * "already had it" (the id in the body makes the server dedupe), which also makes one record.
   */
  async enqueue(input: EnqueueInput): Promise<{ item: OutboxItem; created: boolean }> {
    const db = this.db
    const kind: OutboxKind = input.payload.kind
    const owner = (await this.owner()) ?? undefined
    const result = await db.transaction("rw", db.outbox, async () => {
      const existing = await db.outbox.get(input.id)
      if (existing) return { item: existing, created: false }
      const last = await db.outbox.orderBy("seq").last()
      const now = this.now()
      const item: OutboxItem = {
        id: input.id,
        kind,
        contactId: input.contactId,
        payload: input.payload,
        createdAt: new Date(now).toISOString(),
        seq: (last?.seq ?? 0) + 1,
        attempts: 0,
        nextAttemptAt: now,
        state: "pending",
        ...(owner ? { owner } : {}),
      }
      await db.outbox.add(item)
      return { item, created: true }
    })
    if (result.created) await this.changed()
    return result
  }

  /**
   * Sends what is due, oldest first per contact. Safe to call from anywhere at any time: calls on
   * one instance share a run, and separate instances (or worker restarts) are kept apart by the
   * claim each item takes in a transaction before it is sent.
   */
  flush(): Promise<FlushResult> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = this.runFlush()
    return this.running
  }

  private async runFlush(): Promise<FlushResult> {
    await Promise.resolve() // this.running is assigned before anything below can finish
    const total: FlushResult = { sent: 0, retried: 0, failed: 0, signedOut: false }
    // Items tried once in this run are not tried again in it, whatever their backoff says.
    const tried = new Set<string>()
    try {
      for (;;) {
        this.again = false
        for (;;) {
          const claimed = await this.claim(tried)
          if (claimed.length === 0) break
          const outcomes = await Promise.all(claimed.map((it) => this.sendOne(it)))
          for (const o of outcomes) {
            if (o === "sent") total.sent++
            else if (o === "transient") total.retried++
            else if (o === "permanent") total.failed++
            else total.signedOut = true
          }
          if (total.signedOut) break
        }
        await this.changed()
        // Checked and cleared in one synchronous step, so a flush() asked for meanwhile is never lost.
        if (total.signedOut || !this.again) {
          this.running = null
          return total
        }
      }
    } catch (e) {
      this.running = null
      throw e
    }
  }

  /** Atomically marks the head item of each contact "sending" if it is due (or its lease went stale). */
  private async claim(tried: Set<string>): Promise<OutboxItem[]> {
    const db = this.db
    const leaseId = crypto.randomUUID()
    const current = await this.owner()
    return db.transaction("rw", db.outbox, async () => {
      const now = this.now()
      const items = await db.outbox.orderBy("seq").toArray()
      const headSeen = new Set<string>()
      const claimed: OutboxItem[] = []
      for (const it of items) {
        // Another rep's item waits for them to sign in again; it holds back nothing of the current rep's.
        if (it.owner && it.owner !== current) continue
        // A failed item is parked for the rep; it does not hold back the contact's later items.
        if (it.state === "failed" || headSeen.has(it.contactId)) continue
        headSeen.add(it.contactId)
        if (tried.has(it.id)) continue
        const due = it.state === "pending" && it.nextAttemptAt <= now
        const abandoned = it.state === "sending" && (it.leaseAt ?? 0) <= now - this.leaseMs
        if (!due && !abandoned) continue
        const mine: OutboxItem = { ...it, state: "sending", leaseId, leaseAt: now }
        await db.outbox.put(mine)
        claimed.push(mine)
        tried.add(it.id)
      }
      return claimed
    })
  }

  private async sendOne(item: OutboxItem): Promise<SendOutcome> {
    let outcome: SendOutcome
    let err: unknown
    try {
      await this.sendFn(item)
      outcome = "sent"
    } catch (e) {
      err = e
      outcome = classify(e)
    }
    const db = this.db
    await db.transaction("rw", db.outbox, async () => {
      const now = this.now()
      const cur = await db.outbox.get(item.id)
      if (outcome === "sent") {
        // The server has it, whoever else was holding or had discarded the item.
        if (cur) await db.outbox.delete(item.id)
        return
      }
      // Someone else reclaimed it, or the rep discarded it while we were sending: theirs now.
      if (!cur || cur.state !== "sending" || cur.leaseId !== item.leaseId) return
      const message = err instanceof Error ? err.message : String(err)
      const status = err instanceof ApiError ? err.status : undefined
      const base = { ...cur, leaseId: undefined, leaseAt: undefined, status }
      delete base.leaseId
      delete base.leaseAt
      if (status === undefined) delete base.status
      if (outcome === "permanent") {
        await db.outbox.put({ ...base, state: "failed", attempts: cur.attempts + 1, error: message })
      } else if (outcome === "signed_out") {
        await db.outbox.put({ ...base, state: "pending", nextAttemptAt: now + this.signedOutDelayMs, error: "Waiting for you to sign in to Relay" })
      } else {
        const attempts = cur.attempts + 1
        const retryAfter = err instanceof ApiError ? err.retryAfterMs : undefined
        await db.outbox.put({
          ...base,
          state: "pending",
          attempts,
          nextAttemptAt: now + backoffDelay(attempts, this.random, this.backoff, retryAfter),
          error: message,
        })
      }
    })
    return outcome
  }

  /** Makes every pending item due now (on sign-in, on coming back online). */
  async wake(): Promise<void> {
    const now = this.now()
    await this.db.outbox.where("state").equals("pending").modify({ nextAttemptAt: now })
  }

  /** Puts a failed item back in line, due now. */
  async retry(id: string): Promise<boolean> {
    const db = this.db
    const ok = await db.transaction("rw", db.outbox, async () => {
      const cur = await db.outbox.get(id)
      if (!cur || cur.state !== "failed") return false
      const next: OutboxItem = { ...cur, state: "pending", attempts: 0, nextAttemptAt: this.now() }
      delete next.error
      delete next.status
      await db.outbox.put(next)
      return true
    })
    if (ok) await this.changed()
    return ok
  }

  /** Drops an item the rep chose to give up on. */
  async discard(id: string): Promise<boolean> {
    const db = this.db
    const ok = await db.transaction("rw", db.outbox, async () => {
      const cur = await db.outbox.get(id)
      // An item in flight may already be on the server: dropping it here would hide a record that exists.
      if (!cur || cur.state === "sending") return false
      await db.outbox.delete(id)
      return true
    })
    if (ok) await this.changed()
    return ok
  }

  /** Items not yet sent and not failed. */
  pendingCount(): Promise<number> {
    return this.db.outbox.where("state").anyOf("pending", "sending").count()
  }

  /** When the next item falls due (epoch ms), or null when nothing is waiting. */
  async nextDueAt(): Promise<number | null> {
    let next: number | null = null
    await this.db.outbox
      .where("state")
      .anyOf("pending", "sending")
      .each((it) => {
        const at = it.state === "pending" ? it.nextAttemptAt : (it.leaseAt ?? 0) + this.leaseMs
        if (next === null || at < next) next = at
      })
    return next
  }

  async status(): Promise<OutboxStatus> {
    const items = await this.db.outbox.orderBy("seq").toArray()
    const ids = [...new Set(items.map((i) => i.contactId))]
    const contacts = await this.db.contacts.bulkGet(ids)
    const names = new Map(contacts.filter((c) => c !== undefined).map((c) => [c!.id, c!.context.contact.name]))
    const views: OutboxItemView[] = items.map((it) => ({
      id: it.id,
      kind: it.kind,
      contactId: it.contactId,
      createdAt: it.createdAt,
      state: it.state === "failed" ? "failed" : "pending",
      attempts: it.attempts,
      ...(it.error ? { error: it.error } : {}),
      summary: summarize(it.payload, names.get(it.contactId)),
    }))
    return { pending: views.filter((v) => v.state === "pending").length, failed: views.filter((v) => v.state === "failed"), items: views }
  }

  private async changed() {
    try {
      await this.onChange?.()
    } catch {
      // The badge or the alarm failing must not fail a write.
    }
  }
}

/** The real `send`: one API call per kind; ids in the body let the server dedupe a resend. */
export function sendVia(api: Pick<ApiClient, "logActivity" | "handoff" | "feedback" | "bant" | "share" | "assetFeedback">) {
  return async (item: OutboxItem): Promise<void> => {
    const p = item.payload
    switch (p.kind) {
      case "activity":
        await api.logActivity(p.activity)
        return
      case "handoff":
        await api.handoff(item.contactId, { ...p.input, id: item.id })
        return
      case "feedback":
        await api.feedback(item.contactId, { ...p.input, id: item.id })
        return
      case "bant":
        // PATCH with the same fields is idempotent by nature; the server's Bant is strict, so no id.
        await api.bant(item.contactId, p.bant)
        return
      case "share":
        // The link is already in the rep's message: the client-made code must be the one recorded (a 409 parks it as failed).
        await api.share({ ...p.share, id: item.id })
        return
      case "asset_feedback":
        await api.assetFeedback({ ...p.input, id: item.id })
        return
    }
  }
}

import "fake-indexeddb/auto"
import { afterEach, describe, expect, it } from "vitest"
import type { ActivityInput } from "../../../src/shared/contracts/activities"
import { createApiClient } from "../../../src/background/api-client"
import { openDb, type RelayDb } from "../../../src/background/db"
import { backoffDelay, defaultBackoff, Outbox, sendVia, summarize } from "../../../src/background/outbox"
import { createFakeServer, uuid, type FakeServer } from "./fake-server"

let dbs: RelayDb[] = []
let n = 0
afterEach(() => {
  for (const d of dbs) d.close()
  dbs = []
})

function setup(opts: { delayMs?: number; name?: string; server?: FakeServer } = {}) {
  const server = opts.server ?? createFakeServer({ delayMs: opts.delayMs })
  const name = opts.name ?? `outbox-${++n}-${Math.random()}`
  const db = openDb(name)
  dbs.push(db)
  const clock = { t: Date.parse("2025-03-01T10:00:00Z") }
  const api = createApiClient({ getConfig: async () => ({ baseUrl: "https://relay.test", token: server.token }), fetch: server.fetch })
  const outbox = new Outbox({ db, send: sendVia(api), now: () => clock.t, random: () => 0.5 })
  return { server, db, name, clock, api, outbox }
}

const CONTACT_A = uuid(1)
const CONTACT_B = uuid(2)
let aid = 100
function activity(contactId: string, extra: Partial<ActivityInput> = {}): ActivityInput {
  return { id: uuid(++aid), contactId, type: "call", occurredAt: "2025-03-01T09:00:00Z", outcome: "connected", ...extra }
}
const enqueueActivity = (o: Outbox, a: ActivityInput) => o.enqueue({ id: a.id, contactId: a.contactId, payload: { kind: "activity", activity: a } })

describe("outbox", () => {
  it("stores the item, the worker's only copy of the activity, and lets it go once sent", async () => {
    const { outbox, db, server } = setup()
    const a = activity(CONTACT_A)
    server.setDown(true)
    await enqueueActivity(outbox, a)
    expect(await db.outbox.get(a.id)).toMatchObject({ state: "pending", payload: { kind: "activity", activity: a } })
    expect((await outbox.flush()).retried).toBe(1)
    server.setDown(false)
    await outbox.wake()
    expect((await outbox.flush()).sent).toBe(1)
    expect(await db.outbox.count()).toBe(0)
    expect(db.tables.map((t) => t.name)).not.toContain("localActivities")
    expect(server.activities.get(a.id)).toEqual(a)
  })

  it("dedupes an enqueue whose id is already there", async () => {
    const { outbox, db, server } = setup()
    server.setDown(true)
    const a = activity(CONTACT_A)
    const first = await enqueueActivity(outbox, a)
    const second = await enqueueActivity(outbox, { ...a, notes: "double click" })
    expect(first.created).toBe(true)
    expect(second.created).toBe(false)
    expect(second.item.payload).toEqual({ kind: "activity", activity: a })
    expect(await db.outbox.count()).toBe(1)
  })

  it("sends in order per contact; another contact is not held back", async () => {
    const { outbox, server, clock } = setup()
    const a1 = activity(CONTACT_A, { notes: "a1" })
    const a2 = activity(CONTACT_A, { notes: "a2" })
    const b1 = activity(CONTACT_B, { notes: "b1" })
    server.setDown(true)
    for (const a of [a1, a2, b1]) await enqueueActivity(outbox, a)
    server.setDown(false)
    server.fail("/api/v1/activities", { kind: "status", status: 503 })
    // The 503 hits a1 (first in line); a2 must wait behind it, b1 goes.
    const r1 = await outbox.flush()
    expect(r1).toMatchObject({ sent: 1, retried: 1 })
    expect([...server.activities.keys()]).toEqual([b1.id])

    clock.t += defaultBackoff.capMs
    const r2 = await outbox.flush()
    expect(r2.sent).toBe(2)
    const order = server.posts("/api/v1/activities").map((h) => h.body.notes)
    expect(order).toEqual(["a1", "b1", "a1", "a2"])
  })

  it("a permanently failed item is kept for the rep and does not block the contact's later items", async () => {
    const { outbox, server } = setup()
    const a1 = activity(CONTACT_A, { notes: "a1" })
    const a2 = activity(CONTACT_A, { notes: "a2" })
    server.setDown(true)
    await enqueueActivity(outbox, a1)
    await enqueueActivity(outbox, a2)
    server.setDown(false)
    server.fail("/api/v1/activities", { kind: "status", status: 409, message: "an activity with this id exists with different content" })
    const r = await outbox.flush()
    expect(r).toMatchObject({ failed: 1, sent: 1 })
    const s = await outbox.status()
    expect(s.pending).toBe(0)
    expect(s.failed).toHaveLength(1)
    expect(s.failed[0]).toMatchObject({
      id: a1.id,
      state: "failed",
      error: "an activity with this id exists with different content",
      summary: "Call with outcome connected",
    })

    // Retry puts it back in line; this time the server takes it.
    await outbox.retry(a1.id)
    expect((await outbox.status()).pending).toBe(1)
    expect((await outbox.flush()).sent).toBe(1)
    expect((await outbox.status()).items).toEqual([])
  })

  it.each([400, 403, 404, 409, 422])("HTTP %i fails the item permanently and keeps it", async (status) => {
    const { outbox, server, db } = setup()
    server.fail("/handoff", { kind: "status", status, message: `nope ${status}` })
    await outbox.enqueue({ id: uuid(777), contactId: CONTACT_A, payload: { kind: "handoff", input: { decision: "reject", reason: "no_budget" } } })
    await outbox.flush()
    const item = await db.outbox.get(uuid(777))
    expect(item).toMatchObject({ state: "failed", attempts: 1 })
    expect(item!.error).toBe(`nope ${status}`)
    // Still there after more flushes; only discard removes it.
    await outbox.flush()
    expect(await db.outbox.count()).toBe(1)
    await outbox.discard(uuid(777))
    expect(await db.outbox.count()).toBe(0)
  })

  it.each([
    ["503", { kind: "status", status: 503 } as const],
    ["500", { kind: "status", status: 500 } as const],
    ["429", { kind: "status", status: 429 } as const],
    ["a network error", { kind: "network" } as const],
  ])("%s is retried with backoff", async (_label, fault) => {
    const { outbox, server, db, clock } = setup()
    const a = activity(CONTACT_A)
    server.fail("/api/v1/activities", fault, 2)
    await enqueueActivity(outbox, a)
    await outbox.flush()
    const after1 = (await db.outbox.get(a.id))!
    expect(after1).toMatchObject({ state: "pending", attempts: 1 })
    expect(after1.nextAttemptAt - clock.t).toBe(backoffDelay(1, () => 0.5))
    // Not due yet: nothing is sent.
    await outbox.flush()
    expect(server.posts("/api/v1/activities")).toHaveLength(1)
    clock.t = after1.nextAttemptAt
    await outbox.flush()
    const after2 = (await db.outbox.get(a.id))!
    expect(after2.attempts).toBe(2)
    expect(after2.nextAttemptAt - clock.t).toBe(backoffDelay(2, () => 0.5))
    clock.t = after2.nextAttemptAt
    await outbox.flush()
    expect(await db.outbox.count()).toBe(0)
    expect(server.activities.size).toBe(1)
  })

  it("honours Retry-After on a 429", async () => {
    const { outbox, server, db, clock } = setup()
    const a = activity(CONTACT_A)
    server.fail("/api/v1/activities", { kind: "status", status: 429, headers: { "retry-after": "120" } })
    await enqueueActivity(outbox, a)
    await outbox.flush()
    expect((await db.outbox.get(a.id))!.nextAttemptAt - clock.t).toBe(120_000)
  })

  it("a 401 keeps the item pending (waiting for sign-in), not failed, and stops the run", async () => {
    const { outbox, server, db } = setup()
    server.fail("/api/v1/activities", { kind: "status", status: 401 })
    const a1 = activity(CONTACT_A)
    const b1 = activity(CONTACT_B)
    await outbox.enqueue({ id: a1.id, contactId: a1.contactId, payload: { kind: "activity", activity: a1 } })
    await outbox.enqueue({ id: b1.id, contactId: b1.contactId, payload: { kind: "activity", activity: b1 } })
    const r = await outbox.flush()
    expect(r.signedOut).toBe(true)
    const item = (await db.outbox.get(a1.id))!
    expect(item.state).toBe("pending")
    expect(item.attempts).toBe(0)
    expect(item.error).toMatch(/sign in/)
    // After sign-in the worker wakes the outbox: everything goes.
    await outbox.wake()
    await outbox.flush()
    expect(await db.outbox.count()).toBe(0)
  })

  it("a resend after a lost response makes one record on the server", async () => {
    const { outbox, server, clock } = setup()
    const a = activity(CONTACT_A)
    server.fail("/api/v1/activities", { kind: "lose-response" })
    await enqueueActivity(outbox, a)
    expect((await outbox.flush()).retried).toBe(1)
    expect(server.activities.size).toBe(1) // the server did store it

    clock.t += defaultBackoff.capMs
    expect((await outbox.flush()).sent).toBe(1) // 200 "already had it" counts as sent
    expect(server.posts("/api/v1/activities")).toHaveLength(2)
    expect(server.activities.size).toBe(1)
    expect((await outbox.status()).items).toEqual([])
  })

  it("handoff and feedback carry the outbox id in the body so the server can dedupe", async () => {
    const { outbox, server, clock } = setup()
    server.fail("/feedback", { kind: "lose-response" })
    await outbox.enqueue({ id: uuid(555), contactId: CONTACT_A, payload: { kind: "feedback", input: { rating: 4 } } })
    await outbox.flush()
    clock.t += defaultBackoff.capMs
    await outbox.flush()
    const posts = server.posts("/api/v1/contacts/")
    expect(posts.map((p) => p.body.id)).toEqual([uuid(555), uuid(555)])
    expect(server.feedback.size).toBe(1)
  })

  it("two flushers running at once send each item exactly once", async () => {
    const server = createFakeServer({ delayMs: 15 })
    const name = `outbox-race-${Math.random()}`
    // Two separate connections to the same database, as two worker lifetimes or two pages would have.
    const one = setup({ server, name })
    const two = setup({ server, name })
    const items = [CONTACT_A, CONTACT_A, CONTACT_B, uuid(3), CONTACT_B, uuid(3), CONTACT_A].map((c) => activity(c))
    server.setDown(true)
    for (const a of items) await enqueueActivity(one.outbox, a)
    server.setDown(false)
    await Promise.all([one.outbox.flush(), two.outbox.flush(), one.outbox.flush(), two.outbox.flush()])
    // Anything left because the other flusher held the contact's head is picked up by a later flush.
    await Promise.all([one.outbox.flush(), two.outbox.flush()])
    await Promise.all([one.outbox.flush(), two.outbox.flush()])
    await one.outbox.flush()
    const posts = server.posts("/api/v1/activities")
    const perId = new Map<string, number>()
    for (const p of posts) perId.set(p.body.id, (perId.get(p.body.id) ?? 0) + 1)
    expect([...perId.values()].every((c) => c === 1)).toBe(true)
    expect(server.activities.size).toBe(items.length)
    expect(await one.db.outbox.count()).toBe(0)
  })

  it("flush() calls made during a run share it and still send what was enqueued meanwhile", async () => {
    const { outbox, server } = setup({ delayMs: 10 })
    const a = activity(CONTACT_A)
    const b = activity(CONTACT_B)
    await enqueueActivity(outbox, a)
    const first = outbox.flush()
    await enqueueActivity(outbox, b)
    const second = outbox.flush()
    await Promise.all([first, second])
    expect(server.activities.size).toBe(2)
    expect(server.posts("/api/v1/activities")).toHaveLength(2)
  })

  it("survives a restart: pending items are still there after reopening the database and get sent", async () => {
    const first = setup()
    const a = activity(CONTACT_A)
    first.server.setDown(true)
    await enqueueActivity(first.outbox, a)
    await first.outbox.flush()
    first.db.close()

    const again = setup({ name: first.name, server: first.server })
    again.clock.t = first.clock.t + defaultBackoff.capMs
    first.server.setDown(false)
    expect((await again.outbox.status()).pending).toBe(1)
    await again.outbox.flush()
    expect(first.server.activities.get(a.id)).toEqual(a)
    expect(await again.db.outbox.count()).toBe(0)
    // Logged again after it was sent (no local copy remembers that): the server's dedupe keeps it one record.
    await enqueueActivity(again.outbox, a)
    expect((await again.outbox.flush()).sent).toBe(1)
    expect(await again.db.outbox.count()).toBe(0)
    expect([...first.server.activities.keys()]).toEqual([a.id])
  })

  it("reclaims an item left 'sending' by a worker that died mid-send, but only once its lease is stale", async () => {
    const { outbox, db, server, clock } = setup()
    const a = activity(CONTACT_A)
    server.setDown(true)
    await enqueueActivity(outbox, a)
    server.setDown(false)
    await db.outbox.update(a.id, { state: "sending", leaseId: "dead-worker", leaseAt: clock.t })
    await outbox.flush()
    expect(server.activities.size).toBe(0)
    clock.t += outbox.leaseMs
    await outbox.flush()
    expect(server.activities.size).toBe(1)
    expect(await db.outbox.count()).toBe(0)
  })

  it("reports status with summaries, and the next due time", async () => {
    const { outbox, server, db, clock } = setup()
    server.setDown(true)
    await enqueueActivity(outbox, activity(CONTACT_A, { type: "email", outcome: undefined, subject: "Pricing" }))
    await outbox.enqueue({ id: uuid(600), contactId: CONTACT_B, payload: { kind: "bant", bant: { budget: "50k" } } })
    expect(await outbox.nextDueAt()).toBe(clock.t)
    const s = await outbox.status()
    expect(s.pending).toBe(2)
    expect(s.items.map((i) => i.summary)).toEqual(["Email: Pricing", "Updated BANT"])
    await outbox.flush()
    expect(await outbox.nextDueAt()).toBe(clock.t + backoffDelay(1, () => 0.5))
    expect(await db.outbox.count()).toBe(2)
  })
})

describe("backoffDelay", () => {
  it("grows exponentially, is capped, and is jittered within [min, ceiling]", () => {
    const { baseMs, capMs, minMs } = defaultBackoff
    for (let attempt = 1; attempt <= 20; attempt++) {
      const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1))
      const samples = Array.from({ length: 200 }, () => backoffDelay(attempt))
      for (const d of samples) {
        expect(d).toBeGreaterThanOrEqual(minMs)
        expect(d).toBeLessThanOrEqual(ceiling)
      }
      if (ceiling > minMs * 4) expect(new Set(samples).size).toBeGreaterThan(50) // actually random
      expect(backoffDelay(attempt, () => 0.999999)).toBeGreaterThanOrEqual(ceiling * 0.99)
      expect(backoffDelay(attempt, () => 0)).toBe(minMs)
    }
    expect(backoffDelay(3, () => 0.5)).toBeGreaterThan(backoffDelay(2, () => 0.5))
    expect(backoffDelay(50, () => 0.999999)).toBeLessThanOrEqual(capMs)
  })
})

describe("summarize", () => {
  it("says what the item is in words", () => {
    expect(summarize({ kind: "activity", activity: activity(CONTACT_A) })).toBe("Call with outcome connected")
    expect(summarize({ kind: "activity", activity: activity(CONTACT_A, { outcome: "left_voicemail" }) }, "Jane Doe")).toBe(
      "Call with outcome left voicemail (Jane Doe)",
    )
    expect(summarize({ kind: "handoff", input: { decision: "reject", reason: "not_a_fit" } })).toBe("Rejected the lead (not a fit)")
    expect(summarize({ kind: "feedback", input: { rating: 2 } })).toBe("Rated the lead 2/5")
  })
})

describe("discard", () => {
  it("drops a waiting item, but never one that is being sent (it may already be on the server)", async () => {
    const { outbox, db, server } = setup({ delayMs: 50 })
    const waiting = activity(CONTACT_A)
    const inFlight = activity(CONTACT_B)
    await enqueueActivity(outbox, waiting)
    await enqueueActivity(outbox, inFlight)
    expect(await outbox.discard(waiting.id)).toBe(true)
    const flushing = outbox.flush()
    await new Promise((r) => setTimeout(r, 10)) // the send is on the wire now
    expect((await db.outbox.get(inFlight.id))?.state).toBe("sending")
    expect(await outbox.discard(inFlight.id)).toBe(false)
    await flushing
    expect(server.activities.size).toBe(1)
    expect(server.activities.has(inFlight.id)).toBe(true)
  })
})

describe("who sends", () => {
  it("sends an item only under the rep who made it, whoever signs in on this browser meanwhile", async () => {
    const server = createFakeServer()
    const db = openDb(`outbox-owner-${Math.random()}`)
    dbs.push(db)
    let who: string | null = "https://relay.test|rep-a"
    const api = createApiClient({ getConfig: async () => ({ baseUrl: "https://relay.test", token: server.token }), fetch: server.fetch })
    const outbox = new Outbox({ db, send: sendVia(api), owner: async () => who })
    const a = activity(CONTACT_A)
    who = null // signed out before it could be sent
    await enqueueActivity(new Outbox({ db, send: sendVia(api), owner: async () => "https://relay.test|rep-a" }), a)
    who = "https://relay.test|rep-b"
    const b = activity(CONTACT_A)
    await enqueueActivity(outbox, b)
    await outbox.flush()
    expect([...server.activities.keys()]).toEqual([b.id]) // rep B's own log goes; rep A's waits, holding nothing back
    expect((await db.outbox.get(a.id))?.state).toBe("pending")
    who = "https://relay.test|rep-a"
    await outbox.flush()
    expect(server.activities.has(a.id)).toBe(true)
  })
})

import "fake-indexeddb/auto"
import Dexie from "dexie"
import { afterEach, describe, expect, it } from "vitest"
import type { ActivityInput } from "../../../src/shared/contracts/activities"
import { createApiClient } from "../../../src/background/api-client"
import { CACHE_MAX, openDb, putContact, type RelayDb } from "../../../src/background/db"
import { Outbox, sendVia } from "../../../src/background/outbox"
import { createFakeServer, makeContext, uuid } from "./fake-server"

// Nothing in the worker's IndexedDB grows with use. Each store's bound, as db.ts documents it: an
// outbox item leaves in the transaction that learns the server has it (a failed one when the rep
// retries or discards it); the contact cache keeps the CACHE_MAX most recently used; selector counts
// leave once their day is reported or too old (health.ts; health.test.ts). A new store comes with its bound here.
const bounds: Record<string, (db: RelayDb) => Promise<number>> = {
  contacts: async () => CACHE_MAX,
  outbox: (db) => db.outbox.where("state").equals("failed").count(),
  // Nothing was detected in this test; health.test.ts shows these emptied once a day is reported.
  selectorCounts: async () => 0,
  healthReports: async () => 0,
}

let db: RelayDb | undefined
afterEach(() => db?.close())

describe("the worker's storage after an update", () => {
  it("drops the unread localActivities store (version 3) and keeps the outbox's unsent writes and the cache", async () => {
    const name = `upgrade-${Math.random()}`
    // The database as version 2 of the extension left it.
    const old = new Dexie(name)
    old.version(1).stores({ contacts: "id, *keys, usedAt", outbox: "id, seq, contactId, state, nextAttemptAt", localActivities: "id, contactId, synced" })
    old.version(2).stores({ selectorCounts: "key, day", healthReports: "day" })
    const a: ActivityInput = { id: uuid(501), contactId: uuid(1), type: "note", occurredAt: "2025-03-01T09:00:00Z", notes: "kept" }
    const item = {
      id: a.id,
      kind: "activity",
      contactId: a.contactId,
      payload: { kind: "activity", activity: a },
      createdAt: "2025-03-01T09:00:00.000Z",
      seq: 1,
      attempts: 2,
      nextAttemptAt: 0,
      state: "pending",
    }
    await old.table("outbox").add(item)
    await old.table("localActivities").add({ id: a.id, contactId: a.contactId, activity: a, createdAt: item.createdAt, synced: 0 })
    await old
      .table("contacts")
      .add({ id: uuid(1), keys: ["email:c@example.com"], context: makeContext(uuid(1), "C", "c@example.com"), cachedAt: item.createdAt, usedAt: 1 })
    old.close()

    db = openDb(name)
    await db.open()
    expect(db.verno).toBe(3)
    expect([...db.backendDB().objectStoreNames].sort()).toEqual(["contacts", "healthReports", "outbox", "selectorCounts"])
    expect(await db.outbox.toArray()).toEqual([item])
    expect(await db.contacts.count()).toBe(1)
  })
})

const LOGS = 10_000
const CONTACTS = 50
/** Out of every 1,000 logs, the last 200 are made offline. */
const STRETCH = 1_000
const OFFLINE = 200

describe("the worker's storage stays bounded", () => {
  it(`over ${LOGS.toLocaleString("en-US")} logged activities: sent ones leave the outbox, none is lost or recorded twice`, async () => {
    const server = createFakeServer()
    db = openDb(`bounded-${Math.random()}`)
    const clock = { t: Date.parse("2025-03-01T10:00:00Z") }
    const api = createApiClient({ getConfig: async () => ({ baseUrl: "https://relay.test", token: server.token }), fetch: server.fetch })
    const outbox = new Outbox({ db, send: sendVia(api), now: () => clock.t, random: () => 0.5 })
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(bounds).sort())
    // The rep looks up more people than the cache keeps.
    for (let c = 0; c < CACHE_MAX + 100; c++) await putContact(db, makeContext(uuid(1 + c), `Contact ${c}`, `c${c}@example.com`), null, clock.t + c)

    // A rep's logs over weeks, across their contacts, with offline stretches, a flaky server and two
    // logs the server refuses for good. The worker flushes after each write; flushes asked for while
    // one runs share it, so here one flush per ten logs.
    const logs: ActivityInput[] = []
    let most = 0
    server.fail("/api/v1/activities", { kind: "status", status: 422, message: "refused" }, 2)
    for (let i = 0; i < LOGS; i++) {
      const offline = i % STRETCH >= STRETCH - OFFLINE
      server.setDown(offline)
      if (!offline && i % STRETCH === 0 && i > 0) {
        // Back online: the worker makes everything waiting due at once, and the server is flaky for a moment.
        await outbox.wake()
        server.fail("/api/v1/activities", { kind: "status", status: 503 }, 3)
        server.fail("/api/v1/activities", { kind: "lose-response" }, 1)
      }
      const a: ActivityInput = {
        id: uuid(100_000 + i),
        contactId: uuid(1 + (i % CONTACTS)),
        type: "call",
        occurredAt: "2025-03-01T09:00:00Z",
        outcome: "connected",
        notes: `call ${i}`,
      }
      logs.push(a)
      await outbox.enqueue({ id: a.id, contactId: a.contactId, payload: { kind: "activity", activity: a } })
      if (i % 10 === 9) {
        await outbox.flush()
        most = Math.max(most, await db.outbox.count())
        clock.t += 60_000
      }
    }
    server.setDown(false)
    for (let round = 0; (await outbox.pendingCount()) > 0; round++) {
      expect(round).toBeLessThan(20)
      await outbox.wake()
      await outbox.flush()
    }
    // The outbox held at most an offline stretch's logs (and the two refused), never the whole history.
    expect(most).toBeLessThanOrEqual(OFFLINE + 2 + 10)

    const failed = await db.outbox.toArray()
    expect(failed.map((f) => f.state)).toEqual(["failed", "failed"])
    expect(server.activities.size).toBe(LOGS - 2)
    const refused = new Set(failed.map((f) => f.id))
    for (const a of logs) {
      if (refused.has(a.id)) expect(server.activities.has(a.id)).toBe(false)
      else expect(server.activities.get(a.id)).toEqual(a)
    }

    // The rep sends one refused log again and gives up the other; a double submit of a log already sent changes nothing.
    await outbox.retry(failed[0].id)
    await outbox.discard(failed[1].id)
    await outbox.enqueue({ id: logs[5].id, contactId: logs[5].contactId, payload: { kind: "activity", activity: logs[5] } })
    await outbox.flush()
    expect(await db.outbox.count()).toBe(0)
    expect(server.activities.size).toBe(LOGS - 1)
    expect(server.activities.has(failed[1].id)).toBe(false)

    for (const table of db.tables) expect(await table.count(), table.name).toBeLessThanOrEqual(await bounds[table.name](db))
  }, 600_000) // 10,000 logs through fake-indexeddb, each write in its own transaction as in the worker
})

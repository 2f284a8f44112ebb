import "fake-indexeddb/auto"
import { describe, expect, it } from "vitest"
import { makeContext, uuid } from "./fake-server"
import { createTestWorker, fromContentScript, fromPage, RUNTIME_ID } from "./worker"

describe("message validation", () => {
  it("rejects a message from another extension", async () => {
    const w = createTestWorker()
    const res = await w.handle({ type: "auth.status" }, { id: "someone-else", url: "chrome-extension://someone-else/x.html" })
    expect(res).toMatchObject({ ok: false, error: { code: "forbidden" } })
  })

  it("rejects a message with no sender id (web page via externally_connectable, etc.)", async () => {
    const w = createTestWorker()
    expect(await w.handle({ type: "auth.status" }, { url: "https://evil.example" })).toMatchObject({ ok: false, error: { code: "forbidden" } })
  })

  it.each([
    ["an unknown type", { type: "token.get" }],
    ["a known type with a bad body", { type: "lookup", person: { phone: "123" } }],
    ["a bad contact id", { type: "contact.get", id: "../../admin" }],
    ["not an object", "lookup"],
    ["nothing", undefined],
  ])("rejects %s with code invalid", async (_label, msg) => {
    const w = createTestWorker()
    expect(await w.handle(msg, fromContentScript)).toMatchObject({ ok: false, error: { code: "invalid" } })
  })

  it("lets only Relay's own pages sign in or out", async () => {
    const w = createTestWorker()
    const req = { type: "auth.signIn", backendUrl: "https://relay.test", token: w.server.token }
    expect(await w.handle(req, fromContentScript)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    expect(await w.handle({ type: "auth.signOut" }, fromContentScript)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    expect(await w.handle(req, fromPage)).toMatchObject({ ok: true, data: { signedIn: true } })
  })

  it("answers auth.status without the token", async () => {
    const w = createTestWorker()
    const res = await w.handle({ type: "auth.status" }, fromContentScript)
    expect(res).toMatchObject({ ok: true, data: { signedIn: true, backendUrl: "https://relay.test", reachable: true } })
    expect(JSON.stringify(res)).not.toContain(w.server.token)
  })
})

describe("lookup and cache", () => {
  it("lookup.cached is null first, then returns what lookup stored", async () => {
    const w = createTestWorker()
    const id = uuid(42)
    w.server.contacts.set(id, makeContext(id, "Jane Doe", "jane@corp.test"))
    expect(await w.handle({ type: "lookup.cached", person: { email: "Jane@Corp.test" } }, fromContentScript)).toEqual({ ok: true, data: null })
    const fresh = await w.handle({ type: "lookup", person: { email: "Jane@Corp.test" } }, fromContentScript)
    expect(fresh).toMatchObject({ ok: true, data: { contact: { id, name: "Jane Doe" } } })
    const cached = await w.handle({ type: "lookup.cached", person: { email: "jane@corp.test" } }, fromContentScript)
    expect(cached).toMatchObject({ ok: true, data: { data: { contact: { id } } } })
    expect((cached as { data: { cachedAt: string } }).data.cachedAt).toMatch(/^\d{4}-/)
  })

  it("offline lookup answers 'offline' and leaves the cached copy readable", async () => {
    const w = createTestWorker()
    const id = uuid(43)
    w.server.contacts.set(id, makeContext(id, "Jane Doe", "jane@corp.test"))
    await w.handle({ type: "lookup", person: { email: "jane@corp.test" } }, fromContentScript)
    w.server.setDown(true)
    expect(await w.handle({ type: "lookup", person: { email: "jane@corp.test" } }, fromContentScript)).toMatchObject({ ok: false, error: { code: "offline" } })
    expect(await w.handle({ type: "lookup.cached", person: { email: "jane@corp.test" } }, fromContentScript)).toMatchObject({
      ok: true,
      data: { data: { contact: { id } } },
    })
  })

  it("a 404 answers not_found and forgets the key", async () => {
    const w = createTestWorker()
    const id = uuid(44)
    w.server.contacts.set(id, makeContext(id, "Jane Doe", "jane@corp.test"))
    await w.handle({ type: "lookup", person: { email: "jane@corp.test" } }, fromContentScript)
    w.server.contacts.clear()
    expect(await w.handle({ type: "lookup", person: { email: "jane@corp.test" } }, fromContentScript)).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    })
    expect(await w.handle({ type: "lookup.cached", person: { email: "jane@corp.test" } }, fromContentScript)).toEqual({ ok: true, data: null })
  })

  it("answers signed_out when there is no token", async () => {
    const w = createTestWorker({ signedIn: false })
    expect(await w.handle({ type: "lookup", person: { email: "jane@corp.test" } }, fromContentScript)).toMatchObject({
      ok: false,
      error: { code: "signed_out" },
    })
  })

  it("caps the cache, evicting the least recently used", async () => {
    const { putContact, cachedByKey } = await import("../../../src/background/db")
    const w = createTestWorker()
    for (let i = 0; i < 6; i++) await putContact(w.db, makeContext(uuid(i + 1), `P${i}`, `p${i}@x.test`), `email:p${i}@x.test`, 1000 + i, 5)
    expect(await w.db.contacts.count()).toBe(5)
    expect(await cachedByKey(w.db, "email:p0@x.test")).toBeNull()
    await cachedByKey(w.db, "email:p1@x.test", 5000) // touched: now the most recent
    await putContact(w.db, makeContext(uuid(99), "New", "new@x.test"), "email:new@x.test", 6000, 5)
    expect(await cachedByKey(w.db, "email:p1@x.test", 7000)).not.toBeNull()
    expect(await cachedByKey(w.db, "email:p2@x.test")).toBeNull()
  })

  it("signing out clears the cache and the token", async () => {
    const w = createTestWorker()
    const id = uuid(45)
    w.server.contacts.set(id, makeContext(id, "Jane Doe", "jane@corp.test"))
    await w.handle({ type: "lookup", person: { email: "jane@corp.test" } }, fromContentScript)
    const res = await w.handle({ type: "auth.signOut" }, fromPage)
    expect(res).toMatchObject({ ok: true, data: { signedIn: false, me: null, backendUrl: "https://relay.test" } })
    expect(await w.db.contacts.count()).toBe(0)
    expect(w.store.data.has("relay.token")).toBe(false)
  })
})

describe("writes go through the outbox", () => {
  it("activity.log queues, kicks a flush, and a repeat with the same id stays one item", async () => {
    const w = createTestWorker()
    const activity = { id: uuid(500), contactId: uuid(1), type: "call", occurredAt: "2025-03-01T09:00:00Z", outcome: "connected" }
    expect(await w.handle({ type: "activity.log", activity }, fromContentScript)).toEqual({ ok: true, data: { queued: true, pending: 1 } })
    expect(await w.handle({ type: "activity.log", activity }, fromContentScript)).toEqual({ ok: true, data: { queued: true, pending: 1 } })
    expect(w.flushes()).toBe(2)
    const st = await w.handle({ type: "outbox.status" }, fromPage)
    expect(st).toMatchObject({
      ok: true,
      data: { pending: 1, failed: [], items: [{ id: uuid(500), summary: "Call with outcome connected", state: "pending" }] },
    })
  })

  it("handoff without an id gets one, and it is sent in the body", async () => {
    const w = createTestWorker()
    await w.handle({ type: "handoff", contactId: uuid(1), input: { decision: "accept" } }, fromContentScript)
    await w.outbox.flush()
    const [post] = w.server.posts("/api/v1/contacts/")
    expect(post!.body).toMatchObject({ decision: "accept", id: expect.stringMatching(/^[0-9a-f-]{36}$/) })
  })

  it("outbox.retry and outbox.discard answer the new status", async () => {
    const w = createTestWorker()
    w.server.fail("/feedback", { kind: "status", status: 400, message: "rating out of range" })
    await w.handle({ type: "feedback", contactId: uuid(1), input: { id: uuid(501), rating: 3 } }, fromContentScript)
    await w.outbox.flush()
    const st = await w.handle({ type: "outbox.status" }, fromPage)
    expect(st).toMatchObject({ ok: true, data: { pending: 0, failed: [{ id: uuid(501), error: "rating out of range" }] } })
    expect(await w.handle({ type: "outbox.retry", id: uuid(501) }, fromPage)).toMatchObject({ ok: true, data: { pending: 1, failed: [] } })
    await w.outbox.flush()
    expect(w.server.feedback.size).toBe(1)
    expect(await w.handle({ type: "outbox.discard", id: "nope" }, fromPage)).toMatchObject({ ok: true, data: { items: [] } })
  })
})

describe("sidebar.inject", () => {
  it("injects the placeholder-matched bundle into the sender's frame, once", async () => {
    const w = createTestWorker()
    expect(await w.handle({ type: "sidebar.inject" }, { ...fromContentScript, frameId: 3 })).toEqual({ ok: true, data: { injected: true } })
    expect(await w.handle({ type: "sidebar.inject" }, { ...fromContentScript, frameId: 3 })).toEqual({ ok: true, data: { injected: false } })
    expect(w.executed).toEqual([{ target: { tabId: 7, frameIds: [3] }, files: ["sidebar.abcd.js"] }])
    // A new document in the same frame (full navigation) gets it again.
    expect(await w.handle({ type: "sidebar.inject" }, { ...fromContentScript, frameId: 3, documentId: "doc-2" })).toEqual({
      ok: true,
      data: { injected: true },
    })
  })

  it("refuses when not from a tab", async () => {
    const w = createTestWorker()
    expect(await w.handle({ type: "sidebar.inject" }, fromPage)).toMatchObject({ ok: false, error: { code: "invalid" } })
  })

  it("says so when the build has no sidebar bundle", async () => {
    const { createInjector, sidebarBundleFile } = await import("../../../src/background/inject")
    expect(sidebarBundleFile({ content_scripts: [{ matches: ["https://mail.google.com/*"], js: ["a.js"] }] })).toBeNull()
    const inj = createInjector({ executeScript: async () => {}, getManifest: () => ({}) })
    await expect(inj.inject({ tab: { id: 1 }, frameId: 0 })).rejects.toMatchObject({ code: "not_found" })
  })
})

void RUNTIME_ID

import "fake-indexeddb/auto"
import { describe, expect, it } from "vitest"
import { summarize } from "../../../src/background/outbox"
import { uuid } from "./fake-server"
import { createTestWorker, fromContentScript } from "./worker"

const CONTACT = uuid(300)
const ASSET = uuid(301)
let n = 0
/** 16 random bytes in base64url, as the sidebar makes them. */
const newCode = () =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "")
const share = (over: Record<string, unknown> = {}) => ({
  id: uuid(400 + ++n),
  assetId: ASSET,
  contactId: CONTACT,
  channel: "gmail" as const,
  sharedAt: "2025-03-01T10:00:00.000Z",
  code: newCode(),
  ...over,
})
const asset = (id: string, title: string, kind = "case_study") => ({
  id,
  title,
  url: `https://content.example/${id}`,
  kind,
  description: "",
  stages: [],
  personas: [],
  industries: [],
  topics: [],
  archived: false,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
})

describe("sharing content through the worker", () => {
  it("answers with the tracked link at once, even with the backend down, and records the share once it is back", async () => {
    const w = createTestWorker()
    w.server.setDown(true)
    const s = share()
    const res = await w.handle({ type: "share", share: s, title: "Bluefin case study" }, fromContentScript)
    expect(res).toEqual({ ok: true, data: { queued: true, pending: 1, url: `https://relay.test/r/${s.code}` } })
    expect(w.flushes()).toBe(1)
    expect((await w.outbox.flush()).retried).toBe(1)
    expect(w.server.shares.size).toBe(0)

    w.server.setDown(false)
    await w.outbox.wake()
    expect((await w.outbox.flush()).sent).toBe(1)
    expect(w.server.shares.get(s.id)).toEqual(s)
    expect(w.server.posts("/api/v1/shares")).toHaveLength(1)
    expect(await w.db.outbox.count()).toBe(0)
  })

  it("a double click (same id) makes one outbox item and one share, with the first code", async () => {
    const w = createTestWorker()
    w.server.setDown(true)
    const s = share()
    await w.handle({ type: "share", share: s }, fromContentScript)
    const again = await w.handle({ type: "share", share: { ...s, code: newCode() } }, fromContentScript)
    expect(again).toMatchObject({ ok: true, data: { url: `https://relay.test/r/${s.code}` } })
    expect(await w.db.outbox.count()).toBe(1)
    w.server.setDown(false)
    await w.outbox.flush()
    expect(w.server.posts("/api/v1/shares")).toHaveLength(1)
    expect(w.server.shares.get(s.id)?.code).toBe(s.code)
  })

  it("resends safely when the answer was lost: the server keeps one share", async () => {
    const w = createTestWorker()
    const s = share()
    w.server.fail("/api/v1/shares", { kind: "lose-response" })
    await w.handle({ type: "share", share: s }, fromContentScript)
    expect((await w.outbox.flush()).retried).toBe(1)
    await w.outbox.wake()
    expect((await w.outbox.flush()).sent).toBe(1)
    expect(w.server.posts("/api/v1/shares")).toHaveLength(2)
    expect(w.server.shares.size).toBe(1)
  })

  it("keeps a share the server refuses (a code already used) as failed, for the rep to see", async () => {
    const w = createTestWorker()
    const code = newCode()
    w.server.shares.set(uuid(499), { ...share({ id: uuid(499) }), code })
    await w.handle({ type: "share", share: share({ code }), title: "Pricing guide" }, fromContentScript)
    expect((await w.outbox.flush()).failed).toBe(1)
    const status = await w.handle({ type: "outbox.status" }, fromContentScript)
    expect(status).toMatchObject({
      ok: true,
      data: { pending: 0, failed: [{ kind: "share", summary: "Shared “Pricing guide” (by Gmail)", error: expect.stringMatching(/code is already used/) }] },
    })
  })

  it("will not make a link before the rep has signed in to a backend", async () => {
    const w = createTestWorker({ signedIn: false })
    expect(await w.handle({ type: "share", share: share() }, fromContentScript)).toMatchObject({ ok: false, error: { code: "signed_out" } })
    expect(await w.db.outbox.count()).toBe(0)
  })

  it("sends asset feedback through the outbox, after the share it rates", async () => {
    const w = createTestWorker()
    w.server.setDown(true)
    const s = share()
    const f = { id: uuid(450), assetId: ASSET, contactId: CONTACT, helped: true, note: "Booked a demo" }
    await w.handle({ type: "share", share: s }, fromContentScript)
    const res = await w.handle({ type: "asset.feedback", input: f, title: "Bluefin case study" }, fromContentScript)
    expect(res).toEqual({ ok: true, data: { queued: true, pending: 2 } })
    w.server.setDown(false)
    await w.outbox.wake()
    expect((await w.outbox.flush()).sent).toBe(2)
    expect(w.server.posts("/api/v1/").map((h) => h.path)).toEqual(["/api/v1/shares", "/api/v1/asset-feedback"])
    expect(w.server.assetFeedback.get(f.id)).toEqual(f)
    expect(await w.db.outbox.count()).toBe(0)
  })

  it("summarises the new kinds for the popup", () => {
    expect(summarize({ kind: "share", share: share({ channel: "copy" }) as never, title: "Pricing guide" }, "Anneke Solberg")).toBe(
      "Shared “Pricing guide” (copied a link) (Anneke Solberg)",
    )
    expect(summarize({ kind: "share", share: share({ channel: "linkedin" }) as never })).toBe("Shared content (by LinkedIn)")
    expect(summarize({ kind: "asset_feedback", input: { id: uuid(1), assetId: ASSET, contactId: CONTACT, helped: false }, title: "Deck" })).toBe(
      "“Deck” didn't help",
    )
  })
})

describe("reading content through the worker", () => {
  it("passes the conversation to recommendations, searches the library and lists shares", async () => {
    const w = createTestWorker()
    w.server.recommendations.push({ asset: asset(uuid(310), "Bluefin case study"), score: 3, reasons: ["fits a VP"] })
    w.server.recommendations.push({ asset: asset(uuid(311), "Pricing guide", "pricing_guide"), score: 2, reasons: [] })
    const recs = await w.handle({ type: "recommendations", contactId: CONTACT, context: "Renewal scope for Q1" }, fromContentScript)
    expect(recs).toMatchObject({
      ok: true,
      data: { items: [{ asset: { title: "Bluefin case study" }, reasons: ["fits a VP", "context: Renewal scope for Q1"] }, {}] },
    })
    expect(w.server.hits.at(-1)!.path).toBe(`/api/v1/contacts/${CONTACT}/recommendations?context=Renewal+scope+for+Q1`)

    const found = await w.handle({ type: "assets.search", q: "pricing", kind: "pricing_guide" }, fromContentScript)
    expect(found).toMatchObject({ ok: true, data: { items: [{ title: "Pricing guide" }] } })
    expect(w.server.hits.at(-1)!.path).toBe("/api/v1/assets?q=pricing&kind=pricing_guide")

    const s = share()
    await w.handle({ type: "share", share: s }, fromContentScript)
    await w.outbox.flush()
    const list = await w.handle({ type: "shares.list", contactId: CONTACT }, fromContentScript)
    expect(list).toMatchObject({ ok: true, data: { items: [{ id: s.id, code: s.code, assetTitle: "Asset", myFeedback: null }] } })
  })

  it.each([
    ["a share without a code", { type: "share", share: { ...share(), code: undefined } }],
    ["a share with a short code", { type: "share", share: share({ code: "abc" }) }],
    ["a share with a code that is not base64url", { type: "share", share: share({ code: "a".repeat(21) + "/" }) }],
    ["a share on an unknown channel", { type: "share", share: share({ channel: "fax" }) }],
    ["a share without an id", { type: "share", share: { ...share(), id: undefined } }],
    ["feedback without an id", { type: "asset.feedback", input: { assetId: ASSET, contactId: CONTACT, helped: true } }],
    ["feedback that is not yes or no", { type: "asset.feedback", input: { id: uuid(9), assetId: ASSET, contactId: CONTACT, helped: "maybe" } }],
    ["recommendations with too much context", { type: "recommendations", contactId: CONTACT, context: "x".repeat(2001) }],
    ["recommendations for a bad id", { type: "recommendations", contactId: "../../admin" }],
    ["a search by an unknown kind", { type: "assets.search", q: "x", kind: "meme" }],
    ["a search with a huge query", { type: "assets.search", q: "x".repeat(201) }],
    ["shares of a bad id", { type: "shares.list", contactId: "1 OR 1=1" }],
  ])("rejects %s with code invalid", async (_label, msg) => {
    const w = createTestWorker()
    expect(await w.handle(msg, fromContentScript)).toMatchObject({ ok: false, error: { code: "invalid" } })
    expect(await w.db.outbox.count()).toBe(0)
  })
})

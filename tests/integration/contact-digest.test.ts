import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rows, sql } from "../../src/server/db/client"
import * as repo from "../../src/server/contacts/repository"
import { auth, backends, event, harness, type Harness } from "./harness"

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000)

// A lookup reads a contact's marketing events through its digest (src/server/contacts/digest.ts) while the digest
// holds exactly the contact's events. Each step below changes something a digest could miss, then checks the
// lookup against one built from nothing and against the paged timeline, which reads the events directly.
describe.each(backends)("contact digests on %s", (kind) => {
  let h: Harness
  let id: string
  let assetId: string
  const email = "wren.ashby@harborline.example"
  const url = `/api/v1/contacts/lookup?email=${email}`

  const get = (u: string, token = h.acme.tokens.rep) => h.app.inject({ url: u, headers: auth(token) })
  const post = (u: string, payload: unknown, token = h.acme.tokens.marketer) =>
    h.app.inject({ method: "POST", url: u, headers: auth(token), payload: payload as object })
  const digests = async () => rows<{ events: number }>(h.database.db, sql`SELECT events FROM contact_digests WHERE contact_id = ${id}`)
  const lookup = async () => {
    const r = await get(url)
    expect(r.statusCode).toBe(200)
    return r.json()
  }
  /** The same lookup with no digest to start from. */
  const fromNothing = async () => {
    await h.database.db.execute(sql`DELETE FROM contact_digests`)
    return lookup()
  }
  /** A lookup, checked against one built from nothing and against the paged timeline's first page. */
  const checked = async () => {
    const viaDigest = await lookup()
    const page = (await get(`/api/v1/contacts/${id}/events?limit=20`)).json()
    expect(viaDigest.events).toEqual(page.items)
    expect(viaDigest.nextCursor).toBe(page.nextCursor)
    expect(await fromNothing()).toEqual(viaDigest)
    await lookup() // leaves a digest for the next step
    return viaDigest
  }

  beforeAll(async () => {
    h = await harness(kind)
    const a = await post("/api/v1/assets", { title: "Harbor pricing guide", url: "https://content.example/pricing", kind: "one_pager", description: "" })
    expect(a.statusCode).toBe(201)
    assetId = a.json().id
    const events = Array.from({ length: 30 }, (_, i) =>
      event(email, ["email_open", "page_visit", "content_download"][i % 3]!, hoursAgo(i * 7 + 2), `d${i}`, {
        ...(i % 3 === 2 ? { assetId } : {}),
        ...(i % 4 === 0 ? { campaign: "Harbor Q4" } : {}),
        ...(i % 5 === 0 ? { properties: { title: "Pricing page" } } : {}),
        contact: { firstName: "Wren", lastName: "Ashby", company: "Harborline" },
      }),
    )
    // Two events at the same moment as a rep's call below: the call comes first on the page.
    const tie = hoursAgo(1)
    events.push(event(email, "email_open", tie, "tie1"), event(email, "email_click", tie, "tie2"))
    expect((await post("/api/v1/events", events)).json().accepted).toBe(32)
    const first = await lookup()
    id = first.contact.id
    const call = { id: randomUUID(), contactId: id, type: "call", occurredAt: tie.toISOString(), outcome: "connected" }
    expect((await post("/api/v1/activities", call, h.acme.tokens.rep)).statusCode).toBe(201)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("keeps a digest from a lookup and answers the next one from it, the same as from the events", async () => {
    const ctx = await checked()
    expect(await digests()).toEqual([{ events: 32 }])
    // Each event kept once: the 21 newest with what the page shows, and every counted one since the digest's start.
    const kept = await rows<{ kept: number; newest: number; recent: number; counted: number }>(
      h.database.db,
      sql`SELECT json_array_length(body->'events'->'type') AS kept,
        (SELECT count(*)::int FROM json_array_elements_text(body->'events'->'id') x WHERE x IS NOT NULL) AS newest,
        (SELECT count(*)::int FROM json_array_elements_text(body->'events'->'recent') r WHERE r = 'true') AS recent,
        (SELECT count(*)::int FROM marketing_events WHERE contact_id = ${id} AND counted) AS counted
      FROM contact_digests WHERE contact_id = ${id}`,
    )
    expect(kept[0]!.newest).toBe(21)
    expect(kept[0]!.recent).toBe(kept[0]!.counted)
    expect(kept[0]!.kept).toBe(
      21 +
        kept[0]!.counted -
        (
          await rows<{ n: number }>(
            h.database.db,
            sql`
      SELECT count(*)::int AS n FROM (SELECT counted FROM marketing_events WHERE contact_id = ${id} ORDER BY occurred_at DESC, id DESC LIMIT 21) x WHERE counted`,
          )
        )[0]!.n,
    )
    expect(ctx.counts).toEqual({ marketing: 32, sales: 1, byType: { email_open: 11, page_visit: 10, content_download: 10, email_click: 1, call: 1 } })
    expect(ctx.events[0]).toMatchObject({ side: "sales", type: "call" })
    expect(ctx.events.map((e: { side: string }) => e.side).slice(0, 3)).toEqual(["sales", "marketing", "marketing"])
    expect(ctx.events.some((e: { title: string }) => e.title === "Harbor pricing guide")).toBe(true)
    expect(ctx.score.reasons.length).toBeGreaterThan(0)
  })

  it("builds again a digest kept in an older shape, and answers the same", async () => {
    const ctx = await checked()
    // The shape digests had before: one object per event, times as PostgreSQL writes timestamptz into JSON. An older
    // Relay built it at another moment (its since differs), so no process holds it already (contacts/kept-digests.ts).
    await h.database.db.execute(sql`
      UPDATE contact_digests SET body = json_build_object(
        'recent', '[{"type": "email_open", "occurredAt": "2020-01-01T00:00:00.000000+00:00", "assetId": null, "fallback": "Old"}]'::json,
        'newest', '[]'::json, 'counts', '[]'::json), since = since - interval '1 second'
      WHERE contact_id = ${id}`)
    expect(await lookup()).toEqual(ctx)
    const kept = await rows<{ shape: string }>(h.database.db, sql`SELECT json_typeof(body->'events') AS shape FROM contact_digests WHERE contact_id = ${id}`)
    expect(kept).toEqual([{ shape: "object" }])
    expect(await lookup()).toEqual(ctx)
  })

  it("sees an event that arrives late, older than the digest's newest, and rebuilds once", async () => {
    expect((await post("/api/v1/events", [event(email, "webinar_attended", hoursAgo(500), "late1", { campaign: "Harbor webinar" })])).json().accepted).toBe(1)
    const ctx = await checked()
    expect(ctx.counts.marketing).toBe(33)
    expect(ctx.counts.byType.webinar_attended).toBe(1)
    expect(await digests()).toEqual([{ events: 33 }])
  })

  it("shows a rep's new activity and an asset's new title without rebuilding the digest", async () => {
    const before = await rows<{ body: unknown }>(h.database.db, sql`SELECT body FROM contact_digests WHERE contact_id = ${id}`)
    const note = { id: randomUUID(), contactId: id, type: "note", occurredAt: new Date().toISOString(), subject: "Asked for a pilot" }
    expect((await post("/api/v1/activities", note, h.acme.tokens.rep)).statusCode).toBe(201)
    const renamed = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/assets/${assetId}`,
      headers: auth(h.acme.tokens.marketer),
      payload: { title: "Harbor pricing, 2027" },
    })
    expect(renamed.statusCode).toBe(200)
    const ctx = await lookup()
    expect(await rows(h.database.db, sql`SELECT body FROM contact_digests WHERE contact_id = ${id}`)).toEqual(before)
    expect(ctx.events[0]).toMatchObject({ side: "sales", title: "Asked for a pilot" })
    expect(ctx.events.some((e: { title: string }) => e.title === "Harbor pricing, 2027")).toBe(true)
    expect(ctx.events.some((e: { title: string }) => e.title === "Harbor pricing guide")).toBe(false)
    expect(await checked()).toEqual(ctx)
  })

  it("rebuilds when a longer half-life needs older events than the digest holds", async () => {
    const settings = (await get("/api/v1/settings", h.acme.tokens.admin)).json()
    const longer = { ...settings, scoring: { ...settings.scoring, halfLifeDays: settings.scoring.halfLifeDays * 4 } }
    expect((await h.app.inject({ method: "PUT", url: "/api/v1/settings", headers: auth(h.acme.tokens.admin), payload: longer })).statusCode).toBe(200)
    const [{ since: before }] = await rows<{ since: string }>(h.database.db, sql`SELECT since::text FROM contact_digests WHERE contact_id = ${id}`)
    await checked()
    const [{ since: after }] = await rows<{ since: string }>(h.database.db, sql`SELECT since::text FROM contact_digests WHERE contact_id = ${id}`)
    expect(Date.parse(after!)).toBeLessThan(Date.parse(before!))
  })

  it("never answers from a digest that misses an event, with events and lookups arriving together", async () => {
    const before = (await lookup()).counts.marketing
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 ? lookup() : post("/api/v1/events", [event(email, "page_visit", hoursAgo(i), `race${i}`)]).then((r) => expect(r.statusCode).toBe(200)),
      ),
    )
    const ctx = await checked()
    expect(ctx.counts.marketing).toBe(before + 6)
  })

  it("sends a digest this process holds only when it changed, and answers the same from the one held", async () => {
    const ctx = await checked()
    // The statement as the lookups run it: from the stored digest's start.
    const since = async () => new Date((await rows<{ since: Date }>(h.database.db, sql`SELECT since FROM contact_digests WHERE contact_id = ${id}`))[0]!.since)
    const first = await repo.context(h.database.db, h.acme.id, { email }, await since(), 20)
    expect(first!.digest).not.toBeNull()
    expect(first!.digestVersion).toMatch(new RegExp(`^${id}:${ctx.counts.marketing}:`))
    // Named by its version: the row says it is still the one held, without it.
    const again = await repo.context(h.database.db, h.acme.id, { email }, await since(), 20, first!.digestVersion)
    expect(again).toMatchObject({ digest: null, digestVersion: first!.digestVersion })
    expect(await lookup()).toEqual(ctx)
    // A new event: the version moves on and the new digest comes whole, in this process's lookups too.
    expect((await post("/api/v1/events", [event(email, "email_click", new Date(), "kept1")])).json().accepted).toBe(1)
    const moved = await repo.context(h.database.db, h.acme.id, { email }, await since(), 20, first!.digestVersion)
    expect(moved!.digestVersion).toBeNull()
    const after = await lookup()
    expect(after.counts.marketing).toBe(ctx.counts.marketing + 1)
    expect(after.events.find((e: { side: string }) => e.side === "marketing")).toMatchObject({ type: "email_click" })
    const rebuilt = await repo.context(h.database.db, h.acme.id, { email }, await since(), 20, first!.digestVersion)
    expect(rebuilt!.digest).not.toBeNull()
    expect(rebuilt!.digestVersion).not.toBe(first!.digestVersion)
    expect(await checked()).toEqual(after)
  })

  it("keeps another org's lookups apart: a digest belongs to its org", async () => {
    expect((await get(url, h.globex.tokens.rep)).statusCode).toBe(404)
    expect(await rows(h.database.db, sql`SELECT 1 FROM contact_digests WHERE org_id <> ${h.acme.id}`)).toEqual([])
  })
})

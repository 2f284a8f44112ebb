import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rows, sql } from "../../src/server/db/client"
import { importContacts } from "../../src/server/contacts/import"
import { auth, backends, event, harness, type Harness } from "./harness"

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000)

describe.each(backends)("event ingest and scores on %s", (kind) => {
  let h: Harness
  beforeAll(async () => {
    h = await harness(kind)
  })
  afterAll(async () => {
    await h?.close()
  })

  const ingest = (body: unknown, token = h.acme.tokens.marketer, contentType = "application/json") =>
    h.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: { ...auth(token), "content-type": contentType },
      payload: typeof body === "string" ? body : JSON.stringify(body),
    })
  const lookup = (email: string, token = h.acme.tokens.rep) =>
    h.app.inject({ url: `/api/v1/contacts/lookup?email=${encodeURIComponent(email)}`, headers: auth(token) })

  it("keeps good lines, reports bad ones by line number, and creates contacts by email", async () => {
    const r = await ingest([
      event("Nova.Ridge@Fernhill.example", "email_open", daysAgo(2), "e1", {
        contact: { firstName: "Nova", lastName: "Ridge", title: "VP Sales", company: "Fernhill", industry: "software", companySize: 400 },
      }),
      { email: "not-an-address", type: "email_open", occurredAt: daysAgo(1).toISOString(), source: "test", externalId: "e2" },
      event("nova.ridge@fernhill.example", "page_visit", daysAgo(1), "e3"),
      event("nova.ridge@fernhill.example", "teleport", daysAgo(1), "e4"),
      event("nova.ridge@fernhill.example", "page_visit", "yesterday", "e5"),
    ])
    expect(r.statusCode).toBe(200)
    const body = r.json()
    expect(body.accepted).toBe(2)
    expect(body.contactsCreated).toBe(1)
    expect(body.rejected.map((x: { line: number }) => x.line)).toEqual([2, 4, 5])
    expect(body.rejected[0].reason).toMatch(/email/)
    expect(body.rejected[1].reason).toMatch(/type/)
    const ctx = (await lookup("nova.ridge@fernhill.example")).json()
    expect(ctx.contact).toMatchObject({ name: "Nova Ridge", title: "VP Sales", company: "Fernhill" })
    expect(ctx.events.map((e: { type: string }) => e.type)).toEqual(["page_visit", "email_open"])
    expect(ctx.events.every((e: { side: string }) => e.side === "marketing")).toBe(true)
  })

  it("accepts NDJSON and reports unparsable lines", async () => {
    const nd = [
      JSON.stringify(event("ivy.lane@quarry.example", "email_click", daysAgo(3), "n1")),
      "{not json",
      "",
      JSON.stringify(event("ivy.lane@quarry.example", "email_click", daysAgo(3), "n2")),
    ].join("\n")
    const r = await ingest(nd, h.acme.tokens.admin, "application/x-ndjson")
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ accepted: 2, rejected: [{ line: 2, reason: "not valid JSON" }] })
  })

  it("is idempotent on (source, externalId): sending the same file twice changes nothing", async () => {
    const batch = [event("echo.vale@upland.example", "webinar_attended", daysAgo(1), "w1", { campaign: "RevOps Live" })]
    expect((await ingest(batch)).json()).toMatchObject({ accepted: 1, duplicates: 0 })
    const before = (await lookup("echo.vale@upland.example")).json()
    expect((await ingest(batch)).json()).toMatchObject({ accepted: 0, duplicates: 1 })
    const after = (await lookup("echo.vale@upland.example")).json()
    expect(after.score).toEqual(before.score)
    expect(after.counts.marketing).toBe(1)
  })

  it("updates the score as events arrive, caps a type per day, and explains it", async () => {
    const email = "opal.frost@meridian.example"
    // Ten opens on one day: the default rules give 1 point each with a cap of 3 a day.
    await ingest(Array.from({ length: 10 }, (_, i) => event(email, "email_open", new Date(daysAgo(1).getTime() + i * 60_000), `o${i}`)))
    const capped = (await lookup(email)).json().score
    expect(capped.engagement).toBe(3)
    await ingest([event(email, "webinar_attended", daysAgo(3), "wa", { properties: { title: "Scaling RevOps" } })])
    const s = (await lookup(email)).json().score
    expect(s.engagement).toBeGreaterThan(capped.engagement + 10)
    expect(s.reasons.map((r: { text: string }) => r.text)).toContain("+14 attended webinar 'Scaling RevOps' 3 days ago")
  })

  it("moves a lead across the threshold to MQL and starts the SLA clock", async () => {
    const email = "rhea.stone@cobalt.example"
    const r = await ingest([
      event(email, "demo_request", daysAgo(0.1), "d1", { contact: { title: "Chief Revenue Officer", industry: "fintech", companySize: 900 } }),
      event(email, "webinar_attended", daysAgo(0.2), "d2"),
    ])
    expect(r.json().newMqls).toBe(1)
    const ctx = (await lookup(email)).json()
    expect(ctx.score.total).toBeGreaterThanOrEqual(60)
    expect(ctx.contact.stage).toBe("mql")
    expect(ctx.sla.state).toBe("pending")
    expect(new Date(ctx.sla.dueAt).getTime() - new Date(ctx.sla.mqlAt).getTime()).toBe(24 * 3_600_000)
  })

  it("scores a contact the batch creates on the events kept, not on lines that were duplicates of stored events", async () => {
    // A new contact is inserted with the score of all its lines; a line that turns out to be a duplicate (its
    // source and externalId are another contact's event) earns nothing, so that score is corrected.
    const at = daysAgo(2)
    await ingest([event("dup.owner@harbor.example", "demo_request", at, "dup-1")])
    const r = await ingest([
      event("dup.newcomer@harbor.example", "demo_request", at, "dup-1"),
      event("dup.newcomer@harbor.example", "webinar_attended", at, "dup-2"),
      event("dup.twin@harbor.example", "webinar_attended", at, "dup-3"),
    ])
    expect(r.json()).toMatchObject({ accepted: 2, duplicates: 1, contactsCreated: 2 })
    const newcomer = (await lookup("dup.newcomer@harbor.example")).json()
    const twin = (await lookup("dup.twin@harbor.example")).json()
    expect(newcomer.counts.marketing).toBe(1)
    expect(newcomer.score.engagement).toBeGreaterThan(0)
    expect(newcomer.score).toEqual(twin.score)
  })

  it("refuses more than 10,000 events, non-arrays and reps", async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => event("x@y.example", "email_open", daysAgo(1), `m${i}`))
    const big = await ingest(many)
    expect(big.statusCode).toBe(400)
    expect(big.json().error.message).toMatch(/10000/)
    expect((await ingest({ not: "an array" })).statusCode).toBe(400)
    expect((await ingest("{bad json", h.acme.tokens.marketer, "application/json")).statusCode).toBe(400)
    expect((await ingest([], h.acme.tokens.rep)).statusCode).toBe(403)
  })

  const firstTouch = async (email: string, orgId = h.acme.id) =>
    (
      await rows<{ source: string | null; campaign: string | null }>(
        h.database.db,
        sql`
    SELECT c.source, c.campaign FROM contacts c JOIN contact_emails e ON e.org_id = c.org_id AND e.contact_id = c.id
    WHERE c.org_id = ${orgId} AND e.email = ${email}`,
      )
    )[0]

  it("attributes a contact to the source and campaign of its earliest event, even when an older one arrives later", async () => {
    const email = "wynn.harlow@juniper.example"
    // The earliest event of the batch wins, wherever it sits in the batch.
    await ingest([
      event(email, "email_open", daysAgo(3), "ft1", { source: "marketo", campaign: "Data quality nurture" }),
      event(email, "ad_click", daysAgo(5), "ft2", { source: "hubspot", campaign: "Paid social: dashboards" }),
    ])
    expect(await firstTouch(email)).toEqual({ source: "hubspot", campaign: "Paid social: dashboards" })
    // A newer event changes nothing.
    await ingest([event(email, "page_visit", daysAgo(1), "ft3", { source: "marketo", campaign: "Demo day" })])
    expect(await firstTouch(email)).toEqual({ source: "hubspot", campaign: "Paid social: dashboards" })
    // A backfill with an older event moves the first touch back.
    await ingest([event(email, "form_submit", daysAgo(40), "ft4", { source: "marketo", campaign: "Annual benchmark report" })])
    expect(await firstTouch(email)).toEqual({ source: "marketo", campaign: "Annual benchmark report" })
    // A tracked-link view is the rep's touch, not marketing's: never the first touch.
    await ingest([event(email, "asset_view", daysAgo(60), "ft5", { source: "relay-link" })])
    expect(await firstTouch(email)).toEqual({ source: "marketo", campaign: "Annual benchmark report" })
    // A duplicate of the old event is not new and changes nothing either.
    expect(
      (await ingest([event(email, "form_submit", daysAgo(40), "ft4", { source: "marketo", campaign: "Annual benchmark report" })])).json().duplicates,
    ).toBe(1)
  })

  const touchAt = async (email: string) =>
    (
      await rows<{ at: string | null }>(
        h.database.db,
        sql`SELECT c.first_touch_at AS at FROM contacts c JOIN contact_emails e ON e.org_id = c.org_id AND e.contact_id = c.id
        WHERE c.org_id = ${h.acme.id} AND e.email = ${email}`,
      )
    )[0]!.at

  it("stores the first touch's time and compares a batch with it: earlier moves it, the same time or later does not", async () => {
    const email = "odile.brack@tidewater.example"
    const at = daysAgo(10)
    await ingest([event(email, "email_open", at, "tt1", { source: "marketo", campaign: "First" })])
    expect(new Date((await touchAt(email))!).getTime()).toBe(at.getTime())
    // The same time as the stored first touch: the stored event, older, wins the tie.
    await ingest([event(email, "ad_click", at, "tt2", { source: "hubspot", campaign: "Same time" })])
    expect(await firstTouch(email)).toEqual({ source: "marketo", campaign: "First" })
    // A millisecond earlier, in a batch with later events: the batch's earliest event is the first touch.
    const earlier = new Date(at.getTime() - 1)
    await ingest([
      event(email, "page_visit", daysAgo(2), "tt3", { source: "marketo", campaign: "Later" }),
      event(email, "page_visit", earlier, "tt4", { source: "hubspot", campaign: "Earlier" }),
    ])
    expect(await firstTouch(email)).toEqual({ source: "hubspot", campaign: "Earlier" })
    expect(new Date((await touchAt(email))!).getTime()).toBe(earlier.getTime())
  })

  it("finds a first touch not stored yet from the contact's events, then keeps it", async () => {
    // Contacts from before first_touch_at was stored have their source and campaign, not its time.
    const email = "ferris.lowe@quarry.example"
    const old = daysAgo(50)
    await ingest([
      event(email, "webinar_attended", old, "ns1", { source: "hubspot", campaign: "Oldest" }),
      event(email, "email_open", daysAgo(20), "ns2", { source: "marketo", campaign: "Newer" }),
    ])
    await h.database.db.execute(sql`
      UPDATE contacts c SET first_touch_at = NULL, source = NULL, campaign = NULL FROM contact_emails e
      WHERE e.org_id = c.org_id AND e.contact_id = c.id AND c.org_id = ${h.acme.id} AND e.email = ${email}`)
    // A new event later than the oldest stored one: the oldest is found, not the batch's.
    await ingest([event(email, "page_visit", daysAgo(1), "ns3", { source: "marketo", campaign: "Newest" })])
    expect(await firstTouch(email)).toEqual({ source: "hubspot", campaign: "Oldest" })
    expect(new Date((await touchAt(email))!).getTime()).toBe(old.getTime())
  })

  it("fills the first touch of a contact that had none (imported before any event)", async () => {
    const imported = "quill.marsh@saltmarsh.example"
    expect((await importContacts(h.database.db, h.acme.id, [{ line: 2, row: { email: imported, first_name: "Quill" } }])).created).toBe(1)
    expect(await firstTouch(imported)).toEqual({ source: null, campaign: null })
    await ingest([event(imported, "webinar_attended", daysAgo(2), "im1", { source: "hubspot", campaign: "Forecasting masterclass" })])
    expect(await firstTouch(imported)).toEqual({ source: "hubspot", campaign: "Forecasting masterclass" })
    // Many contacts in one batch, each with its own earliest event.
    await ingest(Array.from({ length: 30 }, (_, i) => event(`bulk${i % 10}@bulk.example`, "email_open", daysAgo(1 + i), `b${i}`, { campaign: `C${i}` })))
    for (let n = 0; n < 10; n++) expect(await firstTouch(`bulk${n}@bulk.example`)).toEqual({ source: "test", campaign: `C${n + 20}` })
  })

  it("keeps orgs apart: the same email in another org is another contact", async () => {
    expect((await lookup("nova.ridge@fernhill.example", h.globex.tokens.rep)).statusCode).toBe(404)
    await ingest([event("nova.ridge@fernhill.example", "email_open", daysAgo(1), "e1")], h.globex.tokens.marketer)
    const g = (await lookup("nova.ridge@fernhill.example", h.globex.tokens.rep)).json()
    expect(g.counts.marketing).toBe(1)
    expect(g.contact.title).toBeNull()
  })
})

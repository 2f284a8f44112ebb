import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { pgArray, rows, sql } from "../../src/server/db/client"
import { principalForToken } from "../../src/server/auth/service"
import { logActivity } from "../../src/server/activities/service"
import type { ActivityInput } from "../../src/shared/contracts/activities"
import { auth, backends, event, harness, type Harness } from "./harness"

describe.each(backends)("activities, handoff and settings on %s", (kind) => {
  let h: Harness
  let mqlId: string
  let leadId: string
  beforeAll(async () => {
    h = await harness(kind)
    const now = Date.now()
    const r = await h.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: auth(h.acme.tokens.marketer),
      payload: [
        event("mira.cole@vantage.example", "demo_request", new Date(now - 3_600_000), "a1", {
          contact: { firstName: "Mira", lastName: "Cole", title: "VP Marketing", industry: "software", companySize: 300 },
        }),
        event("mira.cole@vantage.example", "webinar_attended", new Date(now - 7_200_000), "a2"),
        event("finn.ash@vantage.example", "email_open", new Date(now - 3_600_000), "a3", { contact: { firstName: "Finn", lastName: "Ash" } }),
      ],
    })
    expect(r.json().newMqls).toBe(1)
    mqlId = (await get("/api/v1/contacts/lookup?email=mira.cole@vantage.example")).json().contact.id
    leadId = (await get("/api/v1/contacts/lookup?email=finn.ash@vantage.example")).json().contact.id
  })
  afterAll(async () => {
    await h?.close()
  })

  const get = (url: string, token = h.acme.tokens.rep) => h.app.inject({ url, headers: auth(token) })
  const post = (url: string, payload: unknown, token = h.acme.tokens.rep) =>
    h.app.inject({ method: "POST", url, headers: auth(token), payload: payload as object })

  it("logs an activity once per client id: 201, then 200 with the same record, 409 on different content", async () => {
    const a = {
      id: randomUUID(),
      contactId: leadId,
      type: "call",
      occurredAt: new Date().toISOString(),
      outcome: "connected",
      durationSeconds: 300,
      notes: "Talked budget",
    }
    const first = await post("/api/v1/activities", a)
    expect(first.statusCode).toBe(201)
    const again = await post("/api/v1/activities", a)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(first.json())
    const changed = await post("/api/v1/activities", { ...a, notes: "Something else" })
    expect(changed.statusCode).toBe(409)
    const ctx = (await get(`/api/v1/contacts/${leadId}`)).json()
    expect(ctx.counts.sales).toBe(1)
    expect(ctx.events[0]).toMatchObject({ side: "sales", type: "call", title: "Call — connected", detail: "Talked budget", by: "Acme Test rep" })
  })

  it("creates exactly one record when the same activity races in twice", async () => {
    const a = { id: randomUUID(), contactId: leadId, type: "note", occurredAt: new Date().toISOString(), notes: "race" }
    const [x, y] = await Promise.all([post("/api/v1/activities", a), post("/api/v1/activities", a)])
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 201])
    expect((await get(`/api/v1/contacts/${leadId}/events?type=note`)).json().items).toHaveLength(1)
  })

  it("counts activities logged at once over many connections exactly in the rep's daily rollup, and takes removed ones off", async () => {
    // On the PostgreSQL server the requests run on several pooled connections, so their counts land in several of the
    // day's rows (slots); the report sums them. Removing activities subtracts from the rows that are there.
    const day = "2026-04-07"
    const made = await h.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: auth(h.acme.tokens.marketer),
      payload: [event("burst.one@vantage.example", "email_open", new Date(Date.now() - 3_600_000), "burst-1")],
    })
    expect(made.statusCode).toBe(200)
    const contactId = (await get("/api/v1/contacts/lookup?email=burst.one@vantage.example")).json().contact.id
    const logged = Array.from({ length: 40 }, (_, i) => ({
      id: randomUUID(),
      contactId,
      type: i % 3 ? "call" : "meeting",
      occurredAt: `${day}T${String(8 + (i % 10)).padStart(2, "0")}:00:00.000Z`,
      notes: `burst ${i}`,
    }))
    const answers = await Promise.all(logged.map((a) => post("/api/v1/activities", a)))
    expect(answers.map((a) => a.statusCode)).toEqual(logged.map(() => 201))
    const counts = async () => {
      const [r] = await rows<{ rollup: string | null; raw: string }>(
        h.database.db,
        sql`SELECT (SELECT sum(n) FROM rep_activity_days WHERE org_id = ${h.acme.id} AND user_id = ${h.acme.userIds.rep} AND day = ${day}::date AND type = 'call')::int AS rollup,
          (SELECT count(*) FROM activities WHERE org_id = ${h.acme.id} AND user_id = ${h.acme.userIds.rep} AND type = 'call'
            AND occurred_at >= ${day}::date AND occurred_at < ${day}::date + 1)::int AS raw`,
      )
      return r!
    }
    expect(await counts()).toEqual({ rollup: 26, raw: 26 })
    await h.database.db.execute(sql`DELETE FROM activities WHERE org_id = ${h.acme.id} AND id = ANY(${pgArray(logged.slice(0, 12).map((a) => a.id))}::uuid[])`)
    expect(await counts()).toEqual({ rollup: 18, raw: 18 })
    const report = await get(`/api/v1/analytics/rep-activity?from=${day}&to=${day}`, h.acme.tokens.marketer)
    expect(report.statusCode, report.body).toBe(200)
    expect(report.json().rows.find((r: { repId: string }) => r.repId === h.acme.userIds.rep)).toMatchObject({ calls: 18, meetings: 10 })
  })

  it("answers each activity of a burst on its own, though they are logged together: a bad one fails only its own request", async () => {
    // Activities arriving at once share statements (activities/batch.ts); a value the database refuses, an unknown
    // contact, another org's contact and a repeat inside the burst must each get their own answer, the rest be stored once.
    const made = await h.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: auth(h.acme.tokens.marketer),
      payload: [event("burst.two@vantage.example", "email_open", new Date(Date.now() - 3_600_000), "burst-2")],
    })
    expect(made.statusCode).toBe(200)
    const contactId = (await get("/api/v1/contacts/lookup?email=burst.two@vantage.example")).json().contact.id as string
    const good = Array.from({ length: 30 }, (_, i) => ({
      id: randomUUID(),
      contactId,
      type: "email",
      occurredAt: new Date(Date.now() - i * 60_000).toISOString(),
      notes: `together ${i}`,
    }))
    const refused = { ...good[0]!, id: randomUUID(), notes: "nul \u0000 byte" }
    const unknown = { ...good[0]!, id: randomUUID(), contactId: randomUUID() }
    const sent = [...good.slice(0, 10), refused, ...good.slice(10, 20), unknown, good[3]!, ...good.slice(20)]
    const answers = await Promise.all([
      ...sent.map((a) => post("/api/v1/activities", a)),
      post("/api/v1/activities", { ...good[0]!, id: randomUUID() }, h.globex.tokens.rep),
    ])
    const status = (a: object) => answers[sent.indexOf(a as (typeof sent)[number])]!.statusCode
    expect(status(refused)).toBe(400)
    expect(status(unknown)).toBe(404)
    expect(answers.at(-1)!.statusCode).toBe(404)
    expect(good.map((a) => (a === good[3] ? 201 : status(a)))).toEqual(good.map(() => 201))
    expect([answers[3]!.statusCode, answers[sent.lastIndexOf(good[3]!)]!.statusCode].sort()).toEqual([200, 201])
    for (const a of good.slice(0, 5)) expect(answers[sent.indexOf(a)]!.json()).toMatchObject({ id: a.id, notes: a.notes, userId: h.acme.userIds.rep })
    const [stored] = await rows<{ n: number; ids: number }>(
      h.database.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids FROM activities WHERE org_id = ${h.acme.id} AND id = ANY(${pgArray([...good, refused, unknown].map((a) => a.id))}::uuid[])`,
    )
    expect(stored).toEqual({ n: 30, ids: 30 })

    // Called in one tick, the service shares statements on either database (over HTTP PGlite answers each request
    // before the next one arrives): the refused value still fails alone.
    const rep = await principalForToken(h.database.db, h.acme.tokens.rep)
    const more = Array.from({ length: 12 }, (_, i) => ({ ...good[i]!, id: randomUUID() }) as ActivityInput)
    const bad = { ...more[0]!, id: randomUUID(), notes: "nul \u0000 byte" }
    const settled = await Promise.allSettled([...more.slice(0, 6), bad, ...more.slice(6)].map((a) => logActivity(h.database.db, rep, a)))
    expect(settled.map((s) => s.status)).toEqual([...more.slice(0, 6).map(() => "fulfilled"), "rejected", ...more.slice(6).map(() => "fulfilled")])
    expect(settled.filter((s) => s.status === "fulfilled").map((s) => (s as PromiseFulfilledResult<{ created: boolean }>).value.created)).toEqual(
      more.map(() => true),
    )
  })

  it("rejects malformed activities with a 400 that says what is wrong", async () => {
    const r = await post("/api/v1/activities", { id: "nope", contactId: leadId, type: "telepathy", occurredAt: "soon" })
    expect(r.statusCode).toBe(400)
    const paths = r.json().error.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(expect.arrayContaining(["id", "type", "occurredAt"]))
    const notJson = await h.app.inject({
      method: "POST",
      url: "/api/v1/activities",
      headers: { ...auth(h.acme.tokens.rep), "content-type": "application/json" },
      payload: "{oops",
    })
    expect(notJson.statusCode).toBe(400)
    const unknown = await post("/api/v1/activities", { id: randomUUID(), contactId: randomUUID(), type: "call", occurredAt: new Date().toISOString() })
    expect(unknown.statusCode).toBe(404)
  })

  it("takes only the org's own assets: other ids are a 400 naming them, and nothing is written", async () => {
    const asset = async (token: string, title: string) => {
      const r = await post("/api/v1/assets", { title, url: "https://content.example/a", kind: "one_pager", description: "" }, token)
      expect(r.statusCode, r.body).toBe(201)
      return r.json().id as string
    }
    const ours = await asset(h.acme.tokens.marketer, "Acme one-pager")
    const theirs = await asset(h.globex.tokens.marketer, "Globex one-pager")
    const madeUp = randomUUID()
    const a = { id: randomUUID(), contactId: leadId, type: "email", occurredAt: new Date().toISOString(), assetIds: [ours, theirs, madeUp] }
    const r = await post("/api/v1/activities", a)
    expect(r.statusCode).toBe(400)
    expect(r.json().error.code).toBe("bad_request")
    expect(r.json().error.message).toContain(theirs)
    expect(r.json().error.message).toContain(madeUp)
    expect(r.json().error.message).not.toContain(ours)
    expect(r.json().error.issues.map((i: { path: string }) => i.path)).toEqual(["assetIds", "assetIds"])
    expect((await get(`/api/v1/contacts/${leadId}/events?type=email`)).json().items).toHaveLength(0)
    const good = await post("/api/v1/activities", { ...a, id: randomUUID(), assetIds: [ours] })
    expect(good.statusCode).toBe(201)
    expect(good.json().assetIds).toEqual([ours])
  })

  it("rejects an MQL back to marketing with a reason, and refuses to hand off a non-MQL", async () => {
    expect((await get(`/api/v1/contacts/${mqlId}`)).json().sla.state).toBe("pending")
    const bad = await post(`/api/v1/contacts/${mqlId}/handoff`, { decision: "reject", reason: "because" })
    expect(bad.statusCode).toBe(400)
    const handoffId = randomUUID()
    const r = await post(`/api/v1/contacts/${mqlId}/handoff`, { id: handoffId, decision: "reject", reason: "no_budget", note: "Next fiscal year" })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ stage: "recycled", decision: "reject" })
    // A retry of the same decision is safe.
    expect(
      (await post(`/api/v1/contacts/${mqlId}/handoff`, { id: handoffId, decision: "reject", reason: "no_budget", note: "Next fiscal year" })).statusCode,
    ).toBe(200)
    const again = await post(`/api/v1/contacts/${mqlId}/handoff`, { decision: "accept" })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toMatch(/recycled/)
    expect((await post(`/api/v1/contacts/${leadId}/handoff`, { decision: "accept" })).statusCode).toBe(409)
  })

  it("accepts an MQL into SQL and meets the SLA", async () => {
    await h.database.db.execute((await import("drizzle-orm")).sql`UPDATE contacts SET stage = 'mql', mql_at = now() - interval '30 hours' WHERE id = ${leadId}`)
    expect((await get(`/api/v1/contacts/${leadId}`)).json().sla.state).toBe("overdue")
    const r = await post(`/api/v1/contacts/${leadId}/handoff`, { decision: "accept", note: "Good fit" })
    expect(r.json()).toMatchObject({ stage: "sql", decision: "accept" })
    const ctx = (await get(`/api/v1/contacts/${leadId}`)).json()
    expect(ctx.contact.stage).toBe("sql")
    expect(ctx.sla.state).toBe("met")
  })

  it("records lead-quality feedback from 1 to 5", async () => {
    expect((await post(`/api/v1/contacts/${mqlId}/feedback`, { rating: 4, reason: "Engaged, wrong timing" })).statusCode).toBe(201)
    expect((await post(`/api/v1/contacts/${mqlId}/feedback`, { rating: 6 })).statusCode).toBe(400)
  })

  it("lets marketers and admins, not reps, change the settings; new rules rescore", async () => {
    const before = (await get(`/api/v1/contacts/${mqlId}`)).json().score
    const s = (await get("/api/v1/settings")).json()
    expect(s).toMatchObject({ mqlThreshold: 60, slaHours: 24 })
    expect((await h.app.inject({ method: "PUT", url: "/api/v1/settings", headers: auth(h.acme.tokens.rep), payload: { slaHours: 8 } })).statusCode).toBe(403)
    const scoring = { ...s.scoring, events: { ...s.scoring.events, demo_request: { points: 50, dailyCap: 50 } } }
    const r = await h.app.inject({ method: "PUT", url: "/api/v1/settings", headers: auth(h.acme.tokens.marketer), payload: { slaHours: 8, scoring } })
    expect(r.statusCode).toBe(200)
    expect(r.json().slaHours).toBe(8)
    const after = (await get(`/api/v1/contacts/${mqlId}`)).json().score
    expect(after.engagement).toBeGreaterThan(before.engagement)
    expect((await h.app.inject({ method: "PUT", url: "/api/v1/settings", headers: auth(h.acme.tokens.admin), payload: { mqlThreshold: 0 } })).statusCode).toBe(
      400,
    )
    expect((await get("/api/v1/settings", h.globex.tokens.rep)).json().slaHours).toBe(24)
  })
})

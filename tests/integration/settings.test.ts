import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createOrg, createToken, createUser } from "../../src/server/auth/service"
import { one, rows, sql } from "../../src/server/db/client"
import type { Settings } from "../../src/shared/contracts/settings"
import { auth, backends, event, harness, type Harness } from "./harness"

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000)

/**
 * A small fixed org under the default rules (threshold 60; fit capped at 40, engagement at 60; half-life 30 days).
 * Scores, as fit + engagement (events a day old weigh 2^(-1/30) = 0.977):
 *   Avery  VP, software, 400         fit 12+15+10 = 37, demo 24.4 + webinar 14.7 = 39   → 76
 *   Blair  Director, retail, 100     fit 8+6+5 = 19,    demo 24.4 = 24                  → 43
 *   Casey  Manager, healthcare, 1000 fit 4+10+10 = 24,  trial 19.5 + download 7.8 = 27  → 51
 *   Devon  Analyst, logistics, 20    fit 8,             open 1.0 = 1                    → 9
 *   Emery  Chief, fintech, 3000      fit 40 (capped),   webinar 2 days 14.3 + 5 visits capped at 8, 7.8 = 22 → 62
 */
const people = {
  avery: { email: "avery.stone@kestrel.example", contact: { firstName: "Avery", title: "VP Sales", industry: "software", companySize: 400 } },
  blair: { email: "blair.moss@tarn.example", contact: { firstName: "Blair", title: "Director of Operations", industry: "retail", companySize: 100 } },
  casey: { email: "casey.reed@larch.example", contact: { firstName: "Casey", title: "Practice Manager", industry: "healthcare", companySize: 1000 } },
  devon: { email: "devon.hale@brook.example", contact: { firstName: "Devon", title: "Analyst", industry: "logistics", companySize: 20 } },
  emery: { email: "emery.vance@quill.example", contact: { firstName: "Emery", title: "Chief Revenue Officer", industry: "fintech", companySize: 3000 } },
}

describe.each(backends)("settings on %s", (kind) => {
  let h: Harness
  let defaults: Settings
  const put = (payload: unknown, token = h.acme.tokens.marketer) =>
    h.app.inject({ method: "PUT", url: "/api/v1/settings", headers: auth(token), payload: payload as object })
  const preview = (payload: unknown, token = h.acme.tokens.marketer) =>
    h.app.inject({ method: "POST", url: "/api/v1/settings/preview", headers: auth(token), payload: payload as object })
  const scoreOf = async (email: string) =>
    (await h.app.inject({ url: `/api/v1/contacts/lookup?email=${email}`, headers: auth(h.acme.tokens.rep) })).json().score.total as number
  const settingsRow = (orgId: string) =>
    one<{ updatedAt: string; mqlThreshold: number }>(
      h.database.db,
      sql`SELECT updated_at AS "updatedAt", mql_threshold AS "mqlThreshold" FROM org_settings WHERE org_id = ${orgId}`,
    )
  /** A rescore stamps every contact's engagement_at; a no-op leaves them as they were. */
  const scoreStamps = async (orgId: string) =>
    await rows<{ id: string; at: string; fit: number; v: number }>(
      h.database.db,
      sql`SELECT contact_id AS id, engagement_at::text AS at, fit_score AS fit, engagement_value AS v FROM contact_scores WHERE org_id = ${orgId} ORDER BY contact_id`,
    )
  const withEvent = (s: Settings, type: string, points: number) => ({ ...s.scoring, events: { ...s.scoring.events, [type]: { points, dailyCap: points } } })

  beforeAll(async () => {
    h = await harness(kind)
    const p = people
    const batch = [
      event(p.avery.email, "demo_request", daysAgo(1), "a1", { contact: p.avery.contact }),
      event(p.avery.email, "webinar_attended", daysAgo(1), "a2"),
      event(p.blair.email, "demo_request", daysAgo(1), "b1", { contact: p.blair.contact }),
      event(p.casey.email, "trial_signup", daysAgo(1), "c1", { contact: p.casey.contact }),
      event(p.casey.email, "content_download", daysAgo(1), "c2"),
      event(p.devon.email, "email_open", daysAgo(1), "d1", { contact: p.devon.contact }),
      event(p.emery.email, "webinar_attended", daysAgo(2), "e1", { contact: p.emery.contact }),
      ...[1, 2, 3, 4, 5].map((i) => event(p.emery.email, "page_visit", new Date(daysAgo(1).getTime() + i * 1000), `e-visit-${i}`)),
    ]
    for (const org of [h.acme, h.globex]) {
      const r = await h.app.inject({ method: "POST", url: "/api/v1/events", headers: auth(org.tokens.marketer), payload: batch })
      expect(r.json()).toMatchObject({ accepted: 12, contactsCreated: 5 })
    }
    defaults = (await h.app.inject({ url: "/api/v1/settings", headers: auth(h.acme.tokens.rep) })).json()
  })
  afterAll(async () => {
    await h?.close()
  })

  it("the fixed org scores as planned", async () => {
    const totals = await Promise.all(Object.values(people).map((x) => scoreOf(x.email)))
    expect(totals).toEqual([76, 43, 51, 9, 62])
  })

  describe("preview", () => {
    it("with nothing changed: today's count twice, nobody changes", async () => {
      for (const body of [{}, { mqlThreshold: 60 }, defaults]) {
        const r = await preview(body)
        expect(r.statusCode, r.body).toBe(200)
        expect(r.json()).toEqual({
          contacts: 5,
          current: { mqlThreshold: 60, mqls: 2 },
          proposed: { mqlThreshold: 60, mqls: 2 },
          changedContacts: 0,
          sampled: false,
          sampleSize: 5,
        })
      }
    })

    it("a lower threshold: more MQLs on today's scores", async () => {
      expect((await preview({ mqlThreshold: 50 })).json()).toEqual({
        contacts: 5,
        current: { mqlThreshold: 60, mqls: 2 },
        proposed: { mqlThreshold: 50, mqls: 3 },
        changedContacts: 1,
        sampled: false,
        sampleSize: 5,
      })
      expect((await preview({ mqlThreshold: 40 })).json()).toMatchObject({ proposed: { mqlThreshold: 40, mqls: 4 }, changedContacts: 2 })
      expect((await preview({ mqlThreshold: 77 })).json()).toMatchObject({ proposed: { mqlThreshold: 77, mqls: 0 }, changedContacts: 2 })
      expect((await preview({ mqlThreshold: 9 })).json()).toMatchObject({ proposed: { mqlThreshold: 9, mqls: 5 }, changedContacts: 3 })
    })

    it("new event points: rescored from the events (Blair's demo request now carries her over)", async () => {
      // demo_request 25 → 45: Avery 37 + 44 + 15 = 96, Blair 19 + 44 = 63.
      expect((await preview({ scoring: withEvent(defaults, "demo_request", 45) })).json()).toEqual({
        contacts: 5,
        current: { mqlThreshold: 60, mqls: 2 },
        proposed: { mqlThreshold: 60, mqls: 3 },
        changedContacts: 1,
        sampled: false,
        sampleSize: 5,
      })
      // With a threshold of 70 as well: only Avery; Emery (62) drops out, Blair (63) stays out.
      expect((await preview({ mqlThreshold: 70, scoring: withEvent(defaults, "demo_request", 45) })).json()).toMatchObject({
        current: { mqlThreshold: 60, mqls: 2 },
        proposed: { mqlThreshold: 70, mqls: 1 },
        changedContacts: 1,
      })
    })

    it("new fit rules: rescored from the firmographics", async () => {
      // fitMax 40 → 20: Avery 20 + 39 = 59 and Emery 20 + 22 = 42 both fall below 60.
      expect((await preview({ scoring: { ...defaults.scoring, fitMax: 20 } })).json()).toMatchObject({
        proposed: { mqlThreshold: 60, mqls: 0 },
        changedContacts: 2,
        sampled: false,
      })
      // "Analyst" worth 60 fit points (capped at 40): Devon 40 + 1 = 41 — still no MQL; at threshold 41 she is one.
      const titles = [...defaults.scoring.fit.titles, { keyword: "analyst", label: "Analyst", points: 60 }]
      const scoring = { ...defaults.scoring, fit: { ...defaults.scoring.fit, titles } }
      expect((await preview({ mqlThreshold: 41, scoring })).json()).toMatchObject({ proposed: { mqlThreshold: 41, mqls: 5 }, changedContacts: 3 })
      expect((await preview({ mqlThreshold: 42, scoring })).json()).toMatchObject({ proposed: { mqlThreshold: 42, mqls: 4 }, changedContacts: 2 })
    })

    it("saves nothing and changes no score", async () => {
      const before = { row: await settingsRow(h.acme.id), stamps: await scoreStamps(h.acme.id) }
      expect((await preview({ mqlThreshold: 30, slaHours: 2, scoring: withEvent(defaults, "email_open", 40) })).statusCode).toBe(200)
      expect(await settingsRow(h.acme.id)).toEqual(before.row)
      expect(await scoreStamps(h.acme.id)).toEqual(before.stamps)
      expect((await h.app.inject({ url: "/api/v1/settings", headers: auth(h.acme.tokens.rep) })).json()).toEqual(defaults)
    })

    it("is for marketers and admins; bad settings are a 400", async () => {
      expect((await preview({ mqlThreshold: 50 }, h.acme.tokens.rep)).statusCode).toBe(403)
      expect((await preview({ mqlThreshold: 50 }, h.acme.tokens.admin)).statusCode).toBe(200)
      const bad = await preview({ mqlThreshold: 0 })
      expect(bad.statusCode).toBe(400)
      expect(bad.json().error.message).toContain("mqlThreshold")
      expect((await preview({ mqlThreshold: 50, colour: "red" })).statusCode).toBe(400)
    })

    it("counts only the asking org's contacts", async () => {
      const org = await createOrg(h.database.db, "Quiet Test")
      await createUser(h.database.db, org, { email: "marketer@quiet.example", name: "Quiet marketer", role: "marketer" })
      const { token } = await createToken(h.database.db, org, "marketer@quiet.example")
      expect((await preview({ mqlThreshold: 10, scoring: withEvent(defaults, "demo_request", 45) }, token)).json()).toEqual({
        contacts: 0,
        current: { mqlThreshold: 60, mqls: 0 },
        proposed: { mqlThreshold: 10, mqls: 0 },
        changedContacts: 0,
        sampled: false,
        sampleSize: 0,
      })
    })

    it("agrees with what saving the same rules does", async () => {
      const scoring = withEvent(defaults, "demo_request", 45)
      const predicted = (await preview({ scoring }, h.globex.tokens.marketer)).json()
      expect(predicted.proposed.mqls).toBe(3)
      expect((await put({ scoring }, h.globex.tokens.marketer)).statusCode).toBe(200)
      const after = (await preview({}, h.globex.tokens.marketer)).json()
      expect(after.current.mqls).toBe(predicted.proposed.mqls)
      await put({ scoring: defaults.scoring }, h.globex.tokens.marketer)
    })
  })

  describe("saving", () => {
    it("the same values again: no write, no rescore", async () => {
      const before = { row: await settingsRow(h.acme.id), stamps: await scoreStamps(h.acme.id) }
      for (const body of [defaults, { scoring: defaults.scoring }, { mqlThreshold: 60, slaHours: 24 }, {}]) {
        const r = await put(body)
        expect(r.statusCode).toBe(200)
        expect(r.json()).toEqual(defaults)
      }
      // The same rules with their event types in another order are the same rules.
      const reordered = { ...defaults.scoring, events: Object.fromEntries(Object.entries(defaults.scoring.events).reverse()) }
      expect((await put({ scoring: reordered })).statusCode).toBe(200)
      expect(await settingsRow(h.acme.id)).toEqual(before.row)
      expect(await scoreStamps(h.acme.id)).toEqual(before.stamps)
    })

    it("a new threshold is saved without rescoring", async () => {
      const before = { row: await settingsRow(h.acme.id), stamps: await scoreStamps(h.acme.id) }
      const r = await put({ mqlThreshold: 50, slaHours: 12 })
      expect(r.json()).toMatchObject({ mqlThreshold: 50, slaHours: 12 })
      const row = await settingsRow(h.acme.id)
      expect(row!.mqlThreshold).toBe(50)
      expect(new Date(row!.updatedAt).getTime()).toBeGreaterThan(new Date(before.row!.updatedAt).getTime())
      expect(await scoreStamps(h.acme.id)).toEqual(before.stamps)
      // The threshold applies to today's scores as soon as it is read.
      expect((await preview({})).json()).toMatchObject({ current: { mqlThreshold: 50, mqls: 3 } })
      await put({ mqlThreshold: 60, slaHours: 24 })
    })

    it("new scoring rules rescore the org", async () => {
      const before = await scoreStamps(h.acme.id)
      expect((await put({ scoring: withEvent(defaults, "demo_request", 45) })).statusCode).toBe(200)
      const after = await scoreStamps(h.acme.id)
      expect(after.every((a, i) => a.at !== before[i]!.at)).toBe(true)
      expect(await scoreOf(people.avery.email)).toBe(96)
      expect(await scoreOf(people.blair.email)).toBe(63)
      await put({ scoring: defaults.scoring })
      expect(await scoreOf(people.blair.email)).toBe(43)
    })
  })

  describe("a large org", () => {
    // 24,000 contacts: every fourth one requested a demo a day ago and has fit 37 (VP, software, 400): 37 + 24 = 61.
    // Ids are derived from the row number so the sample is the same on every run.
    let token: string
    beforeAll(async () => {
      const org = await createOrg(h.database.db, "Large Test")
      await createUser(h.database.db, org, { email: "marketer@large.example", name: "Large marketer", role: "marketer" })
      token = (await createToken(h.database.db, org, "marketer@large.example")).token
      await h.database.db.execute(sql`
        INSERT INTO contacts (org_id, id, first_name, title, industry, company_size)
        SELECT ${org}, md5('large-' || i)::uuid, 'Person ' || i, 'VP Sales', 'software', 400 FROM generate_series(1, 24000) i`)
      await h.database.db.execute(sql`
        UPDATE contact_scores SET fit_score = 37, engagement_value = CASE WHEN contact_id = ANY(
          SELECT md5('large-' || i)::uuid FROM generate_series(4, 24000, 4) i) THEN 25 ELSE 0 END, engagement_at = now() - interval '1 day'
        WHERE org_id = ${org}`)
      await h.database.db.execute(sql`
        INSERT INTO marketing_events (org_id, contact_id, type, occurred_at, source, external_id)
        SELECT ${org}, md5('large-' || i)::uuid, 'demo_request', now() - interval '1 day', 'test', 'large-' || i
        FROM generate_series(4, 24000, 4) i`)
    })

    it("previews a threshold on every contact, exactly", async () => {
      expect((await preview({ mqlThreshold: 62 }, token)).json()).toEqual({
        contacts: 24000,
        current: { mqlThreshold: 60, mqls: 6000 },
        proposed: { mqlThreshold: 62, mqls: 0 },
        changedContacts: 6000,
        sampled: false,
        sampleSize: 24000,
      })
    })

    it("previews new rules on a fixed sample of about 20,000 contacts, scaled up, and says so", async () => {
      // demo_request 25 → 45: the same 6,000 stay MQLs (37 + 44); fitMax 20 as well: 20 + 44 = 64 still, 20 + 0 never.
      const body = { scoring: { ...withEvent(defaults, "demo_request", 45), fitMax: 20 } }
      const started = performance.now()
      const first = (await preview(body, token)).json()
      const ms = performance.now() - started
      expect(first.sampled).toBe(true)
      expect(first.contacts).toBe(24000)
      expect(first.sampleSize).toBeGreaterThan(19_000)
      expect(first.sampleSize).toBeLessThan(21_000)
      expect(Math.abs(first.current.mqls - 6000)).toBeLessThan(300)
      expect(first.proposed.mqls).toBe(first.current.mqls)
      expect(first.changedContacts).toBe(0)
      expect((await preview(body, token)).json()).toEqual(first) // the same sample every time
      // Demo requests worth nothing: every sampled MQL falls below, scaled up.
      const none = (await preview({ scoring: withEvent(defaults, "demo_request", 0) }, token)).json()
      expect(none).toMatchObject({ proposed: { mqls: 0 }, changedContacts: first.current.mqls, sampled: true, sampleSize: first.sampleSize })
      console.info(`settings preview, 24,000 contacts sampled to ${first.sampleSize} on ${kind}: ${Math.round(ms)} ms`)
    })
  })
})

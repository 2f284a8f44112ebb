import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rows, sql } from "../../src/server/db/client"
import { createToken, createUser } from "../../src/server/auth/service"
import { paging } from "../../src/server/analytics/export"
import { auth, backends, event, harness, type Harness } from "./harness"
import { calibrationDrift } from "./calibration-rollup"

// One small org history with every number worked out by hand. The period is four weeks, Monday 2 March
// to Sunday 29 March 2026; SLA is the default 24 h; the influence window the default 30 days.
const P = "from=2026-03-02&to=2026-03-29"

describe.each(backends)("analytics API on %s", (kind) => {
  let h: Harness
  let rep2: string
  let rep2Token: string
  const c: Record<string, string> = {}
  const a: Record<string, string> = {}
  const s: Record<string, string> = {}

  const get = (url: string, token: string) => h.app.inject({ url, headers: auth(token) })
  const ok = async (url: string, token = h.acme.tokens.marketer) => {
    const r = await get(url, token)
    expect(r.statusCode, r.body).toBe(200)
    return r.json()
  }
  const run = (q: ReturnType<typeof sql>) => h.database.db.execute(q)

  const contact = async (
    org: string,
    key: string,
    x: {
      first: string
      last: string
      stage: string
      stageAt: string
      owner: string | null
      campaign?: string | null
      source?: string | null
      industry?: string | null
      title?: string | null
      size?: number | null
      fit?: number
      engagement?: number
      createdAt?: string
      email?: string
      /** An id its history was written under before the contact arrived. */
      id?: string
    },
  ) => {
    const id = x.id ?? randomUUID()
    c[key] = id
    await run(sql`INSERT INTO contacts (org_id, id, first_name, last_name, company, title, industry, company_size, owner_id, stage, stage_changed_at,
        campaign, source, created_at)
      VALUES (${org}, ${id}, ${x.first}, ${x.last}, ${`${x.last} Labs`}, ${x.title ?? null}, ${x.industry ?? null}, ${x.size ?? null}, ${x.owner}, ${x.stage},
        ${x.stageAt}, ${x.campaign ?? null}, ${x.source ?? null}, ${x.createdAt ?? "2026-01-01T00:00:00Z"})`)
    await run(sql`UPDATE contact_scores SET fit_score = ${x.fit ?? 0}, engagement_value = ${x.engagement ?? 0} WHERE org_id = ${org} AND contact_id = ${id}`)
    if (x.email) await run(sql`INSERT INTO contact_emails (org_id, email, contact_id, is_primary) VALUES (${org}, ${x.email}, ${id}, true)`)
  }
  const change = (org: string, key: string, from: string, to: string, at: string, score: number | null = null) =>
    run(sql`INSERT INTO stage_changes (org_id, contact_id, from_stage, to_stage, at, score) VALUES (${org}, ${c[key]}, ${from}, ${to}, ${at}, ${score})`)
  const handoff = (org: string, key: string, user: string, decision: string, at: string, reason: string | null = null) =>
    run(
      sql`INSERT INTO handoffs (org_id, id, contact_id, user_id, decision, reason, created_at) VALUES (${org}, ${randomUUID()}, ${c[key]}, ${user}, ${decision}, ${reason}, ${at})`,
    )
  const asset = async (org: string, key: string, x: { title: string; kind: string; topics?: string[]; industries?: string[]; archived?: boolean }) => {
    const id = randomUUID()
    a[key] = id
    await run(sql`INSERT INTO assets (org_id, id, title, url, kind, topics, industries, archived)
      VALUES (${org}, ${id}, ${x.title}, 'https://content.example/x', ${x.kind}, ${`{${(x.topics ?? []).join(",")}}`}::text[],
        ${`{${(x.industries ?? []).join(",")}}`}::text[], ${x.archived ?? false})`)
  }
  const share = async (org: string, key: string, assetKey: string, contactKey: string, user: string, at: string) => {
    const id = randomUUID()
    s[key] = id
    await run(sql`INSERT INTO asset_shares (org_id, id, asset_id, contact_id, user_id, channel, code, shared_at, body_hash)
      VALUES (${org}, ${id}, ${a[assetKey]}, ${c[contactKey]}, ${user}, 'gmail', ${randomUUID()}, ${at}, 'test')`)
  }
  const view = (org: string, shareKey: string, assetKey: string, contactKey: string, at: string, flagged = false) =>
    run(sql`INSERT INTO asset_views (org_id, share_id, asset_id, contact_id, at, method, flagged)
      VALUES (${org}, ${s[shareKey]}, ${a[assetKey]}, ${c[contactKey]}, ${at}, 'GET', ${flagged})`)
  const feedback = (org: string, assetKey: string, contactKey: string, user: string, helped: boolean, at: string) =>
    run(sql`INSERT INTO asset_feedback (org_id, id, asset_id, contact_id, user_id, helped, body_hash, created_at)
      VALUES (${org}, ${randomUUID()}, ${a[assetKey]}, ${c[contactKey]}, ${user}, ${helped}, 'test', ${at})`)
  const activity = (org: string, contactKey: string, user: string, type: string, at: string) =>
    run(sql`INSERT INTO activities (org_id, id, contact_id, user_id, type, occurred_at, body_hash)
      VALUES (${org}, ${randomUUID()}, ${c[contactKey]}, ${user}, ${type}, ${at}, 'test')`)
  const rating = (org: string, contactKey: string, user: string, value: number) =>
    run(sql`INSERT INTO lead_feedback (org_id, id, contact_id, user_id, rating) VALUES (${org}, ${randomUUID()}, ${c[contactKey]}, ${user}, ${value})`)
  const bucket = (org: string, contactKey: string, type: string, day: string, points: number) =>
    run(sql`INSERT INTO score_buckets (org_id, contact_id, type, day, points) VALUES (${org}, ${c[contactKey]}, ${type}, ${day}, ${points})`)

  beforeAll(async () => {
    h = await harness(kind)
    const A = h.acme.id
    const rep = h.acme.userIds.rep
    rep2 = await createUser(h.database.db, A, { email: "second.rep@acme.example", name: "Acme Second rep", role: "rep" })
    rep2Token = (await createToken(h.database.db, A, "second.rep@acme.example")).token
    await run(sql`UPDATE users SET team = 'West' WHERE org_id = ${A} AND id = ${rep}`)
    await run(sql`UPDATE users SET team = 'East' WHERE org_id = ${A} AND id = ${rep2}`)

    await asset(A, "case", { title: "Fintech security case study", kind: "case_study", topics: ["security"], industries: ["fintech"] })
    await asset(A, "pricing", { title: "Pricing guide 2026", kind: "pricing_guide", topics: ["pricing"] })
    await asset(A, "old", { title: "Old battle card", kind: "battle_card", archived: true })
    await asset(A, "unused", { title: "=Retail one-pager", kind: "one_pager", topics: ["retail"] })

    // c1 Ada: MQL 2 Mar 09:00 at 65, accepted 12:00 (3 h), opportunity 20 Mar, customer 10 Apr.
    await contact(A, "ada", {
      first: "Ada",
      last: "Quill",
      stage: "customer",
      stageAt: "2026-04-10T09:00:00Z",
      owner: rep,
      campaign: "Spring webinar",
      source: "hubspot",
      industry: "fintech",
      title: "VP Finance",
      size: 320,
      email: "ada@quill.example",
    })
    await change(A, "ada", "lead", "mql", "2026-03-02T09:00:00Z", 65)
    await change(A, "ada", "mql", "sql", "2026-03-02T12:00:00Z")
    await change(A, "ada", "sql", "opportunity", "2026-03-20T09:00:00Z")
    await change(A, "ada", "opportunity", "customer", "2026-04-10T09:00:00Z")
    await handoff(A, "ada", rep, "accept", "2026-03-02T12:00:00Z")
    // c2 Ben: MQL 9 Mar 08:00 at 72, first touch an email 25 h later (SLA missed), rejected for budget → recycled.
    await contact(A, "ben", {
      first: "Ben",
      last: "Ortiz",
      stage: "recycled",
      stageAt: "2026-03-12T08:00:00Z",
      owner: rep,
      campaign: "Spring webinar",
      source: "marketo",
      industry: "fintech",
      title: "Marketing Manager",
      size: 45,
    })
    await change(A, "ben", "lead", "mql", "2026-03-09T08:00:00Z", 72)
    await change(A, "ben", "mql", "recycled", "2026-03-12T08:00:00Z")
    await handoff(A, "ben", rep, "reject", "2026-03-12T08:00:00Z", "no_budget")
    // c3 Cleo: MQL 5 Mar 10:00 at 81, called 4 h later, accepted 10 Mar.
    await contact(A, "cleo", {
      first: "Cleo",
      last: "Park",
      stage: "sql",
      stageAt: "2026-03-10T13:00:00Z",
      owner: rep2,
      campaign: "Pricing ads",
      source: "hubspot",
      industry: "software",
      title: "Head of Data",
      size: 80,
    })
    await change(A, "cleo", "lead", "mql", "2026-03-05T10:00:00Z", 81)
    await change(A, "cleo", "mql", "sql", "2026-03-10T13:00:00Z")
    await handoff(A, "cleo", rep2, "accept", "2026-03-10T13:00:00Z")
    // c4 Dev: MQL 3 Mar 10:00 at 62, accepted exactly 24 h later (SLA met, at the edge), never shared anything.
    await contact(A, "dev", {
      first: "Dev",
      last: "Rao",
      stage: "sql",
      stageAt: "2026-03-04T10:00:00Z",
      owner: rep,
      source: "hubspot",
      industry: "retail",
      title: "Analyst",
      size: 12,
    })
    await change(A, "dev", "lead", "mql", "2026-03-03T10:00:00Z", 62)
    await change(A, "dev", "mql", "sql", "2026-03-04T10:00:00Z")
    await handoff(A, "dev", rep, "accept", "2026-03-04T10:00:00Z")
    // c5 Eve: an MQL since January, still waiting there.
    await contact(A, "eve", {
      first: "Eve",
      last: "Stone",
      stage: "mql",
      stageAt: "2026-01-10T10:00:00Z",
      owner: rep,
      campaign: "Spring webinar",
      source: "hubspot",
    })
    await change(A, "eve", "lead", "mql", "2026-01-10T10:00:00Z", 61)
    // c6 Fay: SQL since February (accepted at 68), opportunity on 15 Mar.
    await contact(A, "fay", {
      first: "Fay",
      last: "Lin",
      stage: "opportunity",
      stageAt: "2026-03-15T10:00:00Z",
      owner: rep2,
      campaign: "Pricing ads",
      source: "marketo",
    })
    await change(A, "fay", "lead", "mql", "2026-01-20T10:00:00Z", 68)
    await change(A, "fay", "mql", "sql", "2026-02-01T10:00:00Z")
    await change(A, "fay", "sql", "opportunity", "2026-03-15T10:00:00Z")
    await handoff(A, "fay", rep2, "accept", "2026-02-01T10:00:00Z")
    // c7 Gus: MQL 20 Mar 10:00 at 90, rejected as not a fit 26 h later.
    await contact(A, "gus", {
      first: "Gus",
      last: "Hale",
      stage: "recycled",
      stageAt: "2026-03-21T12:00:00Z",
      owner: rep2,
      campaign: "Pricing ads",
      source: "marketo",
      title: "Student",
    })
    await change(A, "gus", "lead", "mql", "2026-03-20T10:00:00Z", 90)
    await change(A, "gus", "mql", "recycled", "2026-03-21T12:00:00Z")
    await handoff(A, "gus", rep2, "reject", "2026-03-21T12:00:00Z", "not_a_fit")
    // c8 Hal: a lead created in the period, scoring 33 now.
    await contact(A, "hal", {
      first: "Hal",
      last: "Berg",
      stage: "lead",
      stageAt: "2026-03-10T09:00:00Z",
      owner: rep,
      industry: "software",
      title: "Director IT",
      size: 320,
      fit: 33,
      createdAt: "2026-03-10T09:00:00Z",
    })
    // c9 Ivy: became an MQL an hour ago at 70; nobody has touched her yet.
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString()
    await contact(A, "ivy", { first: "Ivy", last: "Cho", stage: "mql", stageAt: hourAgo, owner: rep, fit: 30, engagement: 40 })
    await change(A, "ivy", "lead", "mql", hourAgo, 70)
    // c10 Jo: a lead at 70 now, above the threshold but never promoted.
    await contact(A, "jo", { first: "Jo", last: "Marsh", stage: "lead", stageAt: "2026-01-01T00:00:00Z", owner: rep2, fit: 40, engagement: 30 })

    // Shares: s5 is before the period, its view inside it still counts for the asset.
    await share(A, "s1", "case", "ada", rep, "2026-03-03T10:00:00Z")
    await share(A, "s2", "case", "ben", rep, "2026-03-10T10:00:00Z")
    await share(A, "s3", "case", "cleo", rep2, "2026-03-10T12:00:00Z")
    await share(A, "s4", "pricing", "ada", rep2, "2026-03-17T09:00:00Z")
    await share(A, "s5", "case", "ada", rep, "2026-02-20T10:00:00Z")
    await view(A, "s1", "case", "ada", "2026-03-03T10:01:00Z", true)
    await view(A, "s1", "case", "ada", "2026-03-03T11:00:00Z")
    await view(A, "s1", "case", "ada", "2026-03-04T09:00:00Z")
    await view(A, "s2", "case", "ben", "2026-03-11T09:00:00Z")
    await view(A, "s5", "case", "ada", "2026-03-05T09:00:00Z")
    await view(A, "s4", "pricing", "ada", "2026-03-17T09:05:00Z", true)
    await feedback(A, "case", "ada", rep, true, "2026-03-05T12:00:00Z")
    await feedback(A, "case", "cleo", rep2, false, "2026-03-12T12:00:00Z")
    await feedback(A, "pricing", "ada", rep2, true, "2026-02-01T12:00:00Z")

    await activity(A, "ada", rep, "call", "2026-03-03T10:30:00Z")
    await activity(A, "ada", rep, "email", "2026-03-03T11:00:00Z")
    await activity(A, "ben", rep, "email", "2026-03-10T09:00:00Z")
    await activity(A, "ada", rep, "linkedin_message", "2026-03-11T09:00:00Z")
    await activity(A, "ada", rep, "meeting", "2026-03-17T09:00:00Z")
    await activity(A, "ada", rep, "note", "2026-03-24T09:00:00Z")
    await activity(A, "cleo", rep2, "call", "2026-03-05T14:00:00Z")
    await activity(A, "gus", rep2, "call", "2026-03-25T09:00:00Z")
    await activity(A, "ada", rep, "call", "2026-04-02T09:00:00Z") // after the period

    await rating(A, "ada", rep, 5)
    await rating(A, "ben", rep, 2)
    await rating(A, "cleo", rep2, 4)
    await rating(A, "cleo", rep2, 5)

    // Points per rule before each MQL; Ada's demo request came after she became one and does not count.
    await bucket(A, "ada", "webinar_attended", "2026-02-20", 15)
    await bucket(A, "ada", "email_open", "2026-03-01", 3)
    await bucket(A, "ada", "demo_request", "2026-03-05", 25)
    await bucket(A, "ben", "email_open", "2026-03-08", 2)
    await bucket(A, "ben", "page_visit", "2026-03-09", 8)
    await bucket(A, "cleo", "webinar_attended", "2026-03-01", 15)
    await bucket(A, "gus", "email_open", "2026-03-19", 3)

    // Globex: the same kinds of rows in the same period; none of it may show up for Acme.
    const G = h.globex.id
    const grep = h.globex.userIds.rep
    await asset(G, "gcase", { title: "Globex case", kind: "case_study", topics: ["security"] })
    await contact(G, "gina", {
      first: "Gina",
      last: "Globex",
      stage: "sql",
      stageAt: "2026-03-06T10:00:00Z",
      owner: grep,
      campaign: "Spring webinar",
      source: "hubspot",
    })
    await change(G, "gina", "lead", "mql", "2026-03-04T10:00:00Z", 99)
    await change(G, "gina", "mql", "sql", "2026-03-06T10:00:00Z")
    await handoff(G, "gina", grep, "accept", "2026-03-06T10:00:00Z")
    await share(G, "g1", "gcase", "gina", grep, "2026-03-04T12:00:00Z")
    await view(G, "g1", "gcase", "gina", "2026-03-04T13:00:00Z")
    await activity(G, "gina", grep, "call", "2026-03-04T11:00:00Z")
  })
  afterAll(async () => {
    await h?.close()
  })

  describe("content usage", () => {
    it("counts shares, reps, contacts, people and scanner views, feedback and last use per asset, and weekly", async () => {
      const r = await ok(`/api/v1/analytics/content-usage?${P}`)
      expect(r.scope).toEqual({
        kind: "org",
        note: "The whole organization",
        from: "2026-03-02",
        to: "2026-03-29",
        applied: { from: "2026-03-02", to: "2026-03-29" },
      })
      expect(r.totals).toEqual({ shares: 4, reps: 2, contacts: 3, views: 4, botViews: 2 })
      expect(r.weekly).toEqual([
        { week: "2026-03-02", shares: 1, views: 3 },
        { week: "2026-03-09", shares: 2, views: 1 },
        { week: "2026-03-16", shares: 1, views: 0 },
        { week: "2026-03-23", shares: 0, views: 0 },
      ])
      expect(r.rows).toEqual([
        {
          assetId: a.case,
          title: "Fintech security case study",
          kind: "case_study",
          tags: ["fintech", "security"],
          archived: false,
          shares: 3,
          reps: 2,
          contacts: 3,
          views: 4,
          botViews: 1,
          helped: 1,
          notHelped: 1,
          lastUsedAt: "2026-03-10T12:00:00.000Z",
        },
        {
          assetId: a.pricing,
          title: "Pricing guide 2026",
          kind: "pricing_guide",
          tags: ["pricing"],
          archived: false,
          shares: 1,
          reps: 1,
          contacts: 1,
          views: 0,
          botViews: 1,
          helped: 0,
          notHelped: 0,
          lastUsedAt: "2026-03-17T09:00:00.000Z",
        },
        {
          assetId: a.unused,
          title: "=Retail one-pager",
          kind: "one_pager",
          tags: ["retail"],
          archived: false,
          shares: 0,
          reps: 0,
          contacts: 0,
          views: 0,
          botViews: 0,
          helped: 0,
          notHelped: 0,
          lastUsedAt: null,
        },
      ])
    })

    it("filters by rep, team, asset kind, tag, campaign and stage", async () => {
      const byRep = await ok(`/api/v1/analytics/content-usage?${P}&rep=${rep2}`)
      expect(byRep.totals).toEqual({ shares: 2, reps: 1, contacts: 2, views: 0, botViews: 1 })
      expect(byRep.rows[0]).toMatchObject({ assetId: a.case, shares: 1, views: 0, botViews: 0, helped: 0, notHelped: 1 })
      const byTeam = await ok(`/api/v1/analytics/content-usage?${P}&team=East`)
      expect(byTeam.totals).toEqual(byRep.totals)
      const kind = await ok(`/api/v1/analytics/content-usage?${P}&assetKind=pricing_guide`)
      expect(kind.rows.map((x: { assetId: string }) => x.assetId)).toEqual([a.pricing])
      expect(kind.totals).toEqual({ shares: 1, reps: 1, contacts: 1, views: 0, botViews: 1 })
      const tag = await ok(`/api/v1/analytics/content-usage?${P}&tag=fintech`)
      expect(tag.rows.map((x: { assetId: string }) => x.assetId)).toEqual([a.case])
      const campaign = await ok(`/api/v1/analytics/content-usage?${P}&campaign=Spring%20webinar`)
      expect(campaign.totals).toEqual({ shares: 3, reps: 2, contacts: 2, views: 4, botViews: 2 })
      const stage = await ok(`/api/v1/analytics/content-usage?${P}&stage=recycled`)
      expect(stage.totals).toEqual({ shares: 1, reps: 1, contacts: 1, views: 1, botViews: 0 })
      expect(stage.scope.applied).toEqual({ from: "2026-03-02", to: "2026-03-29", stage: "recycled" })
    })

    it("shows a rep only their own numbers, whatever rep they ask for", async () => {
      const r = await ok(`/api/v1/analytics/content-usage?${P}&rep=${rep2}`, h.acme.tokens.rep)
      expect(r.scope).toMatchObject({ kind: "self", note: "Only your own numbers: you are signed in as a rep", applied: { rep: h.acme.userIds.rep } })
      expect(r.totals).toEqual({ shares: 2, reps: 1, contacts: 2, views: 4, botViews: 1 })
      expect(r.rows[0]).toMatchObject({
        assetId: a.case,
        shares: 2,
        reps: 1,
        contacts: 2,
        views: 4,
        botViews: 1,
        helped: 1,
        notHelped: 0,
        lastUsedAt: "2026-03-10T10:00:00.000Z",
      })
    })

    it("drills down to the shares of one asset, newest first, page by page", async () => {
      const first = await ok(`/api/v1/analytics/content-usage/${a.case}/shares?${P}&limit=2`)
      expect(first.asset).toEqual({ id: a.case, title: "Fintech security case study", kind: "case_study" })
      expect(first.rows).toEqual([
        {
          shareId: s.s3,
          sharedAt: "2026-03-10T12:00:00.000Z",
          channel: "gmail",
          rep: { id: rep2, name: "Acme Second rep" },
          contact: { id: c.cleo, name: "Cleo Park", company: "Park Labs", email: null },
          views: 0,
          botViews: 0,
          firstViewedAt: null,
        },
        {
          shareId: s.s2,
          sharedAt: "2026-03-10T10:00:00.000Z",
          channel: "gmail",
          rep: { id: h.acme.userIds.rep, name: "Acme Test rep" },
          contact: { id: c.ben, name: "Ben Ortiz", company: "Ortiz Labs", email: null },
          views: 1,
          botViews: 0,
          firstViewedAt: "2026-03-11T09:00:00.000Z",
        },
      ])
      expect(first.nextCursor).toEqual(expect.any(String))
      const second = await ok(`/api/v1/analytics/content-usage/${a.case}/shares?${P}&limit=2&cursor=${first.nextCursor}`)
      expect(second.rows).toEqual([
        {
          shareId: s.s1,
          sharedAt: "2026-03-03T10:00:00.000Z",
          channel: "gmail",
          rep: { id: h.acme.userIds.rep, name: "Acme Test rep" },
          contact: { id: c.ada, name: "Ada Quill", company: "Quill Labs", email: "ada@quill.example" },
          views: 2,
          botViews: 1,
          firstViewedAt: "2026-03-03T11:00:00.000Z",
        },
      ])
      expect(second.nextCursor).toBeNull()
      const mine = await ok(`/api/v1/analytics/content-usage/${a.case}/shares?${P}`, rep2Token)
      expect(mine.rows.map((x: { shareId: string }) => x.shareId)).toEqual([s.s3])
    })
  })

  describe("content influence", () => {
    const r1of2 = { n: 2, hits: 1, rate: 0.5, low: 0.0945, high: 0.9055 }
    const r1of1 = { n: 1, hits: 1, rate: 1, low: 0.2065, high: 1 }
    const r1of3 = { n: 3, hits: 1, rate: 1 / 3, low: 0.0615, high: 0.7923 }
    const r0of1 = { n: 1, hits: 0, rate: 0, low: 0, high: 0.7935 }
    const none = { n: 0, hits: 0, rate: null, low: null, high: null }
    const close = (actual: Record<string, number | null>, expected: Record<string, number | null>) => {
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort())
      for (const [k, v] of Object.entries(expected)) {
        if (v === null) expect(actual[k], k).toBeNull()
        else expect(actual[k], k).toBeCloseTo(v, 4)
      }
    }
    const check = (
      ts: { from: string; to: string; received: Record<string, number>; comparison: Record<string, number> }[],
      expected: [string, string, object, object][],
    ) => {
      expect(ts.map((t) => [t.from, t.to])).toEqual(expected.map((e) => [e[0], e[1]]))
      ts.forEach((t, i) => {
        close(t.received, expected[i]![2] as never)
        close(t.comparison, expected[i]![3] as never)
      })
    }

    it("compares contacts who received an asset with contacts in the same stage who received none", async () => {
      const r = await ok(`/api/v1/analytics/content-influence?${P}`)
      expect(r.windowDays).toBe(30)
      expect(r.caveat).toBe("association, not proof")
      expect(Math.abs(Date.parse(r.countedUntil) - (Date.now() - 30 * 86_400_000))).toBeLessThan(120_000)
      // Received: Ben (mql, no move), Cleo (mql → sql in 1 h), Ada (sql → opportunity in 17 days).
      // Comparison: Dev (mql → sql), Gus (mql, recycled), Eve (mql all along); Dev (sql, stayed), Fay (sql → opportunity 13 days
      // after the period began); Fay (opportunity, no customer).
      check(r.overall, [
        ["mql", "sql", r1of2, r1of3],
        ["sql", "opportunity", r1of1, { n: 2, hits: 1, rate: 0.5, low: 0.0945, high: 0.9055 }],
        ["opportunity", "customer", none, r0of1],
      ])
      expect(r.rows.map((x: { assetId: string }) => x.assetId)).toEqual([a.case, a.pricing])
      expect(r.rows[0]).toMatchObject({ title: "Fintech security case study", kind: "case_study" })
      check(r.rows[0].transitions, [
        ["mql", "sql", r1of2, r1of3],
        ["sql", "opportunity", r1of1, r1of2],
        ["opportunity", "customer", none, r0of1],
      ])
      check(r.rows[1].transitions, [
        ["mql", "sql", none, r1of3],
        ["sql", "opportunity", r1of1, r1of2],
        ["opportunity", "customer", none, r0of1],
      ])
    })

    it("narrows both groups by team (the sharer, the owner) and shortens the window", async () => {
      const r = await ok(`/api/v1/analytics/content-influence?${P}&team=East`)
      check(r.overall, [
        ["mql", "sql", r1of1, { n: 1, hits: 0, rate: 0, low: 0, high: 0.7935 }],
        ["sql", "opportunity", r1of1, r1of1],
        ["opportunity", "customer", none, r0of1],
      ])
      // With 10 days, Ada's opportunity (17 days after her share) and Fay's (13 days) no longer count.
      const short = await ok(`/api/v1/analytics/content-influence?${P}&windowDays=10`)
      expect(short.windowDays).toBe(10)
      check(short.overall, [
        ["mql", "sql", r1of2, r1of3],
        ["sql", "opportunity", r0of1, { n: 2, hits: 0, rate: 0, low: 0, high: 0.6576 }],
        ["opportunity", "customer", none, r0of1],
      ])
    })
  })

  describe("handoff and SLA", () => {
    it("counts MQLs and their outcomes, time to first touch, SLA per rep and week, conversion and ratings per campaign and source", async () => {
      const r = await ok(`/api/v1/analytics/handoff?${P}`)
      expect(r.slaHours).toBe(24)
      expect(r.mqls).toEqual({ created: 5, accepted: 3, rejected: 2, recycled: 2, waiting: 0 })
      expect(r.rejections).toEqual([
        { reason: "no_budget", count: 1 },
        { reason: "not_a_fit", count: 1 },
      ])
      // First touches: 3, 4, 24, 25 and 26 hours.
      expect(r.firstTouch.n).toBe(5)
      expect(r.firstTouch.medianHours).toBeCloseTo(24, 6)
      expect(r.firstTouch.p90Hours).toBeCloseTo(25.6, 6)
      expect(r.slaByRep).toEqual([
        { repId: rep2, repName: "Acme Second rep", team: "East", mqls: 2, met: 1, missed: 1, waiting: 0, rate: 0.5 },
        { repId: h.acme.userIds.rep, repName: "Acme Test rep", team: "West", mqls: 3, met: 2, missed: 1, waiting: 0, rate: 2 / 3 },
      ])
      expect(r.slaByWeek).toEqual([
        { week: "2026-03-02", mqls: 3, met: 3, missed: 0, waiting: 0, rate: 1 },
        { week: "2026-03-09", mqls: 1, met: 0, missed: 1, waiting: 0, rate: 0 },
        { week: "2026-03-16", mqls: 1, met: 0, missed: 1, waiting: 0, rate: 0 },
      ])
      const byKey = (list: { key: string; avgRating: number | null; conversion: { low: number; high: number } }[]) =>
        list.map(({ conversion, ...x }) => ({
          ...x,
          conversion: { ...conversion, low: Number(conversion.low.toFixed(4)), high: Number(conversion.high.toFixed(4)) },
        }))
      expect(byKey(r.byCampaign)).toEqual([
        { key: "Pricing ads", mqls: 2, sqls: 1, conversion: { n: 2, hits: 1, rate: 0.5, low: 0.0945, high: 0.9055 }, avgRating: 4.5, ratings: 2 },
        { key: "Spring webinar", mqls: 2, sqls: 1, conversion: { n: 2, hits: 1, rate: 0.5, low: 0.0945, high: 0.9055 }, avgRating: 3.5, ratings: 2 },
        { key: "(none)", mqls: 1, sqls: 1, conversion: { n: 1, hits: 1, rate: 1, low: 0.2065, high: 1 }, avgRating: null, ratings: 0 },
      ])
      const sources = byKey(r.bySource)
      expect(sources.map(({ avgRating, ...x }) => x)).toEqual([
        { key: "hubspot", mqls: 3, sqls: 3, conversion: { n: 3, hits: 3, rate: 1, low: 0.4385, high: 1 }, ratings: 3 },
        { key: "marketo", mqls: 2, sqls: 0, conversion: { n: 2, hits: 0, rate: 0, low: 0, high: 0.6576 }, ratings: 1 },
      ])
      expect(sources[0]!.avgRating).toBeCloseTo(14 / 3, 6)
      expect(sources[1]!.avgRating).toBe(2)
    })

    it("limits a rep to the MQLs they own, and filters by source", async () => {
      const mine = await ok(`/api/v1/analytics/handoff?${P}`, h.acme.tokens.rep)
      expect(mine.scope.kind).toBe("self")
      expect(mine.mqls).toEqual({ created: 3, accepted: 2, rejected: 1, recycled: 1, waiting: 0 })
      expect(mine.slaByRep.map((x: { repId: string }) => x.repId)).toEqual([h.acme.userIds.rep])
      const marketo = await ok(`/api/v1/analytics/handoff?${P}&source=marketo`)
      expect(marketo.mqls).toEqual({ created: 2, accepted: 0, rejected: 2, recycled: 2, waiting: 0 })
    })

    it("counts an untouched MQL inside its SLA as waiting", async () => {
      const r = await ok("/api/v1/analytics/handoff")
      expect(r.mqls).toEqual({ created: 1, accepted: 0, rejected: 0, recycled: 0, waiting: 1 })
      expect(r.firstTouch).toEqual({ n: 0, medianHours: null, p90Hours: null })
      expect(r.slaByRep).toEqual([{ repId: h.acme.userIds.rep, repName: "Acme Test rep", team: "West", mqls: 1, met: 0, missed: 0, waiting: 1, rate: null }])
    })
  })

  describe("score calibration", () => {
    it("bands contacts by their score at MQL (or now), with decisions, SQLs, customers and rejection reasons", async () => {
      const r = await ok(`/api/v1/analytics/calibration?${P}`)
      expect(r.threshold).toBe(60)
      expect(r.decided).toEqual({ accepted: 3, rejected: 2 })
      expect(r.bands).toHaveLength(10)
      expect(r.bands[9]).toMatchObject({ label: "90–100", min: 90, max: 100 })
      const used = r.bands
        .filter((b: { contacts: number }) => b.contacts > 0)
        .map(({ acceptance, ...b }: { acceptance: { n: number; hits: number; low: number | null } }) => ({
          ...b,
          acceptance: { n: acceptance.n, hits: acceptance.hits, low: acceptance.low === null ? null : Number(acceptance.low.toFixed(4)) },
        }))
      expect(used).toEqual([
        {
          label: "30–39",
          min: 30,
          max: 39,
          contacts: 1,
          mqls: 0,
          accepted: 0,
          rejected: 0,
          sqls: 0,
          customers: 0,
          acceptance: { n: 0, hits: 0, low: null },
          rejections: [],
        },
        {
          label: "60–69",
          min: 60,
          max: 69,
          contacts: 2,
          mqls: 2,
          accepted: 2,
          rejected: 0,
          sqls: 2,
          customers: 1,
          acceptance: { n: 2, hits: 2, low: 0.3424 },
          rejections: [],
        },
        {
          label: "70–79",
          min: 70,
          max: 79,
          contacts: 1,
          mqls: 1,
          accepted: 0,
          rejected: 1,
          sqls: 0,
          customers: 0,
          acceptance: { n: 1, hits: 0, low: 0 },
          rejections: [{ reason: "no_budget", count: 1 }],
        },
        {
          label: "80–89",
          min: 80,
          max: 89,
          contacts: 1,
          mqls: 1,
          accepted: 1,
          rejected: 0,
          sqls: 1,
          customers: 0,
          acceptance: { n: 1, hits: 1, low: 0.2065 },
          rejections: [],
        },
        {
          label: "90–100",
          min: 90,
          max: 100,
          contacts: 1,
          mqls: 1,
          accepted: 0,
          rejected: 1,
          sqls: 0,
          customers: 0,
          acceptance: { n: 1, hits: 0, low: 0 },
          rejections: [{ reason: "not_a_fit", count: 1 }],
        },
      ])
    })

    it("names the rules accepted and rejected leads earned their points from, as the score reasons do", async () => {
      const r = await ok(`/api/v1/analytics/calibration?${P}`)
      const rule = (name: string) => r.rules.find((x: { rule: string }) => x.rule === name)
      expect(r.rules.map((x: { rule: string }) => x.rule).sort()).toEqual([
        "attended webinar",
        "company size 200-5000",
        "company size 50-199",
        "industry is fintech",
        "industry is retail",
        "industry is software",
        "opened",
        "title matches Head of",
        "title matches Manager",
        "title matches VP",
        "visited",
      ])
      expect(r.rules.slice(0, 3).map((x: { rule: string }) => x.rule)).toEqual(["opened", "attended webinar", "industry is fintech"])
      expect(rule("opened")).toEqual({
        rule: "opened",
        kind: "engagement",
        acceptedLeads: 1,
        rejectedLeads: 2,
        acceptedShare: 1 / 3,
        rejectedShare: 1,
        acceptedPoints: 3,
        rejectedPoints: 2.5,
      })
      expect(rule("attended webinar")).toEqual({
        rule: "attended webinar",
        kind: "engagement",
        acceptedLeads: 2,
        rejectedLeads: 0,
        acceptedShare: 2 / 3,
        rejectedShare: 0,
        acceptedPoints: 15,
        rejectedPoints: null,
      })
      expect(rule("industry is fintech")).toEqual({
        rule: "industry is fintech",
        kind: "fit",
        acceptedLeads: 1,
        rejectedLeads: 1,
        acceptedShare: 1 / 3,
        rejectedShare: 0.5,
        acceptedPoints: 15,
        rejectedPoints: 15,
      })
      expect(rule("title matches VP")).toMatchObject({ kind: "fit", acceptedLeads: 1, rejectedLeads: 0, acceptedPoints: 12 })
      expect(rule("visited")).toMatchObject({ kind: "engagement", acceptedLeads: 0, rejectedLeads: 1, rejectedPoints: 8 })
      expect(r.rules.find((x: { rule: string }) => x.rule === "requested a demo")).toBeUndefined()
    })

    it("filters by source and takes other band sizes", async () => {
      const r = await ok(`/api/v1/analytics/calibration?${P}&source=hubspot&bandSize=25`)
      expect(r.bands.map((b: { label: string; contacts: number; mqls: number }) => [b.label, b.contacts, b.mqls])).toEqual([
        ["0–24", 0, 0],
        ["25–49", 0, 0],
        ["50–74", 2, 2],
        ["75–100", 1, 1],
      ])
      expect(r.decided).toEqual({ accepted: 3, rejected: 0 })
    })

    it("counts a contact that crossed twice in the period once, at its latest crossing, as crossings come and go", async () => {
      const A = h.acme.id
      const mqlsByBand = (r: { bands: { label: string; mqls: number }[] }) => Object.fromEntries(r.bands.map((b) => [b.label, b.mqls]))
      const before = mqlsByBand(await ok(`/api/v1/analytics/calibration?${P}`))
      // The handoff's ratings per campaign count each contact's ratings once, however many times it crossed.
      const ratings = async () =>
        ((await ok(`/api/v1/analytics/handoff?${P}`)).byCampaign as { key: string; avgRating: number | null; ratings: number }[])
          .map((x) => [x.key, x.avgRating, x.ratings])
          .sort((x, y) => String(x[0]).localeCompare(String(y[0])))
      const ratedBefore = await ratings()
      const first = (
        (await run(sql`
          SELECT o.contact_id AS id, o.mql_at::text AS at, o.ratings FROM mql_outcomes o
          WHERE o.org_id = ${A} AND o.stage IS NOT NULL AND o.score < 90 AND o.mql_at >= '2026-03-02T00:00:00Z' AND o.mql_at < '2026-03-28T00:00:00Z'
          ORDER BY o.ratings > 0 DESC, o.mql_at LIMIT 1`)) as unknown as { rows: { id: string; at: string; ratings: number }[] }
      ).rows[0]!
      const again = (
        (await run(sql`
          INSERT INTO stage_changes (org_id, contact_id, from_stage, to_stage, at, reason, score)
          VALUES (${A}, ${first.id}, 'recycled', 'mql', ${first.at}::timestamptz + interval '1 hour', 'score crossed the MQL threshold', 95) RETURNING id`)) as unknown as {
          rows: { id: string }[]
        }
      ).rows[0]!.id
      const twice = mqlsByBand(await ok(`/api/v1/analytics/calibration?${P}`))
      const total = (m: Record<string, number>) => Object.values(m).reduce((n, x) => n + x, 0)
      expect(total(twice)).toBe(total(before))
      expect(twice["90–100"]).toBe(before["90–100"]! + 1)
      expect(first.ratings).toBeGreaterThan(0)
      expect(await ratings()).toEqual(ratedBefore)
      const lead = await run(sql`
        SELECT count(*)::int AS n FROM (SELECT next_mql_at, lead(mql_at) OVER (PARTITION BY org_id, contact_id ORDER BY mql_at) AS next FROM mql_outcomes) x
        WHERE x.next_mql_at IS DISTINCT FROM x.next`)
      expect((lead as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0)
      await run(sql`DELETE FROM stage_changes WHERE org_id = ${A} AND id = ${again}`)
      expect(mqlsByBand(await ok(`/api/v1/analytics/calibration?${P}`))).toEqual(before)
    })

    it("previews a threshold against the last 90 days and the acceptance history", async () => {
      const at = async (t: number, token = h.acme.tokens.marketer) => {
        const r = await ok(`/api/v1/analytics/calibration/threshold?threshold=${t}`, token)
        return {
          ...r,
          proposed: {
            ...r.proposed,
            expectedAcceptance: {
              ...r.proposed.expectedAcceptance,
              low: r.proposed.expectedAcceptance.low === null ? null : Number(r.proposed.expectedAcceptance.low.toFixed(4)),
              high: r.proposed.expectedAcceptance.high === null ? null : Number(r.proposed.expectedAcceptance.high.toFixed(4)),
            },
          },
        }
      }
      expect(await at(60)).toEqual({
        periodDays: 90,
        current: { threshold: 60, mqls: 1 },
        // Jo, a lead at 70 now who never crossed, is the one more than the MQLs made.
        proposed: { threshold: 60, mqls: 2, notYetMqls: 1, expectedAcceptance: { n: 6, hits: 4, rate: 4 / 6, low: 0.3, high: 0.9032 }, expectedAccepted: 1 },
      })
      expect((await at(80)).proposed).toEqual({
        threshold: 80,
        mqls: 0,
        notYetMqls: 0,
        expectedAcceptance: { n: 2, hits: 1, rate: 0.5, low: 0.0945, high: 0.9055 },
        expectedAccepted: 0,
      })
      expect((await at(30)).proposed).toMatchObject({ mqls: 3, expectedAcceptance: { n: 6, hits: 4 }, expectedAccepted: 2 })
      expect((await at(30, h.acme.tokens.rep)).proposed).toMatchObject({ mqls: 2, expectedAcceptance: { n: 3, hits: 2 } })
    })
  })

  describe("rep activity", () => {
    const zero = { calls: 0, emails: 0, linkedinMessages: 0, meetings: 0, notes: 0, shares: 0 }
    it("counts what each rep logged and shared, per rep and per week", async () => {
      const r = await ok(`/api/v1/analytics/rep-activity?${P}`)
      expect(r.rows).toEqual([
        { repId: rep2, repName: "Acme Second rep", team: "East", ...zero, calls: 2, shares: 2 },
        { repId: h.acme.userIds.rep, repName: "Acme Test rep", team: "West", calls: 1, emails: 2, linkedinMessages: 1, meetings: 1, notes: 1, shares: 2 },
      ])
      expect(r.weekly).toEqual([
        { week: "2026-03-02", ...zero, calls: 2, emails: 1, shares: 1 },
        { week: "2026-03-09", ...zero, emails: 1, linkedinMessages: 1, shares: 2 },
        { week: "2026-03-16", ...zero, meetings: 1, shares: 1 },
        { week: "2026-03-23", ...zero, calls: 1, notes: 1 },
      ])
    })

    it("filters by source, asset kind and team; a rep sees only their own row", async () => {
      const marketo = await ok(`/api/v1/analytics/rep-activity?${P}&source=marketo`)
      expect(marketo.rows).toEqual([
        { repId: rep2, repName: "Acme Second rep", team: "East", ...zero, calls: 1 },
        { repId: h.acme.userIds.rep, repName: "Acme Test rep", team: "West", ...zero, emails: 1, shares: 1 },
      ])
      const kind = await ok(`/api/v1/analytics/rep-activity?${P}&assetKind=pricing_guide&team=East`)
      expect(kind.rows).toEqual([{ repId: rep2, repName: "Acme Second rep", team: "East", ...zero, calls: 2, shares: 1 }])
      const mine = await ok(`/api/v1/analytics/rep-activity?${P}`, rep2Token)
      expect(mine.scope).toMatchObject({ kind: "self", applied: { rep: rep2 } })
      expect(mine.rows.map((x: { repId: string }) => x.repId)).toEqual([rep2])
    })

    it("keeps the shares' daily rollup equal to the shares as they are added, moved to another rep or day, and removed", async () => {
      const A = h.acme.id
      const rollup = async () =>
        (
          (await run(
            sql`SELECT user_id, day::text AS day, n FROM rep_activity_days WHERE org_id = ${A} AND type = 'share' AND n <> 0 ORDER BY 1, 2`,
          )) as unknown as {
            rows: unknown[]
          }
        ).rows
      const shares = async () =>
        (
          (await run(sql`
            SELECT user_id, ((shared_at AT TIME ZONE 'UTC')::date)::text AS day, count(*)::int AS n FROM asset_shares WHERE org_id = ${A} GROUP BY 1, 2 ORDER BY 1, 2`)) as unknown as {
            rows: unknown[]
          }
        ).rows
      const before = await ok(`/api/v1/analytics/rep-activity?${P}`)
      expect(await rollup()).toEqual(await shares())
      const id = randomUUID()
      await run(sql`
        INSERT INTO asset_shares (org_id, id, asset_id, contact_id, user_id, channel, code, shared_at, created_at, body_hash)
        SELECT org_id, ${id}, asset_id, contact_id, user_id, channel, 'rollup-test', shared_at, created_at, body_hash
        FROM asset_shares WHERE org_id = ${A} AND user_id = ${rep2} ORDER BY shared_at LIMIT 1`)
      expect(await rollup()).toEqual(await shares())
      const added = await ok(`/api/v1/analytics/rep-activity?${P}`)
      const sharesOf = (r: { rows: { repId: string; shares: number }[] }, rep: string) => r.rows.find((x) => x.repId === rep)!.shares
      expect(sharesOf(added, rep2)).toBe(sharesOf(before, rep2) + 1)
      // Moved to the other rep and a week earlier; then a stage-only rewrite (what the history triggers do) moves nothing.
      await run(sql`UPDATE asset_shares SET user_id = ${h.acme.userIds.rep}, shared_at = shared_at - interval '7 days' WHERE org_id = ${A} AND id = ${id}`)
      expect(await rollup()).toEqual(await shares())
      await run(sql`UPDATE asset_shares SET history_stage = history_stage WHERE org_id = ${A}`)
      expect(await rollup()).toEqual(await shares())
      const moved = await ok(`/api/v1/analytics/rep-activity?${P}`)
      expect(sharesOf(moved, rep2)).toBe(sharesOf(before, rep2))
      expect(sharesOf(moved, h.acme.userIds.rep)).toBe(sharesOf(before, h.acme.userIds.rep) + 1)
      await run(sql`DELETE FROM asset_shares WHERE org_id = ${A} AND id = ${id}`)
      expect(await rollup()).toEqual(await shares())
      expect((await ok(`/api/v1/analytics/rep-activity?${P}`)).rows).toEqual(before.rows)
    })
  })

  describe("filters", () => {
    it("offers the org's reps, teams, kinds, tags, campaigns and sources; a rep only themselves", async () => {
      const r = await ok("/api/v1/analytics/filters")
      expect(r.reps.map((x: { name: string }) => x.name)).toEqual(["Acme Second rep", "Acme Test admin", "Acme Test marketer", "Acme Test rep"])
      expect(r.teams).toEqual(["East", "West"])
      expect(r.assetKinds).toEqual(["battle_card", "case_study", "one_pager", "pricing_guide"])
      expect(r.tags).toEqual(["fintech", "pricing", "retail", "security"])
      expect(r.campaigns).toEqual(["Pricing ads", "Spring webinar"])
      expect(r.sources).toEqual(["hubspot", "marketo"])
      expect(r.stages).toContain("opportunity")
      const mine = await ok("/api/v1/analytics/filters", h.acme.tokens.rep)
      expect(mine.reps).toEqual([{ id: h.acme.userIds.rep, name: "Acme Test rep", team: "West", role: "rep" }])
    })
  })

  describe("isolation", () => {
    it("never shows another org's rows, and another org's asset is 404", async () => {
      const g = await ok(`/api/v1/analytics/content-usage?${P}`, h.globex.tokens.marketer)
      expect(g.totals).toEqual({ shares: 1, reps: 1, contacts: 1, views: 1, botViews: 0 })
      expect(g.rows.map((x: { title: string }) => x.title)).toEqual(["Globex case"])
      const gh = await ok(`/api/v1/analytics/handoff?${P}`, h.globex.tokens.marketer)
      expect(gh.mqls).toEqual({ created: 1, accepted: 1, rejected: 0, recycled: 0, waiting: 0 })
      const gf = await ok("/api/v1/analytics/filters", h.globex.tokens.marketer)
      expect(gf.campaigns).toEqual(["Spring webinar"])
      expect((await get(`/api/v1/analytics/content-usage/${a.case}/shares?${P}`, h.globex.tokens.marketer)).statusCode).toBe(404)
      expect((await get(`/api/v1/analytics/export/asset-shares.csv?asset=${a.case}`, h.globex.tokens.marketer)).statusCode).toBe(404)
      const csv = (await get(`/api/v1/analytics/export/shares.csv?${P}`, h.globex.tokens.marketer)).body.trim().split("\n")
      expect(csv).toHaveLength(2)
    })

    it("needs a token", async () => {
      expect((await h.app.inject({ url: "/api/v1/analytics/content-usage" })).statusCode).toBe(401)
      expect((await h.app.inject({ url: "/api/v1/analytics/export/shares.csv" })).statusCode).toBe(401)
    })
  })

  describe("CSV export", () => {
    it("streams the raw shares of the period as CSV with a header and a filename, page by page", async () => {
      const before = paging.size
      paging.size = 2 // four shares → three database pages
      try {
        const r = await get(`/api/v1/analytics/export/shares.csv?${P}`, h.acme.tokens.marketer)
        expect(r.statusCode, r.body).toBe(200)
        expect(r.headers["content-type"]).toBe("text/csv; charset=utf-8")
        expect(r.headers["content-disposition"]).toBe('attachment; filename="relay-shares-2026-03-02-to-2026-03-29.csv"')
        expect(r.headers["content-length"]).toBeUndefined()
        const lines = r.body.trim().split("\n")
        expect(lines[0]).toBe("id,sharedAt,assetId,assetTitle,assetKind,channel,repId,repName,contactId,contactName,company")
        expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([s.s1, s.s2, s.s3, s.s4])
        expect(lines[1]).toBe(
          `${s.s1},2026-03-03T10:00:00.000000Z,${a.case},Fintech security case study,case_study,gmail,${h.acme.userIds.rep},Acme Test rep,${c.ada},Ada Quill,Quill Labs`,
        )
      } finally {
        paging.size = before
      }
    })

    it("exports activities with the report's filters, and one asset's shares", async () => {
      const before = paging.size
      paging.size = 3
      try {
        const acts = (await get(`/api/v1/analytics/export/activities.csv?${P}&rep=${h.acme.userIds.rep}`, h.acme.tokens.marketer)).body.trim().split("\n")
        expect(acts[0]).toBe("id,occurredAt,type,repId,repName,contactId,contactName,company,outcome,direction,durationSeconds,subject")
        expect(acts.slice(1).map((l) => l.split(",")[2])).toEqual(["call", "email", "email", "linkedin_message", "meeting", "note"])
        const mine = (await get(`/api/v1/analytics/export/activities.csv?${P}`, rep2Token)).body.trim().split("\n")
        expect(mine).toHaveLength(3)
        const shares = (await get(`/api/v1/analytics/export/asset-shares.csv?${P}&asset=${a.case}`, h.acme.tokens.marketer)).body.trim().split("\n")
        expect(shares.slice(1).map((l) => l.split(",")[0])).toEqual([s.s3, s.s2, s.s1])
      } finally {
        paging.size = before
      }
    })

    it("exports every report table; cells a spreadsheet would run as formulas are defused", async () => {
      const usage = (await get(`/api/v1/analytics/export/content-usage.csv?${P}`, h.acme.tokens.marketer)).body.trim().split("\n")
      expect(usage[0]).toBe("assetId,title,kind,tags,archived,shares,reps,contacts,views,botViews,helped,notHelped,lastUsedAt")
      expect(usage[1]).toBe(`${a.case},Fintech security case study,case_study,fintech; security,false,3,2,3,4,1,1,1,2026-03-10T12:00:00.000Z`)
      expect(usage[3]).toBe(`${a.unused},'=Retail one-pager,one_pager,retail,false,0,0,0,0,0,0,0,`)
      const reps = (await get(`/api/v1/analytics/export/handoff-reps.csv?${P}`, h.acme.tokens.marketer)).body.trim().split("\n")
      expect(reps).toEqual([
        "repId,repName,team,mqls,met,missed,waiting,rate",
        `${rep2},Acme Second rep,East,2,1,1,0,0.5`,
        `${h.acme.userIds.rep},Acme Test rep,West,3,2,1,0,${2 / 3}`,
      ])
      const sources = (await get(`/api/v1/analytics/export/handoff-sources.csv?${P}`, h.acme.tokens.marketer)).body.trim().split("\n")
      expect(sources[0]).toBe("source,mqls,sqls,conversion,low,high,avgRating,ratings")
      expect(sources).toHaveLength(3)
      const influence = (await get(`/api/v1/analytics/export/content-influence.csv?${P}`, h.acme.tokens.marketer)).body.trim().split("\n")
      expect(influence).toHaveLength(1 + 3 * 3)
      expect(influence[1]!.startsWith(",(all assets),,mql,sql,2,1,0.5,")).toBe(true)
      for (const [table, rows] of [
        ["handoff-weeks", 3],
        ["handoff-campaigns", 3],
        ["calibration-bands", 10],
        ["calibration-rules", 11],
        ["rep-activity", 2],
      ] as const) {
        const r = await get(`/api/v1/analytics/export/${table}.csv?${P}`, h.acme.tokens.marketer)
        expect(r.statusCode, table).toBe(200)
        expect(r.headers["content-type"]).toBe("text/csv; charset=utf-8")
        expect(r.body.trim().split("\n"), table).toHaveLength(1 + rows)
      }
    })
  })

  describe("kept current on write", () => {
    // Globex, so Acme's hand-worked numbers stay as they are.
    it("a lead crossing the threshold, a rep's call and the handoff reach the reports as they happen", async () => {
      const post = (url: string, token: string, payload: unknown) =>
        h.app.inject({ method: "POST", url, headers: { ...auth(token), "content-type": "application/json" }, payload: JSON.stringify(payload) })
      const now = Date.now()
      const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString()
      const events = ["demo_request", "trial_signup", "webinar_attended", "content_download"].map((type, i) =>
        event("kim.ward@initech.example", type, at(30 - i), `kim-${i}`),
      )
      expect((await post("/api/v1/events", h.globex.tokens.marketer, events)).statusCode).toBe(200)
      const before = await ok("/api/v1/analytics/handoff", h.globex.tokens.marketer)
      expect(before.mqls).toEqual({ created: 1, accepted: 0, rejected: 0, recycled: 0, waiting: 1 })
      expect(before.slaByWeek.reduce((n: number, w: { waiting: number }) => n + w.waiting, 0)).toBe(1)
      // The score at the crossing is kept with the change: 60 engagement points (the cap), no fit.
      const preview = await ok("/api/v1/analytics/calibration/threshold?threshold=61", h.globex.tokens.marketer)
      expect(preview.current.mqls).toBe(1)
      expect(preview.proposed.mqls).toBe(0)

      const kim = (await h.database.db.execute(
        sql`SELECT contact_id AS id FROM contact_emails WHERE org_id = ${h.globex.id} AND email = 'kim.ward@initech.example'`,
      )) as unknown as { rows: { id: string }[] }
      const kimId = kim.rows[0]!.id
      const call = await post("/api/v1/activities", h.globex.tokens.rep, {
        id: randomUUID(),
        contactId: kimId,
        type: "call",
        occurredAt: new Date().toISOString(),
        outcome: "connected",
      })
      expect(call.statusCode, call.body).toBeLessThan(300)
      const touched = await ok("/api/v1/analytics/handoff", h.globex.tokens.marketer)
      expect(touched.firstTouch.n).toBe(1)
      expect(touched.firstTouch.medianHours).toBeLessThan(1)
      const decided = await post(`/api/v1/contacts/${kimId}/handoff`, h.globex.tokens.rep, { decision: "reject", reason: "wrong_person" })
      expect(decided.statusCode, decided.body).toBe(200)
      const after = await ok("/api/v1/analytics/handoff", h.globex.tokens.marketer)
      expect(after.mqls).toEqual({ created: 1, accepted: 0, rejected: 1, recycled: 1, waiting: 0 })
      expect(after.rejections).toEqual([{ reason: "wrong_person", count: 1 }])
      const history = await ok("/api/v1/analytics/calibration/threshold?threshold=60", h.globex.tokens.marketer)
      expect(history.proposed.expectedAcceptance).toMatchObject({ n: 2, hits: 1 }) // Gina (accepted at 99) and Kim
      const scores = (await h.database.db.execute(
        sql`SELECT to_stage, score FROM stage_changes WHERE org_id = ${h.globex.id} AND contact_id = ${kimId} ORDER BY at, id`,
      )) as unknown as { rows: { to_stage: string; score: number }[] }
      expect(scores.rows).toEqual([
        { to_stage: "mql", score: 60 },
        { to_stage: "recycled", score: 60 },
      ])
    })

    // May and June 2025 in Globex: nothing else there, so each number below is that test's alone.
    const May = "from=2025-05-01&to=2025-05-31"
    const June = "from=2025-06-01&to=2025-06-30"

    it("keeps a share's stage at share time current when the contact's history arrives after the share", async () => {
      const G = h.globex.id
      const grep = h.globex.userIds.rep
      await asset(G, "guide", { title: "Globex guide", kind: "one_pager" })
      await contact(G, "lou", { first: "Lou", last: "Late", stage: "sql", stageAt: "2025-05-15T10:00:00Z", owner: grep })
      await share(G, "lou1", "guide", "lou", grep, "2025-05-10T10:00:00Z")
      // No history yet: the contact's current stage (sql) stands for the stage at the share.
      const before = await ok(`/api/v1/analytics/content-influence?${May}`, h.globex.tokens.marketer)
      expect(before.overall.map((t: { received: { n: number; hits: number } }) => [t.received.n, t.received.hits])).toEqual([
        [0, 0],
        [1, 0],
        [0, 0],
      ])
      // Its history: an MQL on 1 May, accepted on the 15th, five days after the share.
      await change(G, "lou", "lead", "mql", "2025-05-01T10:00:00Z", 70)
      await change(G, "lou", "mql", "sql", "2025-05-15T10:00:00Z")
      const after = await ok(`/api/v1/analytics/content-influence?${May}`, h.globex.tokens.marketer)
      expect(after.overall.map((t: { received: { n: number; hits: number } }) => [t.received.n, t.received.hits])).toEqual([
        [1, 1],
        [0, 0],
        [0, 0],
      ])
      expect(after.rows.map((x: { assetId: string }) => x.assetId)).toEqual([a.guide])
      // A change deleted from the history moves the share back: only the MQL is left, so Lou was an MQL who did not advance.
      await run(sql`DELETE FROM stage_changes WHERE org_id = ${G} AND contact_id = ${c.lou} AND to_stage = 'sql'`)
      const undone = await ok(`/api/v1/analytics/content-influence?${May}`, h.globex.tokens.marketer)
      expect(undone.overall.map((t: { received: { n: number; hits: number } }) => [t.received.n, t.received.hits])).toEqual([
        [1, 0],
        [0, 0],
        [0, 0],
      ])
    })

    it("keeps the comparison group's advances current when history arrives out of order, and reads a change at the period's start", async () => {
      const G = h.globex.id
      const August = "from=2025-08-01&to=2025-08-31"
      const grep = h.globex.userIds.rep
      const comparison = async (): Promise<[number, number][]> =>
        (await ok(`/api/v1/analytics/content-influence?${August}`, h.globex.tokens.marketer)).overall.map((t: { comparison: { n: number; hits: number } }) => [
          t.comparison.n,
          t.comparison.hits,
        ])
      const base = await comparison()
      // What the steps below add to the comparison group's mql → sql, sql → opportunity and opportunity → customer.
      const plus = (...d: [number, number][]) => base.map(([n, hits], i) => [n + d[i]![0], hits + d[i]![1]])
      await contact(G, "ned", { first: "Ned", last: "North", stage: "sql", stageAt: "2025-08-20T10:00:00Z", owner: grep })
      // The advance is recorded first: Ned was an MQL at the start and advanced on the 20th, then stayed an SQL.
      await change(G, "ned", "mql", "sql", "2025-08-20T10:00:00Z")
      expect(await comparison()).toEqual(plus([1, 1], [1, 0], [0, 0]))
      // The MQL it advanced from arrives afterwards: Ned became an MQL on the 10th instead, and still advanced.
      await change(G, "ned", "lead", "mql", "2025-08-10T10:00:00Z", 66)
      expect(await comparison()).toEqual(plus([1, 1], [1, 0], [0, 0]))
      // Ora left sql exactly at the period's start: an SQL at the start who did not advance after it, and an
      // opportunity from it that did not move on.
      await contact(G, "ora", { first: "Ora", last: "Oak", stage: "opportunity", stageAt: "2025-08-01T00:00:00Z", owner: grep })
      await change(G, "ora", "sql", "opportunity", "2025-08-01T00:00:00Z")
      expect(await comparison()).toEqual(plus([1, 1], [2, 0], [1, 0]))
    })

    it("counts a team's comparison contacts by their owner now, whether the history or the contact came first", async () => {
      const G = h.globex.id
      const marketer = h.globex.userIds.marketer
      await run(sql`UPDATE users SET team = 'Field' WHERE org_id = ${G} AND id = ${marketer}`)
      const field = async (): Promise<[number, number][]> =>
        (await ok(`/api/v1/analytics/content-influence?from=2025-09-01&to=2025-09-30&team=Field`, h.globex.tokens.marketer)).overall.map(
          (t: { comparison: { n: number; hits: number } }) => [t.comparison.n, t.comparison.hits],
        )
      const owners = async () =>
        (
          await rows<{ owner: string | null }>(
            h.database.db,
            sql`SELECT owner_id AS owner FROM stage_changes WHERE org_id = ${G} AND contact_id = ${c.pia} ORDER BY at`,
          )
        ).map((r) => r.owner)
      expect(await field()).toEqual([
        [0, 0],
        [0, 0],
        [0, 0],
      ])
      // The history arrives first (an import): an MQL on 2 September, accepted on the 5th; then the contact, owned by
      // the Field team's marketer.
      const pia = randomUUID()
      c.pia = pia
      await change(G, "pia", "lead", "mql", "2025-09-02T10:00:00Z", 70)
      await change(G, "pia", "mql", "sql", "2025-09-05T10:00:00Z")
      expect(await owners()).toEqual([null, null])
      const outcome = () =>
        rows<{ owner: string | null; stage: string | null }>(
          h.database.db,
          sql`SELECT owner_id AS owner, stage FROM mql_outcomes WHERE org_id = ${G} AND contact_id = ${pia}`,
        )
      expect(await outcome()).toEqual([{ owner: null, stage: null }])
      await contact(G, "pia", { first: "Pia", last: "Park", stage: "sql", stageAt: "2025-09-05T10:00:00Z", owner: marketer, id: pia })
      expect(await owners()).toEqual([marketer, marketer])
      // Its MQL takes the contact's context as the contact arrives.
      expect(await outcome()).toEqual([{ owner: marketer, stage: "sql" }])
      const counted = [
        [1, 1],
        [1, 0],
        [0, 0],
      ]
      expect(await field()).toEqual(counted)
      // Reassigned to a rep outside the team, and back: the team's numbers follow the contact's owner.
      await run(sql`UPDATE contacts SET owner_id = ${h.globex.userIds.rep} WHERE org_id = ${G} AND id = ${pia}`)
      expect(await owners()).toEqual([h.globex.userIds.rep, h.globex.userIds.rep])
      expect(await field()).toEqual([
        [0, 0],
        [0, 0],
        [0, 0],
      ])
      await run(sql`UPDATE contacts SET owner_id = ${marketer} WHERE org_id = ${G} AND id = ${pia}`)
      expect(await field()).toEqual(counted)
      // A change written after the contact takes its owner.
      await change(G, "pia", "sql", "opportunity", "2025-09-20T10:00:00Z")
      expect(await owners()).toEqual([marketer, marketer, marketer])
    })

    it("counts in the threshold preview a lead whose fit alone reaches T while an unsubscribe made its engagement negative", async () => {
      const G = h.globex.id
      const proposed = async () => {
        const r = (await ok("/api/v1/analytics/calibration/threshold?threshold=38", h.globex.tokens.marketer)).proposed
        return [r.mqls, r.notYetMqls] as [number, number]
      }
      const [mqls, notYet] = await proposed()
      // Fit 40, engagement -10: the score is 40 (engagement counts from 0), though fit + engagement is only 30.
      await contact(G, "uma", { first: "Uma", last: "Unsub", stage: "lead", stageAt: "2025-01-01T00:00:00Z", owner: null, fit: 40, engagement: -10 })
      expect(await proposed()).toEqual([mqls + 1, notYet + 1])
    })

    it("keeps an MQL's owner, attribution, stage, firmographics and points at the crossing current as they change", async () => {
      const G = h.globex.id
      const grep = h.globex.userIds.rep
      // Points earned before the MQL may be recorded after it (late events), and on its day too.
      await contact(G, "mo", {
        first: "Mo",
        last: "Moss",
        stage: "mql",
        stageAt: "2025-06-05T10:00:00Z",
        owner: grep,
        campaign: "Summer ads",
        source: "hubspot",
      })
      await change(G, "mo", "lead", "mql", "2025-06-05T10:00:00Z", 72)
      await bucket(G, "mo", "email_open", "2025-06-03", 3)
      await bucket(G, "mo", "page_visit", "2025-06-05", 8)
      await bucket(G, "mo", "webinar_attended", "2025-06-06", 15) // the day after: not earned by the crossing
      await run(sql`UPDATE users SET team = 'North' WHERE org_id = ${G} AND id = ${grep}`)
      await handoff(G, "mo", grep, "accept", "2025-06-05T12:00:00Z")
      await run(sql`UPDATE contacts SET stage = 'sql', stage_changed_at = '2025-06-05T12:00:00Z' WHERE org_id = ${G} AND id = ${c.mo}`)
      await change(G, "mo", "mql", "sql", "2025-06-05T12:00:00Z")
      const rules = async () =>
        (await ok(`/api/v1/analytics/calibration?${June}`, h.globex.tokens.marketer)).rules.map(
          (r: { rule: string; acceptedLeads: number; acceptedPoints: number }) => [r.rule, r.acceptedLeads, r.acceptedPoints],
        )
      expect(await rules()).toEqual([
        ["opened", 1, 3],
        ["visited", 1, 8],
      ])
      // A bucket topped up on an earlier day counts; one removed no longer does; new firmographics earn fit points.
      await run(sql`UPDATE score_buckets SET points = 5 WHERE org_id = ${G} AND contact_id = ${c.mo} AND type = 'email_open'`)
      await run(sql`DELETE FROM score_buckets WHERE org_id = ${G} AND contact_id = ${c.mo} AND type = 'page_visit'`)
      await run(sql`UPDATE contacts SET industry = 'fintech' WHERE org_id = ${G} AND id = ${c.mo}`)
      expect(await rules()).toEqual([
        ["industry is fintech", 1, 15],
        ["opened", 1, 5],
      ])

      const handoffIn = (q = "") => ok(`/api/v1/analytics/handoff?${June}${q}`, h.globex.tokens.marketer)
      const r = await handoffIn()
      expect(r.mqls).toEqual({ created: 1, accepted: 1, rejected: 0, recycled: 0, waiting: 0 })
      expect(r.slaByRep.map((x: { repId: string; mqls: number }) => [x.repId, x.mqls])).toEqual([[grep, 1]])
      expect(r.byCampaign.map((x: { key: string }) => x.key)).toEqual(["Summer ads"])
      // Reassigned and re-attributed: the report follows the contact as it is now.
      await run(
        sql`UPDATE contacts SET owner_id = ${h.globex.userIds.marketer}, campaign = 'Autumn ads', source = 'marketo' WHERE org_id = ${G} AND id = ${c.mo}`,
      )
      const moved = await handoffIn()
      expect(moved.slaByRep.map((x: { repId: string }) => x.repId)).toEqual([h.globex.userIds.marketer])
      expect(moved.byCampaign.map((x: { key: string }) => x.key)).toEqual(["Autumn ads"])
      expect((await handoffIn("&source=hubspot")).mqls.created).toBe(0)
      expect((await handoffIn("&source=marketo&stage=sql")).mqls.created).toBe(1)
      expect((await handoffIn("&team=North")).mqls.created).toBe(0)
      // Ratings given after the MQL, changed and withdrawn, reach its campaign's average.
      await rating(G, "mo", grep, 4)
      await rating(G, "mo", grep, 3)
      const rated = async () =>
        (await handoffIn()).byCampaign.map((x: { key: string; avgRating: number | null; ratings: number }) => [x.key, x.avgRating, x.ratings])
      expect(await rated()).toEqual([["Autumn ads", 3.5, 2]])
      await run(sql`UPDATE lead_feedback SET rating = 1 WHERE org_id = ${G} AND contact_id = ${c.mo} AND rating = 3`)
      expect(await rated()).toEqual([["Autumn ads", 2.5, 2]])
      await run(sql`DELETE FROM lead_feedback WHERE org_id = ${G} AND contact_id = ${c.mo}`)
      expect(await rated()).toEqual([["Autumn ads", null, 0]])
      // Back in the queue: a waiting MQL again.
      await run(sql`UPDATE contacts SET stage = 'mql' WHERE org_id = ${G} AND id = ${c.mo}`)
      expect((await handoffIn("&stage=mql")).mqls).toMatchObject({ created: 1, accepted: 1 })
    })

    it("keeps calibration's daily counts equal to the crossings they count, as crossings, decisions, points and contacts change", async () => {
      const G = h.globex.id
      const grep = h.globex.userIds.rep
      const drift = () => calibrationDrift(h.database.db)
      const July = "from=2025-07-01&to=2025-07-31"
      const mqls = async () =>
        Object.fromEntries(
          (await ok(`/api/v1/analytics/calibration?${July}`, h.globex.tokens.marketer)).bands
            .filter((b: { mqls: number }) => b.mqls > 0)
            .map((b: { label: string; mqls: number; rejected: number; sqls: number }) => [b.label, [b.mqls, b.rejected, b.sqls]]),
        )
      expect(await drift()).toBe(0)
      await contact(G, "cal", { first: "Cal", last: "Brandt", stage: "mql", stageAt: "2025-07-10T09:00:00Z", owner: grep, createdAt: "2025-06-01T00:00:00Z" })
      await change(G, "cal", "lead", "mql", "2025-07-10T09:00:00Z", 66)
      await bucket(G, "cal", "email_open", "2025-07-09", 3)
      expect(await drift()).toBe(0)
      expect(await mqls()).toEqual({ "60–69": [1, 0, 0] })
      // Decided: its firmographics and points now count for the rules; then they change.
      await handoff(G, "cal", grep, "reject", "2025-07-10T12:00:00Z", "not_a_fit")
      await run(sql`UPDATE contacts SET industry = 'fintech', title = 'VP Data', company_size = 300 WHERE org_id = ${G} AND id = ${c.cal}`)
      await run(sql`UPDATE score_buckets SET points = 5 WHERE org_id = ${G} AND contact_id = ${c.cal} AND type = 'email_open'`)
      expect(await drift()).toBe(0)
      expect(await mqls()).toEqual({ "60–69": [1, 1, 0] })
      const rules = (await ok(`/api/v1/analytics/calibration?${July}`, h.globex.tokens.marketer)).rules
      expect(rules.find((r: { rule: string }) => r.rule === "opened")).toMatchObject({ rejectedLeads: 1, rejectedPoints: 5 })
      expect(rules.find((r: { rule: string }) => r.rule === "industry is fintech")).toMatchObject({ rejectedLeads: 1 })
      // Recycled and back: the later crossing counts, the earlier one leaves the counts.
      await change(G, "cal", "mql", "recycled", "2025-07-11T09:00:00Z")
      await change(G, "cal", "recycled", "mql", "2025-07-20T09:00:00Z", 84)
      expect(await drift()).toBe(0)
      expect(await mqls()).toEqual({ "80–89": [1, 0, 0] })
      // History arriving out of order: an older crossing is never the latest; a move to sql marks both crossings before it.
      await change(G, "cal", "lead", "mql", "2025-07-05T09:00:00Z", 61)
      await change(G, "cal", "mql", "sql", "2025-07-21T09:00:00Z")
      expect(await drift()).toBe(0)
      expect(await mqls()).toEqual({ "80–89": [1, 0, 1] })
      // The later crossing removed: the one of 07-10 is the latest again; the contact removed: none counts.
      await run(sql`DELETE FROM stage_changes WHERE org_id = ${G} AND contact_id = ${c.cal} AND at = '2025-07-20T09:00:00Z'`)
      expect(await drift()).toBe(0)
      expect(await mqls()).toEqual({ "60–69": [1, 1, 1] })
      await run(sql`DELETE FROM contacts WHERE org_id = ${G} AND id = ${c.cal}`)
      expect(await drift()).toBe(0)
      expect(await mqls()).toEqual({})
      await run(sql`DELETE FROM stage_changes WHERE org_id = ${G} AND contact_id = ${c.cal}`)
      await run(sql`DELETE FROM score_buckets WHERE org_id = ${G} AND contact_id = ${c.cal}`)
      await run(sql`DELETE FROM handoffs WHERE org_id = ${G} AND contact_id = ${c.cal}`)
      expect(await drift()).toBe(0)
    })

    it("forgets an MQL whose stage change is deleted", async () => {
      const count = async () =>
        ((await h.database.db.execute(sql`SELECT count(*)::int AS n FROM mql_outcomes WHERE org_id = ${h.globex.id}`)) as unknown as { rows: { n: number }[] })
          .rows[0]!.n
      const n = await count()
      await run(sql`DELETE FROM stage_changes WHERE org_id = ${h.globex.id} AND contact_id = ${c.gina}`)
      expect(await count()).toBe(n - 1)
    })

    it("counts an influence group from its earliest clock when a later one's N days are not over yet", async () => {
      // Rows whose own N days are not over are left out before grouping: a group must still keep its earliest clock and
      // that clock's advance, and count only once that clock's N days are over.
      const G = h.globex.id
      const grep = h.globex.userIds.rep
      const t0 = Date.now()
      const ago = (d: number) => new Date(t0 - d * 86_400_000).toISOString()
      const last60 = `from=${ago(60).slice(0, 10)}&to=${ago(0).slice(0, 10)}`
      const counts = async (windowDays: number): Promise<[number, number, number, number][]> =>
        (await ok(`/api/v1/analytics/content-influence?${last60}&windowDays=${windowDays}`, h.globex.tokens.marketer)).overall.map(
          (t: { received: { n: number; hits: number }; comparison: { n: number; hits: number } }) => [
            t.received.n,
            t.received.hits,
            t.comparison.n,
            t.comparison.hits,
          ],
        )
      const base30 = await counts(30)
      const base44 = await counts(44)
      const plus = (base: [number, number, number, number][], mql: [number, number, number, number]) =>
        base.map((row, i) => (i === 0 ? row.map((x, k) => x + mql[k]!) : row))
      // Pia: an MQL for 50 days, sent a guide 40 days ago and again 3 days ago, an SQL 2 days ago (38 days after the first).
      await asset(G, "recent", { title: "Globex recent guide", kind: "one_pager" })
      await contact(G, "pia", { first: "Pia", last: "Pike", stage: "sql", stageAt: ago(2), owner: grep })
      await change(G, "pia", "lead", "mql", ago(50), 70)
      await change(G, "pia", "mql", "sql", ago(2))
      await share(G, "pia1", "recent", "pia", grep, ago(40))
      await share(G, "pia2", "recent", "pia", grep, ago(3))
      // Quin, sent nothing: an MQL 45 days ago, recycled, an MQL again 5 days ago, an SQL yesterday (44 days after the first).
      await contact(G, "quin", { first: "Quin", last: "Quay", stage: "sql", stageAt: ago(1), owner: grep })
      await change(G, "quin", "lead", "mql", ago(45), 66)
      await change(G, "quin", "mql", "recycled", ago(20))
      await change(G, "quin", "recycled", "mql", ago(5), 68)
      await change(G, "quin", "mql", "sql", ago(1))
      // 30 days: both first clocks are over and neither advanced within 30 days of it.
      expect(await counts(30)).toEqual(plus(base30, [1, 0, 1, 0]))
      // 44 days: Pia's first clock (40 days ago) is not over, so neither is her group; Quin's is, and he advanced on its last day.
      expect(await counts(44)).toEqual(plus(base44, [0, 0, 1, 1]))
    })
  })

  describe("bad input", () => {
    it.each([
      "/api/v1/analytics/content-usage?from=2026-13-01",
      "/api/v1/analytics/content-usage?from=2026-03-29&to=2026-03-02",
      "/api/v1/analytics/content-usage?from=2020-01-01&to=2026-01-01",
      "/api/v1/analytics/content-usage?rep=not-a-uuid",
      "/api/v1/analytics/content-usage?stage=someday",
      "/api/v1/analytics/handoff?team=",
      `/api/v1/analytics/content-usage/${randomUUID()}/shares?limit=0`,
      `/api/v1/analytics/content-usage/${randomUUID()}/shares?cursor=bm90LWEtY3Vyc29y`,
      "/api/v1/analytics/content-usage/not-a-uuid/shares",
      "/api/v1/analytics/content-influence?windowDays=0",
      "/api/v1/analytics/content-influence?windowDays=abc",
      "/api/v1/analytics/calibration?bandSize=3",
      "/api/v1/analytics/calibration/threshold",
      "/api/v1/analytics/calibration/threshold?threshold=101",
      "/api/v1/analytics/export/everything.csv",
      "/api/v1/analytics/export/shares.json",
      "/api/v1/analytics/export/asset-shares.csv",
    ])("%s → 400", async (url) => {
      const r = await get(url, h.acme.tokens.marketer)
      expect(r.statusCode, r.body).toBe(400)
      expect(r.json().error.message).toEqual(expect.any(String))
    })
  })
})

import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { pgArray, rows, sql } from "../../src/server/db/client"
import { stageBatch } from "../../src/server/events/batch-repository"
import { engagementAtSql, scorePartsSql } from "../../src/server/scores/score-sql"
import { getSettings } from "../../src/server/settings/service"
import { auth, backends, event, harness, type Harness } from "./harness"

// Batches in flight at once that share contacts: each locks the batch's known contacts first, in id
// order (src/server/events/repository.ts), so they queue instead of deadlocking. Before, the first-touch
// update and the score update locked them in different orders and one batch failed with a 500.
// The deadlock needs several connections (the PostgreSQL server); PGlite runs one statement at a time and
// checks the same outcome.
describe.each(backends)("ingest batches in flight together on %s", (kind) => {
  let h: Harness
  const people = Array.from({ length: 300 }, (_, i) => `shared.${i}@overlap.example`)
  beforeAll(async () => {
    h = await harness(kind)
    const r = await h.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: auth(h.acme.tokens.marketer),
      payload: people.map((e, i) => event(e, "email_open", new Date(Date.now() - 86_400_000), `seed-${i}`)),
    })
    expect(r.statusCode).toBe(200)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("all succeed, every event kept once, and each contact's first touch is its oldest event", async () => {
    // Each batch touches every shared contact, in its own order, with events older than the first touch (so the
    // first-touch update rewrites them) and some scored types.
    const batches = Array.from({ length: 6 }, (_, b) => {
      const order = b % 2 === 0 ? people : [...people].reverse()
      return order.map((e, i) =>
        event(e, ["page_visit", "email_click", "content_download"][i % 3]!, new Date(Date.now() - (2 + b) * 86_400_000 - i * 1000), `b${b}-${i}`, {
          campaign: `Campaign ${b}`,
        }),
      )
    })
    const answers = await Promise.all(
      batches.map((payload) =>
        h.app.inject({ method: "POST", url: "/api/v1/events", headers: { ...auth(h.acme.tokens.marketer), "content-type": "application/json" }, payload }),
      ),
    )
    expect(answers.map((a) => a.statusCode)).toEqual(batches.map(() => 200))
    expect(answers.reduce((n, a) => n + a.json().accepted, 0)).toBe(6 * people.length)
    const lookup = await h.app.inject({ url: `/api/v1/contacts/lookup?email=${people[0]}`, headers: auth(h.acme.tokens.rep) })
    expect(lookup.json().counts.marketing).toBe(7)
    const firstTouch = await rows<{ campaign: string | null }>(
      h.database.db,
      sql`
      SELECT c.campaign FROM contacts c JOIN contact_emails ce ON ce.org_id = c.org_id AND ce.contact_id = c.id
      WHERE ce.org_id = ${h.acme.id} AND ce.email = ANY(${pgArray(people)}::text[])`,
    )
    expect(firstTouch).toHaveLength(people.length)
    expect(new Set(firstTouch.map((r) => r.campaign))).toEqual(new Set(["Campaign 5"]))
  })

  // Two batches in flight that both bring a contact nobody had: the later one's email insert waits for the earlier
  // one, then fails on the email's unique key once that one commits. It runs again and finds the contact.
  it.runIf(kind === "postgres")("creates a new contact once when two batches in flight both bring it", async () => {
    const email = "twice.new@overlap.example"
    let release!: () => void
    let holding!: () => void
    const held = new Promise<void>((r) => (holding = r))
    const first = h.database.db.transaction(async (tx) => {
      const occurredAt = new Date(Date.now() - 7_200_000).toISOString()
      await stageBatch(tx, h.acme.id, new Map([[email, undefined]]), [
        { email, type: "email_open", occurredAt, campaign: null, assetId: null, source: "test", externalId: "tn-1", properties: "{}" },
      ])
      holding()
      await new Promise<void>((r) => (release = r))
    })
    await held
    const second = h.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: { ...auth(h.acme.tokens.marketer), "content-type": "application/json" },
      payload: [event(email, "page_visit", new Date(Date.now() - 3_600_000), "tn-2")],
    })
    // The second batch waits on the first's transaction (its email insert), then the first commits.
    for (let waited = 0; ; waited += 50) {
      const [w] = await rows<{ n: number }>(
        h.database.db,
        sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )
      if (w!.n > 0) break
      if (waited > 10_000) throw new Error("the second batch never waited for the first")
      await new Promise((r) => setTimeout(r, 50))
    }
    release()
    await first
    const r = await second
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ accepted: 1, contactsCreated: 0 })
    const [c] = await rows<{ contacts: number; events: number }>(
      h.database.db,
      sql`SELECT count(DISTINCT ce.contact_id)::int AS contacts, count(e.id)::int AS events
      FROM contact_emails ce JOIN marketing_events e ON e.org_id = ce.org_id AND e.contact_id = ce.contact_id
      WHERE ce.org_id = ${h.acme.id} AND ce.email = ${email}`,
    )
    expect(c).toEqual({ contacts: 1, events: 2 })
  })

  // A batch that waited for another's contacts scores on what that one stored: the capped points of a day and the
  // engagement come out as if the batches had run one after the other (as the rescore computes them from the events).
  it("scores and score buckets as if the batches had run one by one, caps included", async () => {
    const day = new Date(Date.now() - 3 * 3_600_000)
    // Each batch clicks once for every shared contact at the same moment of one day: 3 points a click, 9 at most a day.
    // The same moment, because ingest caps in the order batches commit and the rescore in the order of the events'
    // times: which three clicks earn the points must not change how far they have decayed.
    const at = (i: number) => new Date(day.getTime() + i * 1000)
    const batches = Array.from({ length: 6 }, (_, b) =>
      (b % 2 === 0 ? people : [...people].reverse()).map((e) => event(e, "email_click", at(people.indexOf(e)), `cap-${b}-${e}`)),
    )
    const answers = await Promise.all(
      batches.map((payload) =>
        h.app.inject({ method: "POST", url: "/api/v1/events", headers: { ...auth(h.acme.tokens.marketer), "content-type": "application/json" }, payload }),
      ),
    )
    expect(answers.map((a) => a.statusCode)).toEqual(batches.map(() => 200))
    const { scoring } = await getSettings(h.database.db, h.acme.id)
    const now = new Date()
    const ids = sql`SELECT contact_id FROM contact_emails WHERE org_id = ${h.acme.id} AND email = ANY(${pgArray(people)}::text[])`
    const [clicks] = await rows<{ n: number; capped: number }>(
      h.database.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE points = 9)::int AS capped FROM score_buckets
      WHERE org_id = ${h.acme.id} AND type = 'email_click' AND day = ${day.toISOString().slice(0, 10)}::date AND contact_id IN (${ids})`,
    )
    expect(clicks).toEqual({ n: people.length, capped: people.length })
    const [wrong] = await rows<{ buckets: number; scores: number }>(
      h.database.db,
      sql`
      WITH parts AS (${scorePartsSql(h.acme.id, scoring, sql`AND e.contact_id IN (${ids})`)}),
      truth AS (SELECT contact_id, type, day, sum(GREATEST(contrib, 0))::int AS points FROM parts GROUP BY 1, 2, 3),
      engagement AS (SELECT contact_id, ${engagementAtSql(scoring, now)} AS value FROM parts GROUP BY 1)
      SELECT
        (SELECT count(*)::int FROM truth t FULL JOIN (SELECT * FROM score_buckets WHERE org_id = ${h.acme.id} AND contact_id IN (${ids})) b
          ON b.contact_id = t.contact_id AND b.type = t.type AND b.day = t.day WHERE t.points IS DISTINCT FROM b.points) AS buckets,
        (SELECT count(*)::int FROM engagement x JOIN contact_scores s ON s.org_id = ${h.acme.id} AND s.contact_id = x.contact_id
          WHERE abs(s.engagement_value * power(2::float8, -date_part('epoch', ${now.toISOString()}::timestamptz - s.engagement_at)
            / ${scoring.halfLifeDays * 86_400}::float8) - x.value) > 1e-6) AS scores`,
    )
    expect(wrong).toEqual({ buckets: 0, scores: 0 })
  })

  // A batch holds its contacts until it commits; a rep logging a call for one of them meanwhile must not wait for it
  // (the activity's foreign key only shares the contact's key, which the batch's lock leaves alone).
  it.runIf(kind === "postgres")("lets a rep log an activity for a contact a batch in flight holds", async () => {
    const email = people[1]!
    let release!: () => void
    let holding!: () => void
    let contactId = ""
    const held = new Promise<void>((r) => (holding = r))
    const batch = h.database.db.transaction(async (tx) => {
      // A batch's first statement, locking the contact (its only line sends no event).
      const { contacts } = await stageBatch(tx, h.acme.id, new Map([[email, undefined]]), [])
      contactId = contacts[0]!.contactId
      holding()
      await new Promise<void>((r) => (release = r))
    })
    await held
    const logged = h.app.inject({
      method: "POST",
      url: "/api/v1/activities",
      headers: auth(h.acme.tokens.rep),
      payload: { id: randomUUID(), contactId, type: "call", occurredAt: new Date().toISOString(), outcome: "connected" },
    })
    const answer = await Promise.race([logged, new Promise<"waited">((r) => setTimeout(() => r("waited"), 5000))])
    release()
    await batch
    expect(answer === "waited" ? answer : answer.statusCode).toBe(201)
  })
})

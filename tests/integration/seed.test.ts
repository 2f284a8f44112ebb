import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rows, sql } from "../../src/server/db/client"
import { demoOrgs, seedDemo } from "../../src/server/seed/index"
import { showcaseContacts } from "../../src/server/seed/showcase"
import { acmeUsers } from "../../src/server/seed/people"
import { story } from "../../src/server/seed/story"
import { Uuid } from "../../src/shared/contracts/common"
import { auth, backends, harness, type Harness } from "./harness"
import { calibrationDrift } from "./calibration-rollup"

const now = new Date("2026-11-01T12:00:00Z")
// The demo seed's rows for this `now` and the default seed: the same on PGlite and on PostgreSQL.
const expectedCounts = {
  activities: 4789,
  shares: 1032,
  views: 1107,
  botViews: 387,
  assetFeedback: 368,
  handoffs: 1405,
  leadFeedback: 826,
  stageChanges: 4005,
  unattributed: 0,
}

describe.each(backends)("demo seed on %s", (kind) => {
  let h: Harness
  beforeAll(async () => {
    h = await harness(kind)
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  }, 120_000)

  const digest = async () =>
    (
      await rows<{ d: string }>(
        h.database.db,
        sql`
    SELECT md5(string_agg(x, ',' ORDER BY x)) AS d FROM (
      SELECT id::text || first_name || last_name || coalesce(title, '') || stage || fit_score || round(engagement_value::numeric, 6) AS x
        FROM contacts c JOIN contact_scores s ON s.org_id = c.org_id AND s.contact_id = c.id WHERE c.org_id = ${demoOrgs.acme}
      UNION ALL SELECT contact_id::text || type || occurred_at::text || external_id FROM marketing_events WHERE org_id = ${demoOrgs.acme}
      UNION ALL SELECT id::text || coalesce(source, '') || coalesce(campaign, '') || coalesce(mql_at::text, '') || stage_changed_at::text FROM contacts WHERE org_id = ${demoOrgs.acme}
      UNION ALL SELECT contact_id::text || to_stage || at::text || coalesce(score, -1) || coalesce(reason, '') FROM stage_changes WHERE org_id = ${demoOrgs.acme}
      UNION ALL SELECT id::text || user_id || decision || coalesce(reason, '') || created_at::text FROM handoffs WHERE org_id = ${demoOrgs.acme}
      UNION ALL SELECT id::text || rating || created_at::text FROM lead_feedback WHERE org_id = ${demoOrgs.acme}
      UNION ALL SELECT id::text || user_id || type || occurred_at::text FROM activities WHERE org_id = ${demoOrgs.acme}
      UNION ALL SELECT id::text || code || asset_id || channel || shared_at::text FROM asset_shares WHERE org_id = ${demoOrgs.acme}
      UNION ALL SELECT share_id::text || at::text || flagged || coalesce(flag_reason, '') FROM asset_views WHERE org_id = ${demoOrgs.acme}
      UNION ALL SELECT id::text || helped || created_at::text FROM asset_feedback WHERE org_id = ${demoOrgs.acme}
    ) t`,
      )
    )[0]!.d

  it("is deterministic for a seed, and replaces the earlier demo data", async () => {
    const creds = await seedDemo(h.database.db, { contacts: 300, events: 3000, now })
    const first = await digest()
    const again = await seedDemo(h.database.db, { contacts: 300, events: 3000, now })
    expect(await digest()).toBe(first)
    expect(new Set([...creds, ...again].map((c) => c.token)).size).toBe(creds.length * 2) // tokens are secrets, new each time
    const other = await seedDemo(h.database.db, { contacts: 300, events: 3000, now, seed: "another" })
    expect(await digest()).not.toBe(first)

    const [counts] = await rows<{ contacts: number; events: number; assets: number; linkedin: number; stages: number }>(
      h.database.db,
      sql`
      SELECT (SELECT count(*)::int FROM contacts WHERE org_id = ${demoOrgs.acme}) AS contacts,
        (SELECT count(*)::int FROM marketing_events WHERE org_id = ${demoOrgs.acme}) AS events,
        (SELECT count(*)::int FROM assets WHERE org_id = ${demoOrgs.acme}) AS assets,
        (SELECT count(*)::int FROM contacts WHERE org_id = ${demoOrgs.acme} AND linkedin IS NOT NULL) AS linkedin,
        (SELECT count(DISTINCT stage)::int FROM contacts WHERE org_id = ${demoOrgs.acme}) AS stages`,
    )
    expect(counts!.contacts).toBe(300 + showcaseContacts.length)
    expect(counts!.events).toBeGreaterThanOrEqual(3000)
    expect(counts!.assets).toBeGreaterThanOrEqual(60)
    expect(counts!.linkedin).toBeGreaterThan(60)
    expect(counts!.stages).toBe(8)

    // Seeded ids are deterministic yet valid to the contracts (a client parses every id it is given).
    const ids = await rows<{ id: string }>(
      h.database.db,
      sql`
      SELECT id::text FROM contacts WHERE org_id = ${demoOrgs.acme} UNION ALL SELECT id::text FROM assets WHERE org_id = ${demoOrgs.acme}
      UNION ALL SELECT id::text FROM activities WHERE org_id = ${demoOrgs.acme}`,
    )
    expect(ids.length).toBeGreaterThan(300)
    expect(ids.filter((r) => !Uuid.safeParse(r.id).success)).toEqual([])

    // Every demo user can sign in; Globex cannot see Acme's showcase contact.
    const rep = other.find((c) => c.org === "Acme Analytics" && c.role === "rep")!
    const globex = other.find((c) => c.org === "Globex")!
    const email = showcaseContacts[0]!.email
    const ctx = await h.app.inject({ url: `/api/v1/contacts/lookup?email=${email}`, headers: auth(rep.token) })
    expect(ctx.statusCode).toBe(200)
    expect(ctx.json().score.reasons.length).toBeGreaterThan(2)
    expect(ctx.json().events.length).toBeGreaterThan(3)
    expect((await h.app.inject({ url: `/api/v1/contacts/lookup?email=${email}`, headers: auth(globex.token) })).statusCode).toBe(404)
  }, 180_000) // three seeds; the shared PostgreSQL server may be busy with a large one

  const one = async <T>(q: ReturnType<typeof sql>) => (await rows<T>(h.database.db, q))[0]!
  const acme = demoOrgs.acme

  it("tells the dashboard's story at demo size, in proportion, and with facts that agree", async () => {
    await seedDemo(h.database.db, { now }) // the first-start demo: 5,000 contacts, 100,000 events
    // Calibration's daily counts, filled by their triggers as the journeys were written, agree with the crossings.
    expect((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM mql_band_days WHERE org_id = ${acme} AND n > 0`)).n).toBeGreaterThan(100)
    expect(await calibrationDrift(h.database.db)).toBe(0)

    // Reps in teams; the showcase viewer is still the first user and a rep.
    const users = await rows<{ email: string; role: string; team: string | null }>(
      h.database.db,
      sql`
      SELECT email, role, team FROM users WHERE org_id = ${acme} ORDER BY email`,
    )
    expect(users.filter((u) => u.role === "rep").length).toBe(7)
    expect([...new Set(users.filter((u) => u.role === "rep").map((u) => u.team))].sort()).toEqual(["East", "Enterprise", "West"])
    expect(acmeUsers[0]).toMatchObject({ name: "Riley Park", role: "rep" })
    expect(
      users
        .filter((u) => u.role !== "rep")
        .map((u) => u.role)
        .sort(),
    ).toEqual(["admin", "marketer"])

    // About one activity per contact and one share per five, whatever the size (the large seed relies on it).
    const n = await one<Record<string, number>>(sql`
      SELECT (SELECT count(*)::int FROM activities WHERE org_id = ${acme}) AS activities,
        (SELECT count(*)::int FROM asset_shares WHERE org_id = ${acme}) AS shares,
        (SELECT count(*)::int FROM asset_views WHERE org_id = ${acme} AND NOT flagged) AS views,
        (SELECT count(*)::int FROM asset_views WHERE org_id = ${acme} AND flagged) AS "botViews",
        (SELECT count(*)::int FROM asset_feedback WHERE org_id = ${acme}) AS "assetFeedback",
        (SELECT count(*)::int FROM handoffs WHERE org_id = ${acme}) AS handoffs,
        (SELECT count(*)::int FROM lead_feedback WHERE org_id = ${acme}) AS "leadFeedback",
        (SELECT count(*)::int FROM stage_changes WHERE org_id = ${acme}) AS "stageChanges",
        (SELECT count(*)::int FROM contacts WHERE org_id = ${acme} AND campaign IS NULL) AS unattributed`)
    expect(n).toEqual(expectedCounts)

    // Every handoff has its stage change at the same moment, by the same rep, with the same reason, after a first touch.
    expect(
      await one<{ bad: number }>(sql`
      SELECT count(*)::int AS bad FROM handoffs h
      WHERE h.org_id = ${acme} AND NOT EXISTS (
        SELECT 1 FROM stage_changes s WHERE s.org_id = h.org_id AND s.contact_id = h.contact_id AND s.from_stage = 'mql'
          AND s.to_stage = CASE h.decision WHEN 'accept' THEN 'sql' ELSE 'recycled' END
          AND s.at = h.created_at AND s.user_id = h.user_id AND s.reason IS NOT DISTINCT FROM h.reason AND s.score IS NOT NULL)
        OR NOT EXISTS (
        SELECT 1 FROM activities a JOIN contacts c ON c.org_id = a.org_id AND c.id = a.contact_id
        WHERE a.org_id = h.org_id AND a.contact_id = h.contact_id AND a.user_id = h.user_id AND a.occurred_at >= c.mql_at AND a.occurred_at <= h.created_at)`),
    ).toEqual({ bad: 0 })
    // Every contact past MQL has the whole path, in order, ending where the contact is now.
    expect(
      await one<{ bad: number; checked: number }>(sql`
      SELECT count(*) FILTER (WHERE path <> want OR last_at <> c.stage_changed_at OR first_at <> c.mql_at)::int AS bad, count(*)::int AS checked
      FROM contacts c
      CROSS JOIN LATERAL (SELECT string_agg(s.to_stage, '>' ORDER BY s.at) AS path, max(s.at) AS last_at, min(s.at) AS first_at
        FROM stage_changes s WHERE s.org_id = c.org_id AND s.contact_id = c.id) p
      CROSS JOIN LATERAL (SELECT CASE c.stage WHEN 'mql' THEN 'mql' WHEN 'sql' THEN 'mql>sql' WHEN 'recycled' THEN 'mql>recycled'
        WHEN 'opportunity' THEN 'mql>sql>opportunity' ELSE 'mql>sql>opportunity>customer' END AS want) w
      WHERE c.org_id = ${acme} AND c.stage IN ('mql', 'sql', 'opportunity', 'customer', 'recycled')`),
    ).toEqual({ bad: 0, checked: 1523 })
    // Handoffs exactly for the contacts that were decided; nothing in the future.
    expect(
      await one(sql`
      SELECT (SELECT count(*)::int FROM contacts WHERE org_id = ${acme} AND stage IN ('sql', 'opportunity', 'customer', 'recycled')) AS decided,
        (SELECT count(DISTINCT contact_id)::int FROM handoffs WHERE org_id = ${acme}) AS handoffs,
        (SELECT count(*)::int FROM activities WHERE org_id = ${acme} AND occurred_at > ${now.toISOString()}::timestamptz)
        + (SELECT count(*)::int FROM asset_views WHERE org_id = ${acme} AND at > ${now.toISOString()}::timestamptz)
        + (SELECT count(*)::int FROM stage_changes WHERE org_id = ${acme} AND at > ${now.toISOString()}::timestamptz) AS future`),
    ).toEqual({ decided: 1405, handoffs: 1405, future: 0 })

    // Shares look like the app's: unique 22-character codes, made by the contact's owner; feedback only after a share.
    expect(
      await one(sql`
      SELECT count(*) FILTER (WHERE s.code !~ '^[A-Za-z0-9_-]{22}$')::int AS "badCodes", (count(*) - count(DISTINCT s.code))::int AS "sameCodes",
        count(*) FILTER (WHERE s.user_id <> c.owner_id)::int AS "notOwner"
      FROM asset_shares s JOIN contacts c ON c.org_id = s.org_id AND c.id = s.contact_id WHERE s.org_id = ${acme}`),
    ).toEqual({ badCodes: 0, sameCodes: 0, notOwner: 0 })
    expect(
      await one(sql`
      SELECT count(*)::int AS orphans FROM asset_feedback f WHERE f.org_id = ${acme} AND NOT EXISTS (
        SELECT 1 FROM asset_shares s WHERE s.org_id = f.org_id AND s.contact_id = f.contact_id AND s.asset_id = f.asset_id AND s.user_id = f.user_id AND s.shared_at < f.created_at)`),
    ).toEqual({ orphans: 0 })
    // Bot hits carry the reason bots.ts would give; people's views come after the share.
    expect(
      await rows(
        h.database.db,
        sql`
      SELECT flag_reason AS reason, count(*) > 0 AS seen FROM asset_views WHERE org_id = ${acme} AND flagged GROUP BY 1 ORDER BY 1`,
      ),
    ).toEqual(
      ["HEAD request (link checker)", "scanner: LinkedInBot", "scanner: Microsoft Office", "scanner: Mimecast", "scanner: Proofpoint"].map((reason) => ({
        reason,
        seen: true,
      })),
    )
    expect(
      await one(sql`
      SELECT count(*)::int AS early FROM asset_views v JOIN asset_shares s ON s.org_id = v.org_id AND s.id = v.share_id
      WHERE v.org_id = ${acme} AND (v.at <= s.shared_at OR (NOT v.flagged AND v.at < s.shared_at + interval '10 seconds'))`),
    ).toEqual({ early: 0 })

    // First touch is the earliest marketing event, as ingest would have set it.
    expect(
      await one(sql`
      SELECT count(*)::int AS wrong FROM contacts c CROSS JOIN LATERAL (
        SELECT source, campaign FROM marketing_events e WHERE e.org_id = c.org_id AND e.contact_id = c.id ORDER BY occurred_at, id LIMIT 1) f
      WHERE c.org_id = ${acme} AND (c.source IS DISTINCT FROM f.source OR c.campaign IS DISTINCT FROM f.campaign)`),
    ).toEqual({ wrong: 0 })

    // The story. Handed-over score band 60–69 is where "not a fit" rejections pile up…
    const bands = await rows<{ band: number; accepted: number; rejected: number; notAFit: number }>(
      h.database.db,
      sql`
      SELECT (s.score / 10) * 10 AS band, count(*) FILTER (WHERE h.decision = 'accept')::int AS accepted,
        count(*) FILTER (WHERE h.decision = 'reject')::int AS rejected, count(*) FILTER (WHERE h.reason = 'not_a_fit')::int AS "notAFit"
      FROM handoffs h JOIN stage_changes s ON s.org_id = h.org_id AND s.contact_id = h.contact_id AND s.from_stage = 'mql'
      WHERE h.org_id = ${acme} GROUP BY 1 ORDER BY 1`,
    )
    const band = (b: number) => bands.find((x) => x.band === b)!
    const acceptance = (bs: typeof bands) => bs.reduce((t, b) => t + b.accepted, 0) / bs.reduce((t, b) => t + b.accepted + b.rejected, 0)
    expect(acceptance([band(60)])).toBeLessThan(acceptance(bands.filter((b) => b.band > 60)) - 0.25)
    expect(band(60).notAFit).toBeGreaterThan(band(60).rejected * 0.75)
    expect(bands.filter((b) => b.band !== 60).reduce((t, b) => t + b.notAFit, 0)).toBe(0)
    // …carried over the threshold by webinars: nearly all of them attended one in the month before becoming an MQL.
    expect(
      await one(sql`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM marketing_events e WHERE e.org_id = c.org_id AND e.contact_id = c.id AND e.type = 'webinar_attended'
          AND e.occurred_at BETWEEN c.mql_at - interval '30 days' AND c.mql_at))::int AS webinar
      FROM handoffs h JOIN contacts c ON c.org_id = h.org_id AND c.id = h.contact_id
        JOIN contact_scores s ON s.org_id = c.org_id AND s.contact_id = c.id
      WHERE h.org_id = ${acme} AND h.reason = 'not_a_fit' AND s.fit_score = 0`),
    ).toEqual({ total: 172, webinar: 164 })
    // One rep misses the SLA far more often than the others.
    const sla = await rows<{ email: string; rate: number }>(
      h.database.db,
      sql`
      SELECT u.email, avg((t.first <= c.mql_at + interval '24 hours')::int)::float8 AS rate
      FROM contacts c JOIN users u ON u.org_id = c.org_id AND u.id = c.owner_id
      CROSS JOIN LATERAL (SELECT min(a.occurred_at) AS first FROM activities a WHERE a.org_id = c.org_id AND a.contact_id = c.id AND a.occurred_at >= c.mql_at) t
      WHERE c.org_id = ${acme} AND c.stage <> 'mql' AND c.mql_at IS NOT NULL GROUP BY 1 ORDER BY 2`,
    )
    expect(sla[0]!.email).toBe(story.slowRep)
    expect(sla[0]!.rate).toBeLessThan(0.55)
    expect(sla[1]!.rate).toBeGreaterThan(0.75)
    // One campaign's leads are rejected more and rated worst.
    const campaigns = await rows<{ campaign: string; rating: number; acceptance: number }>(
      h.database.db,
      sql`
      SELECT c.campaign, avg(f.rating)::float8 AS rating, avg((h.decision = 'accept')::int)::float8 AS acceptance
      FROM handoffs h JOIN contacts c ON c.org_id = h.org_id AND c.id = h.contact_id
      LEFT JOIN lead_feedback f ON f.org_id = h.org_id AND f.contact_id = h.contact_id
      WHERE h.org_id = ${acme} GROUP BY 1 ORDER BY 2`,
    )
    expect(campaigns[0]!.campaign).toBe(story.poorCampaign)
    expect(campaigns[0]!.rating).toBeLessThan(campaigns[1]!.rating - 1)
    expect(Math.min(...campaigns.map((c) => c.acceptance))).toBe(campaigns[0]!.acceptance)
    // MQLs who received ROI or pricing material were accepted more often than MQLs who received nothing.
    const influence = await rows<{ got: string; acceptance: number }>(
      h.database.db,
      sql`
      SELECT CASE WHEN bool_or(a.kind = 'pricing_guide' OR 'roi' = ANY(a.topics)) THEN 'roi' WHEN count(s.id) > 0 THEN 'other' ELSE 'none' END AS got,
        avg((h.decision = 'accept')::int)::float8 AS acceptance
      FROM handoffs h
      LEFT JOIN asset_shares s ON s.org_id = h.org_id AND s.contact_id = h.contact_id AND s.shared_at < h.created_at
      LEFT JOIN assets a ON a.org_id = s.org_id AND a.id = s.asset_id
      WHERE h.org_id = ${acme} GROUP BY h.id`,
    )
    const rate = (g: string) => influence.filter((r) => r.got === g).reduce((t, r) => t + r.acceptance, 0) / influence.filter((r) => r.got === g).length
    expect(rate("roi")).toBeGreaterThan(rate("none") + 0.15)
  }, 300_000)
})

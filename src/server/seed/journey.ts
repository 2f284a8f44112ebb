// What happened to each generated contact after it became an MQL: the first touch (on time or late), the
// handoff decision, later stage changes, the rep's rating of the lead, and the rep's activities. All of it
// is derived inside the database from one temporary table per batch, so the facts agree with each other
// (an accepted handoff has its mql→sql change at the same moment; the first touch comes before the decision).
import { type SQL } from "drizzle-orm"
import { type Executor, sql } from "../db/client"
import { rejectReasons } from "../../shared/vocabulary"
import { contactRange, days, hours, oneOf, pick, ts, unit, uuidFrom, weighted } from "./picks"
import { story } from "./story"
import { decisionStage } from "../../shared/lifecycle"
import { mqlReason } from "../lifecycle/service"
import { dayMs } from "../../shared/days"

export interface JourneyOptions {
  salt: string
  now: Date
  threshold: number
  engagementMax: number
  /** The rep who is behind on the SLA in this org, if any. */
  slowRepId: string | null
}

/** The batch's MQL-and-later contacts with every moment of their journey (dropped at commit). */
export async function createJourneyTable(tx: Executor, orgId: string, from: number, to: number, o: JourneyOptions) {
  const s = (k: string) => `${o.salt}:${k}`
  const id = sql`c.id`
  const now = ts(o.now)
  const badEnd = new Date(o.now.getTime() - story.badWeekDaysAgo * dayMs)
  const badStart = new Date(badEnd.getTime() - 7 * dayMs)
  // Hours to the first touch: most reps within a working day, the slow rep usually later, everyone late in the bad week.
  const touchHours = sql`
    CASE WHEN c.owner_id = ${o.slowRepId}::uuid THEN 2 + 60 * power(${unit(id, s("th"))}, 1.2) ELSE 0.5 + 30 * power(${unit(id, s("th"))}, 2.2) END
    + CASE WHEN c.mql_at >= ${ts(badStart)} AND c.mql_at < ${ts(badEnd)} THEN 20 ELSE 0 END`
  const otherReasons = weighted<string>([
    ["no_budget", 3],
    ["wrong_person", 3],
    ["already_customer", 1],
    ["duplicate", 1],
    ["other", 1],
  ])
  for (const r of otherReasons) if (!(rejectReasons as readonly string[]).includes(r)) throw new Error(`unknown reject reason ${r}`)
  await tx.execute(sql`
    CREATE TEMP TABLE seed_journey ON COMMIT DROP AS
    SELECT c.id, c.owner_id AS owner, c.stage, sc.fit_score AS fit, c.campaign, c.mql_at, t.touch_at, d.decided_at, op.opp_at, cu.cust_at,
      CASE WHEN c.stage IN ('sql', 'opportunity', 'customer') THEN 'accept' WHEN c.stage = 'recycled' THEN 'reject' END AS decision,
      CASE WHEN c.stage = 'recycled' THEN CASE WHEN sc.fit_score < 10 THEN 'not_a_fit' ELSE ${oneOf(otherReasons, id, s("rr"))} END END AS reason,
      -- The score the lead was handed over at: waiting MQLs have theirs now; off-profile rejections sit just over
      -- the threshold (webinar points on a fit near zero); the rest rise with fit.
      LEAST(100, CASE
        WHEN c.stage = 'mql' THEN GREATEST(sc.fit_score + LEAST(${o.engagementMax}::int, round(sc.engagement_value)::int),
          LEAST(sc.fit_score + 60, ${o.threshold}::int + floor(0.6 * sc.fit_score + 16 * ${unit(id, s("sc"))})::int))
        WHEN c.stage = 'recycled' AND sc.fit_score < 10 THEN LEAST(sc.fit_score + 60, GREATEST(${o.threshold}::int, sc.fit_score + 51 + ${pick(id, s("sc"), 10)}))
        ELSE LEAST(sc.fit_score + 60, ${o.threshold}::int + floor(0.6 * sc.fit_score + 16 * ${unit(id, s("sc"))})::int) END) AS score,
      CASE c.stage WHEN 'customer' THEN LEAST(${now}, cu.cust_at + interval '14 days') WHEN 'recycled' THEN d.decided_at ELSE ${now} END AS end_at
    FROM contacts c JOIN contact_scores sc ON sc.org_id = c.org_id AND sc.contact_id = c.id
    CROSS JOIN LATERAL (SELECT c.mql_at + ${hours(touchHours)} AS touch_at) t
    CROSS JOIN LATERAL (SELECT CASE WHEN c.stage <> 'mql' THEN t.touch_at + ${hours(sql`1 + 71 * ${unit(id, s("dc"))}`)} END AS decided_at) d
    CROSS JOIN LATERAL (SELECT CASE WHEN c.stage IN ('opportunity', 'customer')
      THEN d.decided_at + LEAST((${now} - d.decided_at) * 0.6, ${days(sql`3 + 40 * power(${unit(id, s("op"))}, 1.5)`)}) END AS opp_at) op
    CROSS JOIN LATERAL (SELECT CASE WHEN c.stage = 'customer'
      THEN op.opp_at + LEAST((${now} - op.opp_at) * 0.7, ${days(sql`7 + 60 * power(${unit(id, s("cu"))}, 1.3)`)}) END AS cust_at) cu
    WHERE c.org_id = ${orgId} AND c.id IN (${contactRange(orgId, from, to)})
      AND c.stage IN ('mql', 'sql', 'opportunity', 'customer', 'recycled') AND c.mql_at IS NOT NULL AND c.owner_id IS NOT NULL`)
  // Temporary tables are never analyzed automatically; the inserts below join it with large tables.
  await tx.execute(sql`ANALYZE seed_journey`)
}

export async function generateStageHistory(tx: Executor, orgId: string) {
  await tx.execute(sql`
    INSERT INTO stage_changes (org_id, contact_id, from_stage, to_stage, at, user_id, reason, score)
    SELECT ${orgId}, j.id, v.f, v.t, v.at, v.u, v.r, v.s
    FROM seed_journey j CROSS JOIN LATERAL (VALUES
      ('lead', 'mql', j.mql_at, NULL::uuid, ${mqlReason}::text, j.score),
      ('mql', CASE j.decision WHEN 'accept' THEN ${decisionStage.accept}::text ELSE ${decisionStage.reject}::text END, j.decided_at, j.owner, j.reason, j.score),
      ('sql', 'opportunity', j.opp_at, j.owner, NULL, NULL),
      ('opportunity', 'customer', j.cust_at, j.owner, NULL, NULL)) AS v(f, t, at, u, r, s)
    WHERE v.at IS NOT NULL`)
  await tx.execute(sql`
    UPDATE contacts c SET stage_changed_at = coalesce(j.cust_at, j.opp_at, j.decided_at, j.mql_at)
    FROM seed_journey j WHERE c.org_id = ${orgId} AND c.id = j.id`)
}

const rejectNotes: Record<string, string> = {
  not_a_fit: "Twelve-person team outside our segment; came in through a webinar.",
  no_budget: "Interested, but no budget until next fiscal year.",
  wrong_person: "Not the buyer; pointed me to their head of RevOps.",
  already_customer: "Their parent company is already a customer.",
  duplicate: "Same person as an open lead under another address.",
  other: "Student researching for a thesis.",
}

/** Handoff decisions and, for most of them, the rep's rating of the lead (the poor campaign rates lower). */
export async function generateHandoffs(tx: Executor, orgId: string, o: JourneyOptions) {
  const s = (k: string) => `${o.salt}:${k}`
  const id = sql`j.id`
  const notes = sql.join(
    Object.entries(rejectNotes).map(([r, n]) => sql`WHEN ${r} THEN ${n}`),
    sql` `,
  )
  await tx.execute(sql`
    INSERT INTO handoffs (org_id, id, contact_id, user_id, decision, reason, note, created_at)
    SELECT ${orgId}, ${uuidFrom(sql`j.id::text || ':h:' || ${o.salt}`)}, j.id, j.owner, j.decision, j.reason,
      CASE WHEN j.decision = 'reject' THEN CASE j.reason ${notes} END
        WHEN ${pick(id, s("hn"), 4)} = 0 THEN 'Budget confirmed; discovery call booked.' END,
      j.decided_at
    FROM seed_journey j WHERE j.decision IS NOT NULL`)
  const base = sql`CASE WHEN j.decision = 'accept' THEN 3 + ${pick(id, s("lr"), 3)} WHEN j.reason = 'not_a_fit' THEN 1 + ${pick(id, s("lr"), 2)} ELSE 2 + ${pick(id, s("lr"), 2)} END`
  await tx.execute(sql`
    INSERT INTO lead_feedback (org_id, id, contact_id, user_id, rating, reason, created_at)
    SELECT ${orgId}, ${uuidFrom(sql`j.id::text || ':lf:' || ${o.salt}`)}, j.id, j.owner, r.rating,
      (ARRAY['Wrong audience for us.', 'Thin on intent; downloaded one thing.', 'Early, but a real need.', 'Good fit and a clear need.',
        'Great lead: budget and timeline confirmed.'])[r.rating],
      j.decided_at + interval '10 minutes'
    FROM seed_journey j
    CROSS JOIN LATERAL (SELECT GREATEST(1, ${base} - CASE WHEN j.campaign = ${story.poorCampaign} THEN 1 + ${pick(id, s("lq"), 2)} ELSE 0 END)::int AS rating) r
    WHERE j.decision IS NOT NULL AND ${pick(id, s("lf"), 10)} < 6 AND j.decided_at + interval '10 minutes' < ${ts(o.now)}`)
}

const firstTouchTypes = weighted<string>([
  ["call", 3],
  ["email", 3],
  ["linkedin_message", 1],
])
const laterTypes = weighted<string>([
  ["email", 7],
  ["call", 5],
  ["meeting", 3],
  ["linkedin_message", 2],
  ["note", 3],
])
const notes = [
  "Walked through the forecasting dashboard; they want a pilot for one region.",
  "Asked for pricing for 40 seats.",
  "Budget owner is the CFO; next step is a call with her.",
  "Shared the fintech case study.",
  "Security review scheduled for next week.",
  "Not the right time; revisit next quarter.",
  "Left a voicemail about the benchmark report.",
  "Intro call: current process is spreadsheets.",
]

/**
 * The rep's activities: the first touch (the SLA clock stops here), then more as the deal moves: about 3
 * for an SQL, 4 for an opportunity, 5 for a customer. Nothing after `now`.
 */
export async function generateActivities(tx: Executor, orgId: string, o: JourneyOptions) {
  const s = (k: string) => `${o.salt}:${k}`
  const id = sql`j.id`
  const key = sql`(j.id::text || ':' || k.n)`
  const count = sql`CASE j.stage WHEN 'mql' THEN CASE WHEN j.touch_at < ${ts(o.now)} THEN 1 ELSE 0 END
    WHEN 'recycled' THEN 1 + (${pick(id, s("an"), 4)} = 0)::int WHEN 'sql' THEN 2 + ${pick(id, s("an"), 3)}
    WHEN 'opportunity' THEN 3 + ${pick(id, s("an"), 3)} ELSE 4 + ${pick(id, s("an"), 3)} END`
  const type: SQL = sql`CASE WHEN k.n = 0 THEN ${oneOf(firstTouchTypes, id, s("ft"))} ELSE ${oneOf(laterTypes, key, s("lt"))} END`
  await tx.execute(sql`
    INSERT INTO activities (org_id, id, contact_id, user_id, type, occurred_at, outcome, direction, duration_seconds, subject, notes, body_hash)
    SELECT ${orgId}, ${uuidFrom(sql`j.id::text || ':a:' || k.n || ${o.salt}`)}, j.id, j.owner, x.type, x.at,
      CASE WHEN x.type = 'call' THEN ${oneOf(["connected", "connected", "left_voicemail", "no_answer"], key, s("ao"))} END,
      CASE WHEN x.type IN ('email', 'linkedin_message') THEN CASE WHEN k.n > 0 AND ${pick(key, s("ad"), 4)} = 0 THEN 'inbound' ELSE 'outbound' END END,
      CASE WHEN x.type = 'call' THEN 120 + ${pick(key, s("du"), 1500)} WHEN x.type = 'meeting' THEN 1800 + 900 * ${pick(key, s("du"), 3)} END,
      CASE WHEN x.type = 'email' THEN CASE WHEN k.n = 0 THEN 'Following up on your interest in Acme' ELSE 'Next steps' END END,
      ${oneOf(notes, key, s("no"))}, 'seed'
    FROM seed_journey j
    CROSS JOIN LATERAL generate_series(0, ${count} - 1) AS k(n)
    CROSS JOIN LATERAL (SELECT ${type} AS type,
      CASE WHEN k.n = 0 THEN j.touch_at ELSE j.touch_at + (j.end_at - j.touch_at) * ${unit(key, s("at"))} END AS at) x
    WHERE x.at < ${ts(o.now)}`)
}

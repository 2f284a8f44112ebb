import { type Executor, jsonValue, rows, sql } from "../db/client"
import type { Applied } from "./scope"
import { contactCond, repCond, weekSql } from "./filters"

// The MQL → SQL handoff. One row per time a contact became an MQL in the period (a recycled lead that comes
// back is a new MQL). The rep is the contact's owner; "first touch" is the earliest activity, share or
// handoff decision by anyone on that contact at or after the moment it became an MQL — kept on write in
// mql_outcomes (migration 0005), so the report reads one row per MQL instead of probing four tables. The
// contact's owner, campaign, source and stage are kept on the same row (migration 0007): no contacts read. The
// columns read here are all in the index mql_outcomes_at (drizzle migration report_covering): a period is one range
// of it, no table row read.

/** The MQLs of the period with their outcome (from the mql_outcomes rollup); every part of the report groups this. */
export const mqlOutcomes = ({ orgId, f, p, now }: Applied, slaHours: number) => sql`
  SELECT m.mql_at AS at, m.owner_id, m.campaign, m.source, m.decision, m.reason,
    m.first_touch_at AS touch, extract(epoch FROM (m.first_touch_at - m.mql_at)) / 3600 AS touch_hours,
    CASE
      WHEN m.first_touch_at <= m.mql_at + make_interval(hours => ${slaHours}::int) THEN 'met'
      WHEN m.first_touch_at IS NOT NULL OR ${now.toISOString()}::timestamptz > m.mql_at + make_interval(hours => ${slaHours}::int) THEN 'missed'
      ELSE 'waiting'
    END AS sla,
    m.decision IS NULL AND m.stage = 'mql' AS undecided,
    m.recycled_at IS NOT NULL AS recycled,
    m.sql_at IS NOT NULL AS reached_sql, m.rating_sum, m.ratings,
    -- The contact's latest crossing of the period (its next one, kept on write, is not in it): one row per contact.
    (m.next_mql_at IS NULL OR m.next_mql_at >= ${p.end.toISOString()}) AS latest
  FROM mql_outcomes m
  WHERE m.org_id = ${orgId} AND m.mql_at >= ${p.start.toISOString()} AND m.mql_at < ${p.end.toISOString()}
    AND m.stage IS NOT NULL AND ${repCond(orgId, f, sql`m.owner_id`)} AND ${contactCond(f, sql`m`)}`

const slaCounts = sql`count(*)::int AS mqls, count(*) FILTER (WHERE sla = 'met')::int AS met,
  count(*) FILTER (WHERE sla = 'missed')::int AS missed, count(*) FILTER (WHERE sla = 'waiting')::int AS waiting`

/**
 * MQL → SQL and the reps' lead-quality ratings of those contacts, per first-touch campaign or source (rows of g).
 * Every rating of each contact counts once per key however many MQLs it had: ratings are kept on each of its
 * mql_outcomes rows (0009), all holding the same sums, and its campaign and source are the contact's on every row,
 * so its latest crossing of the period alone carries them.
 */
const conversionBy = (part: "by_campaign" | "by_source", key: "campaign_key" | "source_key") => sql`(
  SELECT coalesce(json_agg(json_build_object('key', ${sql.identifier(key)}, 'mqls', mqls, 'sqls', sqls, 'avgRating', avg_rating, 'ratings', ratings)
    ORDER BY mqls DESC, ${sql.identifier(key)}), '[]')
  FROM g WHERE ${sql.identifier(part)})`

export interface HandoffSql {
  summary: { created: number; accepted: number; rejected: number; recycled: number; waiting: number; n: number; median: number | null; p90: number | null }
  rejections: { reason: string; count: number }[]
  byRep: { repId: string; repName: string; team: string | null; mqls: number; met: number; missed: number; waiting: number }[]
  byWeek: { week: string; mqls: number; met: number; missed: number; waiting: number }[]
  byCampaign: { key: string; mqls: number; sqls: number; avgRating: number | null; ratings: number }[]
  bySource: { key: string; mqls: number; sqls: number; avgRating: number | null; ratings: number }[]
}

/**
 * The report in two statements that the service runs at once on two connections sharing one snapshot (reportHalves):
 * the summary (counts and the time-to-first-touch percentiles, a sort of every MQL's hours), and the parts (per rep,
 * week, campaign, source and reject reason, grouping sets). Each reads the period's MQLs from the index itself: one
 * statement for both, over a materialized copy of the MQLs, took 392-636 ms at 1,000,000 contacts, and writing that copy
 * cost more than reading the index twice (database CPU at 100,000 contacts 54 -> 36 ms per call).
 */
export async function handoffSummary(ex: Executor, a: Applied, slaHours: number): Promise<HandoffSql["summary"]> {
  const [r] = await rows<{ summary: HandoffSql["summary"] | string }>(
    ex,
    sql`
    SELECT json_build_object('created', count(*), 'accepted', count(*) FILTER (WHERE decision = 'accept'),
      'rejected', count(*) FILTER (WHERE decision = 'reject'), 'recycled', count(*) FILTER (WHERE recycled),
      'waiting', count(*) FILTER (WHERE undecided), 'n', count(touch),
      'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY touch_hours), 'p90', percentile_cont(0.9) WITHIN GROUP (ORDER BY touch_hours)) AS summary
    FROM (${mqlOutcomes(a, slaHours)}) o`,
  )
  return jsonValue(r!.summary)
}

export async function handoffParts(ex: Executor, a: Applied, slaHours: number): Promise<Omit<HandoffSql, "summary">> {
  const [r] = await rows<{ [K in Exclude<keyof HandoffSql, "summary">]: HandoffSql[K] | string }>(
    ex,
    sql`
    WITH o AS (${mqlOutcomes(a, slaHours)}),
    -- Per rep, week, campaign, source and reject reason in one pass over o (grouping sets), each part's rows marked.
    g AS MATERIALIZED (
      SELECT GROUPING(owner_id) = 0 AS by_rep, GROUPING(w) = 0 AS by_week, GROUPING(campaign_key) = 0 AS by_campaign,
        GROUPING(source_key) = 0 AS by_source, GROUPING(reason_key) = 0 AS by_reason, owner_id, w, campaign_key, source_key, reason_key,
        ${slaCounts}, count(*) FILTER (WHERE reached_sql)::int AS sqls,
        (sum(rating_sum) FILTER (WHERE latest)::numeric / nullif(sum(ratings) FILTER (WHERE latest), 0)::numeric)::float8 AS avg_rating,
        coalesce(sum(ratings) FILTER (WHERE latest), 0)::int AS ratings, count(*) FILTER (WHERE decision = 'reject')::int AS rejected
      FROM (SELECT o.*, date_trunc('week', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS w, coalesce(campaign, '(none)') AS campaign_key,
              coalesce(source, '(none)') AS source_key, coalesce(reason, 'other') AS reason_key FROM o) x
      GROUP BY GROUPING SETS ((owner_id), (w), (campaign_key), (source_key), (reason_key)))
    SELECT
      (SELECT coalesce(json_agg(json_build_object('reason', reason_key, 'count', rejected) ORDER BY rejected DESC, reason_key), '[]')
       FROM g WHERE by_reason AND rejected > 0) AS rejections,
      (SELECT coalesce(json_agg(json_build_object('repId', u.id, 'repName', u.name, 'team', u.team, 'mqls', x.mqls, 'met', x.met,
          'missed', x.missed, 'waiting', x.waiting) ORDER BY u.name, u.id), '[]')
       FROM g x JOIN users u ON u.org_id = ${a.orgId} AND u.id = x.owner_id WHERE x.by_rep) AS "byRep",
      (SELECT coalesce(json_agg(json_build_object('week', ${weekSql(sql`w`)}, 'mqls', mqls, 'met', met, 'missed', missed, 'waiting', waiting) ORDER BY w), '[]')
       -- Grouped by the week's start, then formatted: a dozen strings instead of one per MQL.
       FROM g WHERE by_week) AS "byWeek",
      ${conversionBy("by_campaign", "campaign_key")} AS "byCampaign",
      ${conversionBy("by_source", "source_key")} AS "bySource"`,
  )
  return {
    rejections: jsonValue(r!.rejections),
    byRep: jsonValue(r!.byRep),
    byWeek: jsonValue(r!.byWeek),
    byCampaign: jsonValue(r!.byCampaign),
    bySource: jsonValue(r!.bySource),
  }
}

import { type Executor, rows, sql } from "../db/client"
import type { Applied } from "./scope"
import { assetIn, contactIn, hasAssetFilter, hasContactFilter, repCond, weekSql, weeksSql } from "./filters"

// What reps logged, per rep and per week: activities by their author and time, shares by the sharer and
// when they were shared. Contact filters apply to both; asset filters only to shares.

const counts = sql`
  coalesce(sum(n) FILTER (WHERE kind = 'call'), 0)::int AS calls, coalesce(sum(n) FILTER (WHERE kind = 'email'), 0)::int AS emails,
  coalesce(sum(n) FILTER (WHERE kind = 'linkedin_message'), 0)::int AS "linkedinMessages",
  coalesce(sum(n) FILTER (WHERE kind = 'meeting'), 0)::int AS meetings, coalesce(sum(n) FILTER (WHERE kind = 'note'), 0)::int AS notes,
  coalesce(sum(n) FILTER (WHERE kind = 'share'), 0)::int AS shares`

const logged = ({ orgId, f, p }: Applied) => {
  const rawShares = sql`
  SELECT s.user_id, 'share', s.shared_at, 1 FROM asset_shares s
  WHERE s.org_id = ${orgId} AND s.shared_at >= ${p.start.toISOString()} AND s.shared_at < ${p.end.toISOString()}
    AND ${repCond(orgId, f, sql`s.user_id`)} AND ${contactIn(orgId, f, sql`s.contact_id`)} AND ${assetIn(orgId, f, sql`s.asset_id`)}`
  if (hasContactFilter(f))
    return sql`
  SELECT a.user_id, a.type AS kind, a.occurred_at AS at, 1 AS n FROM activities a
  WHERE a.org_id = ${orgId} AND a.occurred_at >= ${p.start.toISOString()} AND a.occurred_at < ${p.end.toISOString()}
    AND ${repCond(orgId, f, sql`a.user_id`)} AND ${contactIn(orgId, f, sql`a.contact_id`)}
  UNION ALL ${rawShares}`
  // Without a contact filter the daily rollup answers (activities: migration 0006; shares, as the type 'share':
  // drizzle migration rep_share_days): a few rows per rep and day. An asset filter needs the shares themselves.
  const assetFiltered = hasAssetFilter(f)
  return sql`
  SELECT d.user_id, d.type AS kind, d.day::timestamp AT TIME ZONE 'UTC' AS at, d.n FROM rep_activity_days d
  WHERE d.org_id = ${orgId} AND d.day >= ${p.from}::date AND d.day <= ${p.to}::date AND ${repCond(orgId, f, sql`d.user_id`)}
    ${assetFiltered ? sql`AND d.type <> 'share' UNION ALL ${rawShares}` : sql``}`
}

export interface Counts {
  calls: number
  emails: number
  linkedinMessages: number
  meetings: number
  notes: number
  shares: number
}

/** Every rep in the filter (with zeros when they logged nothing), and anyone else who logged something. */
export async function byRep(ex: Executor, a: Applied) {
  const { orgId, f } = a
  return rows<Counts & { repId: string; repName: string; team: string | null }>(
    ex,
    sql`
    WITH l AS (SELECT user_id, ${counts} FROM (${logged(a)}) x GROUP BY user_id)
    SELECT u.id AS "repId", u.name AS "repName", u.team,
      coalesce(l.calls, 0) AS calls, coalesce(l.emails, 0) AS emails, coalesce(l."linkedinMessages", 0) AS "linkedinMessages",
      coalesce(l.meetings, 0) AS meetings, coalesce(l.notes, 0) AS notes, coalesce(l.shares, 0) AS shares
    FROM users u LEFT JOIN l ON l.user_id = u.id
    WHERE u.org_id = ${orgId} AND (l.user_id IS NOT NULL OR u.role = 'rep') AND ${repCond(orgId, f, sql`u.id`)}
    ORDER BY u.name, u.id`,
  )
}

export async function byWeek(ex: Executor, a: Applied) {
  return rows<Counts & { week: string }>(
    ex,
    sql`
    WITH w AS (${weeksSql(a.p.start, a.p.end)}),
    l AS (SELECT ${weekSql(sql`at`)} AS week, ${counts} FROM (${logged(a)}) x GROUP BY 1)
    SELECT w.week, coalesce(l.calls, 0) AS calls, coalesce(l.emails, 0) AS emails, coalesce(l."linkedinMessages", 0) AS "linkedinMessages",
      coalesce(l.meetings, 0) AS meetings, coalesce(l.notes, 0) AS notes, coalesce(l.shares, 0) AS shares
    FROM w LEFT JOIN l ON l.week = w.week ORDER BY w.week`,
  )
}

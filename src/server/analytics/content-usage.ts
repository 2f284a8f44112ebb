import { type Executor, rows, sql } from "../db/client"
import type { ContentUsageRow } from "../../shared/contracts/analytics"
import type { Applied } from "./scope"
import { assetCond, assetIn, contactIn, hasAssetFilter, hasContactFilter, repCond, weekSql, weeksSql } from "./filters"

// Content usage, aggregated in SQL. Shares count by when they were shared; views and feedback by when they
// happened, on links and contacts the filters allow (a view in the period of a link shared before it counts).

const sharesIn = ({ orgId, f, p }: Applied) => sql`
  SELECT s.asset_id, s.user_id, s.contact_id, s.shared_at FROM asset_shares s
  WHERE s.org_id = ${orgId} AND s.shared_at >= ${p.start.toISOString()} AND s.shared_at < ${p.end.toISOString()}
    AND ${repCond(orgId, f, sql`s.user_id`)} AND ${contactIn(orgId, f, sql`s.contact_id`)} AND ${assetIn(orgId, f, sql`s.asset_id`)}`

const viewsIn = ({ orgId, f, p }: Applied) => {
  // The rep and contact filters live on the share; without them the view rows alone answer.
  const viaShare = f.rep || f.team || hasContactFilter(f)
  return sql`
  SELECT v.asset_id, v.at, v.flagged FROM asset_views v
  ${viaShare ? sql`JOIN asset_shares s ON s.org_id = v.org_id AND s.id = v.share_id` : sql``}
  WHERE v.org_id = ${orgId} AND v.at >= ${p.start.toISOString()} AND v.at < ${p.end.toISOString()}
    AND ${viaShare ? sql`${repCond(orgId, f, sql`s.user_id`)} AND ${contactIn(orgId, f, sql`s.contact_id`)}` : sql`TRUE`}
    AND ${assetIn(orgId, f, sql`v.asset_id`)}`
}

const feedbackIn = ({ orgId, f, p }: Applied) => sql`
  SELECT fb.asset_id, fb.helped FROM asset_feedback fb
  WHERE fb.org_id = ${orgId} AND fb.created_at >= ${p.start.toISOString()} AND fb.created_at < ${p.end.toISOString()}
    AND ${repCond(orgId, f, sql`fb.user_id`)} AND ${contactIn(orgId, f, sql`fb.contact_id`)} AND ${assetIn(orgId, f, sql`fb.asset_id`)}`

export async function usageRows(ex: Executor, a: Applied): Promise<ContentUsageRow[]> {
  const { orgId, f } = a
  const r = await rows<Omit<ContentUsageRow, "lastUsedAt"> & { lastUsedAt: string | Date | null }>(ex, sql`
    WITH s AS (
      SELECT asset_id, count(*)::int AS shares, count(DISTINCT user_id)::int AS reps, count(DISTINCT contact_id)::int AS contacts,
        max(shared_at) AS last_used
      FROM (${sharesIn(a)}) x GROUP BY asset_id
    ), v AS (
      SELECT asset_id, count(*) FILTER (WHERE NOT flagged)::int AS views, count(*) FILTER (WHERE flagged)::int AS bot_views
      FROM (${viewsIn(a)}) x GROUP BY asset_id
    ), fb AS (
      SELECT asset_id, count(*) FILTER (WHERE helped)::int AS helped, count(*) FILTER (WHERE NOT helped)::int AS not_helped
      FROM (${feedbackIn(a)}) x GROUP BY asset_id
    )
    SELECT a.id AS "assetId", a.title, a.kind, ARRAY(SELECT DISTINCT t FROM unnest(a.topics || a.industries) t ORDER BY t) AS tags,
      a.archived, coalesce(s.shares, 0) AS shares, coalesce(s.reps, 0) AS reps, coalesce(s.contacts, 0) AS contacts,
      coalesce(v.views, 0) AS views, coalesce(v.bot_views, 0) AS "botViews",
      coalesce(fb.helped, 0) AS helped, coalesce(fb.not_helped, 0) AS "notHelped", s.last_used AS "lastUsedAt"
    FROM assets a
    LEFT JOIN s ON s.asset_id = a.id LEFT JOIN v ON v.asset_id = a.id LEFT JOIN fb ON fb.asset_id = a.id
    WHERE a.org_id = ${orgId} AND ${hasAssetFilter(f) ? assetCond(f, sql`a`) : sql`TRUE`}
      -- Archived assets stay listed only while they still have something to show.
      AND (NOT a.archived OR s.asset_id IS NOT NULL OR v.asset_id IS NOT NULL OR fb.asset_id IS NOT NULL)
    ORDER BY coalesce(s.shares, 0) DESC, coalesce(v.views, 0) DESC, a.title, a.id`)
  return r.map((x) => ({ ...x, lastUsedAt: x.lastUsedAt === null ? null : new Date(x.lastUsedAt).toISOString() }))
}

export async function usageTotals(ex: Executor, a: Applied) {
  const r = await rows<{ shares: number; reps: number; contacts: number; views: number; botViews: number }>(ex, sql`
    SELECT s.shares, s.reps, s.contacts, v.views, v.bot_views AS "botViews" FROM
      (SELECT count(*)::int AS shares, count(DISTINCT user_id)::int AS reps, count(DISTINCT contact_id)::int AS contacts FROM (${sharesIn(a)}) x) s,
      (SELECT count(*) FILTER (WHERE NOT flagged)::int AS views, count(*) FILTER (WHERE flagged)::int AS bot_views FROM (${viewsIn(a)}) x) v`)
  return r[0]!
}

export async function usageWeekly(ex: Executor, a: Applied) {
  return rows<{ week: string; shares: number; views: number }>(ex, sql`
    WITH w AS (${weeksSql(a.p.start, a.p.end)}),
    s AS (SELECT ${weekSql(sql`shared_at`)} AS week, count(*)::int AS n FROM (${sharesIn(a)}) x GROUP BY 1),
    v AS (SELECT ${weekSql(sql`at`)} AS week, count(*)::int AS n FROM (${viewsIn(a)}) x WHERE NOT flagged GROUP BY 1)
    SELECT w.week, coalesce(s.n, 0) AS shares, coalesce(v.n, 0) AS views
    FROM w LEFT JOIN s ON s.week = w.week LEFT JOIN v ON v.week = w.week ORDER BY w.week`)
}

import type { SQL } from "drizzle-orm"
import { type Executor, jsonValue, rows, sql } from "../db/client"
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

/** The start of a timestamp's UTC week as a UTC timestamp: weekSql() of it is the week's label. */
const weekStart = (col: SQL) => sql`date_trunc('week', ${col} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`

type RawRow = Omit<ContentUsageRow, "lastUsedAt"> & { lastUsedAt: string | Date | null }
export interface Usage {
  totals: { shares: number; reps: number; contacts: number; views: number; botViews: number }
  weekly: { week: string; shares: number; views: number }[]
  rows: ContentUsageRow[]
}

/** The whole report from one read of the period's shares and views (each materialized once, grouped three ways). */
export async function usage(ex: Executor, a: Applied): Promise<Usage> {
  const { orgId, f } = a
  const [r] = await rows<{ totals: Usage["totals"] | string; weekly: Usage["weekly"] | string; rows: RawRow[] | string }>(
    ex,
    sql`
    WITH s AS MATERIALIZED (${sharesIn(a)}),
    v AS MATERIALIZED (${viewsIn(a)}),
    sa AS (
      SELECT asset_id, count(*)::int AS shares, count(DISTINCT user_id)::int AS reps, count(DISTINCT contact_id)::int AS contacts,
        max(shared_at) AS last_used
      FROM s GROUP BY asset_id),
    va AS (
      SELECT asset_id, count(*) FILTER (WHERE NOT flagged)::int AS views, count(*) FILTER (WHERE flagged)::int AS bot_views
      FROM v GROUP BY asset_id),
    fa AS (
      SELECT asset_id, count(*) FILTER (WHERE helped)::int AS helped, count(*) FILTER (WHERE NOT helped)::int AS not_helped
      FROM (${feedbackIn(a)}) x GROUP BY asset_id),
    w AS (${weeksSql(a.p.start, a.p.end)})
    SELECT
      (SELECT json_build_object('shares', count(*), 'reps', count(DISTINCT user_id), 'contacts', count(DISTINCT contact_id),
         'views', (SELECT count(*) FROM v WHERE NOT flagged), 'botViews', (SELECT count(*) FROM v WHERE flagged)) FROM s) AS totals,
      (SELECT json_agg(json_build_object('week', w.week, 'shares', coalesce(ws.n, 0), 'views', coalesce(wv.n, 0)) ORDER BY w.week)
       FROM w
       -- Grouped by the week's start, then formatted: a dozen strings instead of one per share and view.
       LEFT JOIN (SELECT ${weekSql(sql`wk`)} AS week, n FROM (SELECT ${weekStart(sql`shared_at`)} AS wk, count(*) AS n FROM s GROUP BY 1) x) ws
         ON ws.week = w.week
       LEFT JOIN (SELECT ${weekSql(sql`wk`)} AS week, n FROM (SELECT ${weekStart(sql`at`)} AS wk, count(*) AS n FROM v WHERE NOT flagged GROUP BY 1) x) wv
         ON wv.week = w.week) AS weekly,
      (SELECT coalesce(json_agg(json_build_object('assetId', a.id, 'title', a.title, 'kind', a.kind,
          'tags', ARRAY(SELECT DISTINCT t FROM unnest(a.topics || a.industries) t ORDER BY t), 'archived', a.archived,
          'shares', coalesce(sa.shares, 0), 'reps', coalesce(sa.reps, 0), 'contacts', coalesce(sa.contacts, 0),
          'views', coalesce(va.views, 0), 'botViews', coalesce(va.bot_views, 0), 'helped', coalesce(fa.helped, 0),
          'notHelped', coalesce(fa.not_helped, 0), 'lastUsedAt', sa.last_used)
          ORDER BY coalesce(sa.shares, 0) DESC, coalesce(va.views, 0) DESC, a.title, a.id), '[]')
       FROM assets a
       LEFT JOIN sa ON sa.asset_id = a.id LEFT JOIN va ON va.asset_id = a.id LEFT JOIN fa ON fa.asset_id = a.id
       WHERE a.org_id = ${orgId} AND ${hasAssetFilter(f) ? assetCond(f, sql`a`) : sql`TRUE`}
         -- Archived assets stay listed only while they still have something to show.
         AND (NOT a.archived OR sa.asset_id IS NOT NULL OR va.asset_id IS NOT NULL OR fa.asset_id IS NOT NULL)) AS rows`,
  )
  return {
    totals: jsonValue(r!.totals),
    weekly: jsonValue(r!.weekly),
    rows: jsonValue(r!.rows).map((x) => ({ ...x, lastUsedAt: x.lastUsedAt === null ? null : new Date(x.lastUsedAt).toISOString() })),
  }
}

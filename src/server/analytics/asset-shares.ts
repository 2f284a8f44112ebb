import { type Executor, one, rows, sql } from "../db/client"
import type { AssetShareRow } from "../../shared/contracts/analytics"
import type { Applied } from "./scope"
import { contactIn, repCond } from "./filters"

/** A share's position in newest-first order: the timestamp to the microsecond (as SQL prints it) and the id. */
export interface ShareKey {
  at: string
  id: string
}

/** Microsecond UTC text: a JS Date would round seeded timestamps to milliseconds and skip or repeat rows. */
export const usText = (col: ReturnType<typeof sql>) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

export async function findAsset(ex: Executor, orgId: string, assetId: string) {
  return one<{ id: string; title: string; kind: string }>(ex, sql`SELECT id, title, kind FROM assets WHERE org_id = ${orgId} AND id = ${assetId}`)
}

type Raw = Omit<AssetShareRow, "sharedAt" | "firstViewedAt" | "rep" | "contact"> & {
  sharedAt: string | Date
  firstViewedAt: string | Date | null
  key: string
  repId: string
  repName: string
  contactId: string
  contactName: string
  company: string | null
  email: string | null
}

/** The shares of one asset in the period, newest first, after `after`; views counted over the link's whole life. */
export async function assetShares(ex: Executor, a: Applied, assetId: string, limit: number, after: ShareKey | null) {
  const { orgId, f, p } = a
  const r = await rows<Raw>(
    ex,
    sql`
    SELECT s.id AS "shareId", s.shared_at AS "sharedAt", ${usText(sql`s.shared_at`)} AS key, s.channel,
      s.user_id AS "repId", coalesce(u.name, '(removed user)') AS "repName",
      s.contact_id AS "contactId", trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) AS "contactName", c.company,
      (SELECT e.email FROM contact_emails e WHERE e.org_id = s.org_id AND e.contact_id = s.contact_id ORDER BY e.is_primary DESC, e.email LIMIT 1) AS email,
      coalesce(v.views, 0) AS views, coalesce(v.bot_views, 0) AS "botViews", v.first_viewed AS "firstViewedAt"
    FROM asset_shares s
    JOIN contacts c ON c.org_id = s.org_id AND c.id = s.contact_id
    LEFT JOIN users u ON u.org_id = s.org_id AND u.id = s.user_id
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE NOT flagged)::int AS views, count(*) FILTER (WHERE flagged)::int AS bot_views,
        min(at) FILTER (WHERE NOT flagged) AS first_viewed
      FROM asset_views v WHERE v.org_id = s.org_id AND v.share_id = s.id) v ON TRUE
    WHERE s.org_id = ${orgId} AND s.asset_id = ${assetId}
      AND s.shared_at >= ${p.start.toISOString()} AND s.shared_at < ${p.end.toISOString()}
      AND ${repCond(orgId, f, sql`s.user_id`)} AND ${contactIn(orgId, f, sql`s.contact_id`)}
      AND ${after ? sql`(s.shared_at, s.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql`TRUE`}
    ORDER BY s.shared_at DESC, s.id DESC
    LIMIT ${limit}`,
  )
  return r.map((x): AssetShareRow & { key: ShareKey } => ({
    shareId: x.shareId,
    sharedAt: new Date(x.sharedAt).toISOString(),
    channel: x.channel,
    rep: { id: x.repId, name: x.repName },
    contact: { id: x.contactId, name: x.contactName || "(no name)", company: x.company, email: x.email },
    views: x.views,
    botViews: x.botViews,
    firstViewedAt: x.firstViewedAt === null ? null : new Date(x.firstViewedAt).toISOString(),
    key: { at: x.key, id: x.shareId },
  }))
}

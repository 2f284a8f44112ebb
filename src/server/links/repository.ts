import { type Executor, one, sql } from "../db/client"

export interface LinkTarget {
  orgId: string
  shareId: string
  assetId: string
  contactId: string
  channel: string
  createdAt: string | Date
  url: string
}

/**
 * The one lookup not scoped by org: a tracked link arrives as a bare code, which is unique on its own.
 * The share row is locked until the click is recorded, so two clicks of one visitor at once count as one view.
 */
export async function findByCode(ex: Executor, code: string) {
  return one<LinkTarget>(
    ex,
    sql`
    SELECT s.org_id AS "orgId", s.id AS "shareId", s.asset_id AS "assetId", s.contact_id AS "contactId", s.channel,
      s.created_at AS "createdAt", a.url
    FROM asset_shares s JOIN assets a ON a.org_id = s.org_id AND a.id = s.asset_id
    WHERE s.code = ${code}
    FOR NO KEY UPDATE OF s`,
  )
}

/** The visitor's view of this link, flagged the same way, counted since `since`, if there is one. */
export async function recentView(ex: Executor, t: LinkTarget, visitor: string, flagged: boolean, since: Date) {
  return one<{ id: string }>(
    ex,
    sql`
    SELECT id::text AS id FROM asset_views
    WHERE org_id = ${t.orgId} AND share_id = ${t.shareId} AND visitor = ${visitor} AND at >= ${since.toISOString()} AND flagged = ${flagged}
    ORDER BY at DESC LIMIT 1`,
  )
}

/** A repeat click: counted on the view it repeats, with no row or marketing event of its own. */
export async function addRepeat(ex: Executor, orgId: string, viewId: string, at: Date) {
  await ex.execute(sql`UPDATE asset_views SET repeats = repeats + 1, last_at = ${at.toISOString()} WHERE org_id = ${orgId} AND id = ${viewId}`)
}

export async function insertView(
  ex: Executor,
  t: LinkTarget,
  v: { at: Date; userAgent: string | null; method: string; flagReason: string | null; visitor: string },
) {
  const r = await one<{ id: string }>(
    ex,
    sql`
    INSERT INTO asset_views (org_id, share_id, asset_id, contact_id, at, user_agent, method, flagged, flag_reason, visitor)
    VALUES (${t.orgId}, ${t.shareId}, ${t.assetId}, ${t.contactId}, ${v.at.toISOString()}, ${v.userAgent}, ${v.method}, ${v.flagReason !== null},
      ${v.flagReason}, ${v.visitor})
    RETURNING id::text AS id`,
  )
  return r!.id
}

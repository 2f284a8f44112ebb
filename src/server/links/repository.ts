import { type Executor, one, sql } from "../db/client"

export interface LinkTarget { orgId: string; shareId: string; assetId: string; contactId: string; channel: string; createdAt: string | Date; url: string }

/** The one lookup not scoped by org: a tracked link arrives as a bare code, which is unique on its own. */
export async function findByCode(ex: Executor, code: string) {
  return one<LinkTarget>(ex, sql`
    SELECT s.org_id AS "orgId", s.id AS "shareId", s.asset_id AS "assetId", s.contact_id AS "contactId", s.channel,
      s.created_at AS "createdAt", a.url
    FROM asset_shares s JOIN assets a ON a.org_id = s.org_id AND a.id = s.asset_id
    WHERE s.code = ${code}`)
}

export async function insertView(ex: Executor, t: LinkTarget, v: { at: Date; userAgent: string | null; method: string; flagReason: string | null }) {
  const r = await one<{ id: string }>(ex, sql`
    INSERT INTO asset_views (org_id, share_id, asset_id, contact_id, at, user_agent, method, flagged, flag_reason)
    VALUES (${t.orgId}, ${t.shareId}, ${t.assetId}, ${t.contactId}, ${v.at.toISOString()}, ${v.userAgent}, ${v.method}, ${v.flagReason !== null}, ${v.flagReason})
    RETURNING id::text AS id`)
  return r!.id
}

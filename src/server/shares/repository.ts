import { and, eq } from "drizzle-orm"
import { type Builder, type Executor, one, rows, sql } from "../db/client"
import { assetFeedback, type assetShares, assets, type users } from "../db/schema"
import type { AssetFeedbackInput, ShareInput } from "../../shared/contracts/assets"

type Share = typeof assetShares.$inferSelect
type Feedback = typeof assetFeedback.$inferSelect

/** `code` is the code the share shows its rep: asked_code when the client's code was another org's (migration 0010). */
export type ShareRow = Pick<Share, "id" | "assetId" | "contactId" | "userId" | "channel" | "code" | "sharedAt" | "bodyHash" | "createdAt">

/**
 * Inserts unless the id exists or the code is taken (codes are unique across orgs); returns true when
 * this call created it. No conflict target on purpose: a client-made code that collides must come back
 * as "not inserted", never as a unique-violation error.
 */
export async function insertIfNew(
  ex: Executor,
  orgId: string,
  userId: string,
  s: ShareInput,
  code: string,
  bodyHash: string,
  now: Date,
  askedCode: string | null = null,
) {
  const r = await one<{ id: string }>(
    ex,
    sql`
    INSERT INTO asset_shares (org_id, id, asset_id, contact_id, user_id, channel, code, shared_at, created_at, body_hash, asked_code)
    VALUES (${orgId}, ${s.id}, ${s.assetId}, ${s.contactId}, ${userId}, ${s.channel}, ${code}, ${s.sharedAt}, ${now.toISOString()}, ${bodyHash}, ${askedCode})
    ON CONFLICT DO NOTHING RETURNING id`,
  )
  return !!r
}

/** Whether a share of this org already shows this code (as its link code or as the code its client asked for). */
export async function codeUsedInOrg(ex: Executor, orgId: string, code: string) {
  return !!(await one(
    ex,
    sql`
    SELECT 1 FROM asset_shares WHERE code = ${code} AND org_id = ${orgId}
    UNION ALL
    SELECT 1 FROM asset_shares WHERE org_id = ${orgId} AND asked_code = ${code} AND asked_code IS NOT NULL
    LIMIT 1`,
  ))
}

export type ShareListRow = Pick<Share, "id" | "assetId" | "contactId" | "channel" | "code" | "sharedAt"> & {
  assetTitle: (typeof assets.$inferSelect)["title"]
  assetKind: (typeof assets.$inferSelect)["kind"]
  sharedBy: (typeof users.$inferSelect)["name"] | null
  byMe: boolean
  /** This user's latest feedback on the asset for the contact, if any. */
  helped: Feedback["helped"] | null
  feedbackAt: Feedback["createdAt"] | null
}

/** A contact's shares, newest first, with the asset, who shared it and this user's latest feedback on that asset. */
export async function listForContact(ex: Executor, orgId: string, userId: string, contactId: string, limit: number) {
  return rows<ShareListRow>(
    ex,
    sql`
    SELECT s.id, s.asset_id AS "assetId", s.contact_id AS "contactId", s.channel, coalesce(s.asked_code, s.code) AS code, s.shared_at AS "sharedAt",
      a.title AS "assetTitle", a.kind AS "assetKind", u.name AS "sharedBy", (s.user_id = ${userId}) AS "byMe",
      f.helped, f.created_at AS "feedbackAt"
    FROM asset_shares s
    JOIN assets a ON a.org_id = s.org_id AND a.id = s.asset_id
    LEFT JOIN users u ON u.org_id = s.org_id AND u.id = s.user_id
    LEFT JOIN LATERAL (
      SELECT helped, created_at FROM asset_feedback
      WHERE org_id = s.org_id AND contact_id = s.contact_id AND asset_id = s.asset_id AND user_id = ${userId}
      ORDER BY created_at DESC LIMIT 1
    ) f ON true
    WHERE s.org_id = ${orgId} AND s.contact_id = ${contactId}
    ORDER BY s.shared_at DESC, s.created_at DESC, s.id
    LIMIT ${limit}`,
  )
}

export async function findById(ex: Executor, orgId: string, id: string) {
  return one<ShareRow>(
    ex,
    sql`
    SELECT id, asset_id AS "assetId", contact_id AS "contactId", user_id AS "userId", channel, coalesce(asked_code, code) AS code, shared_at AS "sharedAt",
      body_hash AS "bodyHash", created_at AS "createdAt"
    FROM asset_shares WHERE org_id = ${orgId} AND id = ${id}`,
  )
}

/** The live-or-archived state of an asset, to refuse sharing what marketing withdrew. */
export async function assetState(db: Builder, orgId: string, id: string) {
  const [r] = await db
    .select({ archived: assets.archived })
    .from(assets)
    .where(and(eq(assets.orgId, orgId), eq(assets.id, id)))
  return r
}

export async function hasShared(ex: Executor, orgId: string, userId: string, assetId: string, contactId: string) {
  return !!(await one(
    ex,
    sql`SELECT 1 FROM asset_shares
    WHERE org_id = ${orgId} AND contact_id = ${contactId} AND asset_id = ${assetId} AND user_id = ${userId} LIMIT 1`,
  ))
}

export type FeedbackRow = Pick<Feedback, "id" | "assetId" | "contactId" | "helped" | "note" | "bodyHash" | "createdAt">

/** Inserts unless the id exists; true when this call created it. */
export async function insertFeedbackIfNew(db: Builder, orgId: string, userId: string, id: string, f: AssetFeedbackInput, bodyHash: string) {
  const r = await db
    .insert(assetFeedback)
    .values({ orgId, id, assetId: f.assetId, contactId: f.contactId, userId, helped: f.helped, note: f.note ?? null, bodyHash })
    .onConflictDoNothing({ target: [assetFeedback.orgId, assetFeedback.id] })
    .returning({ id: assetFeedback.id })
  return r.length > 0
}

export async function findFeedback(db: Builder, orgId: string, id: string): Promise<FeedbackRow | undefined> {
  const f = assetFeedback
  const [r] = await db
    .select({ id: f.id, assetId: f.assetId, contactId: f.contactId, helped: f.helped, note: f.note, bodyHash: f.bodyHash, createdAt: f.createdAt })
    .from(f)
    .where(and(eq(f.orgId, orgId), eq(f.id, id)))
  return r
}

import { type Executor, rows, sql } from "../db/client"
import type { Applied } from "./scope"
import { assetIn, contactIn, repCond } from "./filters"
import { usText, type ShareKey } from "./asset-shares"

// Raw rows behind the reports, for CSV export: a page at a time in keyset order (time, id), so a million rows
// cost a million index steps and never one big result in memory.

export type Key = ShareKey

export interface ActivityRow {
  id: string
  occurredAt: string
  type: string
  repId: string
  repName: string | null
  contactId: string
  contactName: string
  company: string | null
  outcome: string | null
  direction: string | null
  durationSeconds: number | null
  subject: string | null
  key: string
}

export async function activitiesPage(ex: Executor, a: Applied, after: Key | null, limit: number) {
  const { orgId, f, p } = a
  return rows<ActivityRow>(
    ex,
    sql`
    SELECT x.id, ${usText(sql`x.occurred_at`)} AS "occurredAt", x.type, x.user_id AS "repId", u.name AS "repName", x.contact_id AS "contactId",
      trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) AS "contactName", c.company,
      x.outcome, x.direction, x.duration_seconds AS "durationSeconds", x.subject, ${usText(sql`x.occurred_at`)} AS key
    FROM activities x
    JOIN contacts c ON c.org_id = x.org_id AND c.id = x.contact_id
    LEFT JOIN users u ON u.org_id = x.org_id AND u.id = x.user_id
    WHERE x.org_id = ${orgId} AND x.occurred_at >= ${p.start.toISOString()} AND x.occurred_at < ${p.end.toISOString()}
      AND ${repCond(orgId, f, sql`x.user_id`)} AND ${contactIn(orgId, f, sql`x.contact_id`)}
      AND ${after ? sql`(x.occurred_at, x.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql`TRUE`}
    ORDER BY x.occurred_at, x.id LIMIT ${limit}`,
  )
}

export interface ShareRow {
  id: string
  sharedAt: string
  assetId: string
  assetTitle: string
  assetKind: string
  channel: string
  repId: string
  repName: string | null
  contactId: string
  contactName: string
  company: string | null
  key: string
}

export async function sharesPage(ex: Executor, a: Applied, after: Key | null, limit: number) {
  const { orgId, f, p } = a
  return rows<ShareRow>(
    ex,
    sql`
    SELECT s.id, ${usText(sql`s.shared_at`)} AS "sharedAt", s.asset_id AS "assetId", t.title AS "assetTitle", t.kind AS "assetKind", s.channel,
      s.user_id AS "repId", u.name AS "repName", s.contact_id AS "contactId",
      trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) AS "contactName", c.company, ${usText(sql`s.shared_at`)} AS key
    FROM asset_shares s
    JOIN assets t ON t.org_id = s.org_id AND t.id = s.asset_id
    JOIN contacts c ON c.org_id = s.org_id AND c.id = s.contact_id
    LEFT JOIN users u ON u.org_id = s.org_id AND u.id = s.user_id
    WHERE s.org_id = ${orgId} AND s.shared_at >= ${p.start.toISOString()} AND s.shared_at < ${p.end.toISOString()}
      AND ${repCond(orgId, f, sql`s.user_id`)} AND ${contactIn(orgId, f, sql`s.contact_id`)} AND ${assetIn(orgId, f, sql`s.asset_id`)}
      AND ${after ? sql`(s.shared_at, s.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql`TRUE`}
    ORDER BY s.shared_at, s.id LIMIT ${limit}`,
  )
}

import { type Executor, one, pgArray, sql } from "../db/client"
import type { ActivityInput } from "../../shared/contracts/activities"

export interface ActivityRow extends ActivityInput { userId: string; createdAt: string | Date; bodyHash: string }

/** Inserts unless the id exists; returns true when this call created it. */
export async function insertIfNew(ex: Executor, orgId: string, userId: string, a: ActivityInput, bodyHash: string) {
  const r = await one<{ id: string }>(ex, sql`
    INSERT INTO activities (org_id, id, contact_id, user_id, type, occurred_at, outcome, direction, duration_seconds, subject, notes, asset_ids, body_hash)
    VALUES (${orgId}, ${a.id}, ${a.contactId}, ${userId}, ${a.type}, ${a.occurredAt}, ${a.outcome ?? null}, ${a.direction ?? null},
      ${a.durationSeconds ?? null}, ${a.subject ?? null}, ${a.notes ?? null}, ${pgArray(a.assetIds ?? [])}::uuid[], ${bodyHash})
    ON CONFLICT (org_id, id) DO NOTHING RETURNING id`)
  return !!r
}

export async function findById(ex: Executor, orgId: string, id: string) {
  return one<ActivityRow>(ex, sql`
    SELECT id, contact_id AS "contactId", user_id AS "userId", type, occurred_at AS "occurredAt", outcome, direction,
      duration_seconds AS "durationSeconds", subject, notes, asset_ids AS "assetIds", body_hash AS "bodyHash", created_at AS "createdAt"
    FROM activities WHERE org_id = ${orgId} AND id = ${id}`)
}

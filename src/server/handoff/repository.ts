import { type Executor, one, sql } from "../db/client"
import type { Decision } from "../../shared/lifecycle"

/** A decision already made under this id (a resend of the same request, or a reuse of its id). */
export async function findHandoff(ex: Executor, orgId: string, id: string) {
  return one<{ contactId: string; decision: Decision }>(
    ex,
    sql`SELECT contact_id AS "contactId", decision FROM handoffs WHERE org_id = ${orgId} AND id = ${id}`,
  )
}

export async function insertHandoff(
  ex: Executor,
  orgId: string,
  h: { id: string; contactId: string; userId: string; decision: Decision; reason: string | null; note: string | null },
) {
  await ex.execute(sql`INSERT INTO handoffs (org_id, id, contact_id, user_id, decision, reason, note)
    VALUES (${orgId}, ${h.id}, ${h.contactId}, ${h.userId}, ${h.decision}, ${h.reason}, ${h.note})`)
}

/** A resend with the same id records nothing new. */
export async function insertFeedback(ex: Executor, orgId: string, f: { id: string; contactId: string; userId: string; rating: number; reason: string | null }) {
  await ex.execute(sql`INSERT INTO lead_feedback (org_id, id, contact_id, user_id, rating, reason)
    VALUES (${orgId}, ${f.id}, ${f.contactId}, ${f.userId}, ${f.rating}, ${f.reason})
    ON CONFLICT (org_id, id) DO NOTHING`)
}

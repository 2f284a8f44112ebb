import { type Executor, pgArray, rows, sql } from "../db/client"

/** One contact's move from one stage to another, with who made it, why, and the score at that moment when known. */
export interface StageChange {
  contactId: string
  from: string
  to: string
  userId: string | null
  reason: string | null
  score: number | null
}

/**
 * Moves contacts to their new stages and records each move in stage_changes: two statements for any number of
 * contacts (one UPDATE, one INSERT). Entering MQL starts the follow-up clock (mql_at). A contact that is no
 * longer in `from` (it moved meanwhile) is left alone and nothing is recorded for it. Returns the moves made.
 */
export async function moveStages(ex: Executor, orgId: string, changes: StageChange[], at: Date): Promise<StageChange[]> {
  if (changes.length === 0) return []
  const when = at.toISOString()
  const moved = await rows<{ id: string }>(
    ex,
    sql`
    UPDATE contacts c SET stage = v.to_stage, stage_changed_at = ${when}::timestamptz,
      mql_at = CASE WHEN v.to_stage = 'mql' THEN ${when}::timestamptz ELSE c.mql_at END, updated_at = now()
    FROM unnest(${pgArray(changes.map((c) => c.contactId))}::uuid[], ${pgArray(changes.map((c) => c.from))}::text[],
      ${pgArray(changes.map((c) => c.to))}::text[]) AS v(id, from_stage, to_stage)
    WHERE c.org_id = ${orgId} AND c.id = v.id AND c.stage = v.from_stage
    RETURNING c.id`,
  )
  const ids = new Set(moved.map((m) => m.id))
  const made = changes.filter((c) => ids.has(c.contactId))
  if (made.length === 0) return []
  await ex.execute(sql`
    INSERT INTO stage_changes (org_id, contact_id, from_stage, to_stage, at, user_id, reason, score)
    SELECT ${orgId}, v.contact_id, v.from_stage, v.to_stage, ${when}::timestamptz, v.user_id, v.reason, v.score
    FROM unnest(${pgArray(made.map((c) => c.contactId))}::uuid[], ${pgArray(made.map((c) => c.from))}::text[], ${pgArray(made.map((c) => c.to))}::text[],
      ${pgArray(made.map((c) => c.userId))}::uuid[], ${pgArray(made.map((c) => c.reason))}::text[],
      ${pgArray(made.map((c) => (c.score === null ? null : String(c.score))))}::int[]) AS v(contact_id, from_stage, to_stage, user_id, reason, score)`)
  return made
}

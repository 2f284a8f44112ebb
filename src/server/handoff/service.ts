import { randomUUID } from "node:crypto"
import type { Db } from "../db/client"
import { one, sql } from "../db/client"
import { Conflict, NotFound } from "../errors"
import type { Principal } from "../auth/service"
import type { HandoffInput, HandoffResult, LeadFeedbackInput } from "../../shared/contracts/handoff"
import type { Stage } from "../../shared/contracts/common"
import * as contacts from "../contacts/repository"
import { getSettings } from "../settings/service"
import { engagementNow, totalScore } from "../../shared/scoring"

/**
 * The MQL → SQL handoff: accept moves the lead to sql (the SLA is met), reject recycles it to
 * marketing with the reason. A repeat with the same id returns the first decision.
 */
export async function decide(db: Db, p: Principal, contactId: string, input: HandoffInput, now = new Date()): Promise<HandoffResult> {
  const id = input.id ?? randomUUID()
  return db.transaction(async (tx) => {
    const prior = await one<{ contactId: string; decision: "accept" | "reject" }>(
      tx,
      sql`
      SELECT contact_id AS "contactId", decision FROM handoffs WHERE org_id = ${p.orgId} AND id = ${id}`,
    )
    const c = await one<{ stage: Stage; fit: number; value: number; at: string | Date }>(
      tx,
      sql`
      SELECT stage, fit_score AS fit, engagement_value AS value, engagement_at AS at FROM contacts WHERE org_id = ${p.orgId} AND id = ${contactId} FOR UPDATE`,
    )
    if (!c) throw new NotFound("contact")
    if (prior) {
      if (prior.contactId !== contactId || prior.decision !== input.decision) throw new Conflict("this handoff id was already used for a different decision")
      return { contactId, stage: c.stage, decision: prior.decision }
    }
    if (c.stage !== "mql") throw new Conflict(`only an MQL can be accepted or rejected; this contact is ${c.stage}`)
    const to: Stage = input.decision === "accept" ? "sql" : "recycled"
    await tx.execute(sql`INSERT INTO handoffs (org_id, id, contact_id, user_id, decision, reason, note)
      VALUES (${p.orgId}, ${id}, ${contactId}, ${p.userId}, ${input.decision}, ${input.reason ?? null}, ${input.note ?? null})`)
    // The score at the decision goes with the stage change, so calibration sees what sales was handed.
    const rules = (await getSettings(tx, p.orgId)).scoring
    const score = totalScore(c.fit, engagementNow({ value: Number(c.value), at: new Date(c.at) }, now, rules.halfLifeDays), rules).total
    await contacts.setStage(tx, p.orgId, contactId, c.stage, to, p.userId, input.reason ?? null, now, score)
    return { contactId, stage: to, decision: input.decision }
  })
}

export async function leadFeedback(db: Db, p: Principal, contactId: string, input: LeadFeedbackInput) {
  if (!(await contacts.exists(db, p.orgId, contactId))) throw new NotFound("contact")
  await db.execute(sql`INSERT INTO lead_feedback (org_id, id, contact_id, user_id, rating, reason)
    VALUES (${p.orgId}, ${input.id ?? randomUUID()}, ${contactId}, ${p.userId}, ${input.rating}, ${input.reason ?? null})
    ON CONFLICT (org_id, id) DO NOTHING`)
  return { ok: true as const }
}

import { randomUUID } from "node:crypto"
import { type Db, retriedTransaction } from "../db/client"
import { Conflict, NotFound } from "../errors"
import type { Principal } from "../auth/service"
import type { HandoffInput, HandoffResult, LeadFeedbackInput } from "../../shared/contracts/handoff"
import type { Stage } from "../../shared/contracts/common"
import * as contacts from "../contacts/repository"
import * as lifecycle from "../lifecycle/service"
import { lockScoreState } from "../scores/repository"
import { currentTotal } from "../scores/service"
import { getSettings } from "../settings/service"
import * as repo from "./repository"

/**
 * The MQL → SQL handoff: sales accepts or rejects the lead (what each leads to is the lifecycle's rule), and the
 * answer names the stage the server recorded. A repeat with the same id returns the first decision.
 */
export async function decide(db: Db, p: Principal, contactId: string, input: HandoffInput, now = new Date()): Promise<HandoffResult> {
  const id = input.id ?? randomUUID()
  return retriedTransaction(db, async (tx) => {
    const prior = await repo.findHandoff(tx, p.orgId, id)
    const [c] = await lockScoreState(tx, p.orgId, [contactId])
    if (!c) throw new NotFound("contact")
    if (prior) {
      if (prior.contactId !== contactId || prior.decision !== input.decision) throw new Conflict("this handoff id was already used for a different decision")
      return { contactId, stage: c.stage as Stage, decision: prior.decision }
    }
    // The score at the decision goes with the stage change, so calibration sees what sales was handed.
    const score = currentTotal(c, (await getSettings(tx, p.orgId)).scoring, now)
    const reason = input.reason ?? null
    const stage = await lifecycle.decide(tx, p.orgId, { contactId, from: c.stage, decision: input.decision, userId: p.userId, reason, score }, now)
    await repo.insertHandoff(tx, p.orgId, { id, contactId, userId: p.userId, decision: input.decision, reason, note: input.note ?? null })
    return { contactId, stage, decision: input.decision }
  })
}

export async function leadFeedback(db: Db, p: Principal, contactId: string, input: LeadFeedbackInput) {
  if (!(await contacts.exists(db, p.orgId, contactId))) throw new NotFound("contact")
  await repo.insertFeedback(db, p.orgId, { id: input.id ?? randomUUID(), contactId, userId: p.userId, rating: input.rating, reason: input.reason ?? null })
  return { ok: true as const }
}

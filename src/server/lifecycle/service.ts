// The lifecycle: the only code that changes a contact's stage. Each kind of move has its rule here (the rules
// themselves, pure, are in src/shared/lifecycle.ts) and every move is recorded in stage_changes with its reason,
// who made it and the score at that moment when known: calibration and the reports read that history.
import type { Executor } from "../db/client"
import { Conflict } from "../errors"
import type { Stage } from "../../shared/contracts/common"
import { crossesToMql, decidable, decisionStage, type Decision } from "../../shared/lifecycle"
import * as repo from "./repository"

/** The reason an MQL crossing is recorded with. */
export const mqlReason = "score crossed the MQL threshold"
/** The reason a stage set by a contact import is recorded with. */
export const importReason = "contact import"

/**
 * Sales' decision on an MQL: accepted, it becomes sql; rejected, recycled (with the reason). Refused with a
 * Conflict unless the contact is an MQL. The caller holds the contact locked. Returns the new stage.
 */
export async function decide(
  tx: Executor,
  orgId: string,
  d: { contactId: string; from: string; decision: Decision; userId: string; reason: string | null; score: number },
  at: Date,
): Promise<Stage> {
  if (!decidable(d.from)) throw new Conflict(`only an MQL can be accepted or rejected; this contact is ${d.from}`)
  const to = decisionStage[d.decision]
  const [made] = await repo.moveStages(tx, orgId, [{ contactId: d.contactId, from: d.from, to, userId: d.userId, reason: d.reason, score: d.score }], at)
  if (!made) throw new Conflict("the contact's stage changed meanwhile; try again")
  return to
}

/**
 * Score crossings, for any number of contacts at once (ingest marks a whole batch with one call): the contacts
 * whose score rose from under the threshold to at least it, from a stage marketing nurtures, become MQLs, each
 * recorded with the score it crossed at (calibration compares what sales decided with it). The caller holds the
 * contacts locked. Returns the ids marked.
 */
export async function markMqls(
  tx: Executor,
  orgId: string,
  scored: { contactId: string; stage: string; before: number; after: number }[],
  threshold: number,
  at: Date,
): Promise<string[]> {
  const crossed = scored.filter((s) => crossesToMql(s, threshold))
  const made = await repo.moveStages(
    tx,
    orgId,
    crossed.map((s) => ({ contactId: s.contactId, from: s.stage, to: "mql", userId: null, reason: mqlReason, score: s.after })),
    at,
  )
  return made.map((m) => m.contactId)
}

/**
 * The stages a contact import carries: the CSV is the CRM's word, so any stage may be set. A row that names the
 * stage the contact is already in changes nothing; when one contact appears twice, the later row wins. Each
 * change is recorded with the score at the import. The caller holds the contacts locked.
 */
export async function importStages(
  tx: Executor,
  orgId: string,
  rows: { contactId: string; from: string; to: Stage; score: number | null }[],
  at: Date,
  userId: string | null = null,
) {
  const last = new Map(rows.map((r) => [r.contactId, r]))
  const changes = [...last.values()].filter((r) => r.to !== r.from)
  return repo.moveStages(
    tx,
    orgId,
    changes.map((r) => ({ contactId: r.contactId, from: r.from, to: r.to, userId, reason: importReason, score: r.score })),
    at,
  )
}

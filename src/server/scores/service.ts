import type { Executor } from "../db/client"
import type { Score } from "../../shared/contracts/contacts"
import type { Settings, ScoringRules } from "../../shared/contracts/settings"
import { addDecayed, cappedPoints, engagementNow, engagementScore, fitScore, scoreReasons, totalScore, utcDay } from "../../shared/scoring"
import * as lifecycle from "../lifecycle/service"
import * as repo from "./repository"

export interface NewEvent {
  contactId: string
  type: string
  occurredAt: Date
}

/**
 * Keeps scores current as events arrive: applies each new event's capped points to the contact's
 * decayed engagement (exact, no recompute), then has the lifecycle mark the batch's threshold crossings as
 * MQLs, all of them in one call. Runs inside the ingest transaction.
 */
export async function applyEvents(tx: Executor, orgId: string, events: NewEvent[], settings: Settings, now: Date) {
  const rules = settings.scoring
  const ids = [...new Set(events.map((e) => e.contactId))].sort()
  const states = await repo.lockScoreState(tx, orgId, ids)
  const byId = new Map(states.map((s) => [s.id, s]))
  const before = new Map(states.map((s) => [s.id, currentTotal(s, rules, now)]))
  // Firmographics may have arrived with these events (new contacts, upserted fields).
  for (const s of states) s.fit = fitScore(s, rules).points

  const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
  const keyOf = (e: NewEvent) => `${e.contactId}|${e.type}|${utcDay(e.occurredAt)}`
  const buckets = await repo.loadBuckets(
    tx,
    orgId,
    sorted.map((e) => {
      const [contactId, type, day] = keyOf(e).split("|") as [string, string, string]
      return { contactId, type, day }
    }),
  )
  const touched = new Map<string, number>()
  for (const e of sorted) {
    const key = keyOf(e)
    const earned = buckets.get(key) ?? 0
    const points = cappedPoints(e.type, earned, rules)
    if (points === 0) continue
    buckets.set(key, earned + Math.max(0, points))
    touched.set(key, earned + Math.max(0, points))
    const s = byId.get(e.contactId)
    if (s) Object.assign(s, addDecayed(s, points, e.occurredAt, rules.halfLifeDays))
  }
  await repo.saveBuckets(tx, orgId, touched)
  await repo.saveScores(tx, orgId, states)

  const marked = await lifecycle.markMqls(
    tx,
    orgId,
    states.map((s) => ({ contactId: s.id, stage: s.stage, before: before.get(s.id)!, after: currentTotal(s, rules, now) })),
    settings.mqlThreshold,
    now,
  )
  return { newMqls: marked.length }
}

/** The score now from its stored state (fit, engagement and when it was stored), without the reasons. */
export function currentTotal(s: { fit: number; value: number; at: Date }, rules: ScoringRules, now: Date) {
  return totalScore(s.fit, engagementNow(s, now, rules.halfLifeDays), rules).total
}

/**
 * The score as the sidebar shows it: the stored state decayed to now, and the reasons behind it from the contact's
 * recent counted events (read with the rest of its context in one statement: contacts/repository.ts).
 */
export function contactScore(
  c: { title: string | null; industry: string | null; companySize: number | null; engagementValue: number | string; engagementAt: Date | string },
  recent: { type: string; occurredAt: string | Date; label: string | null }[],
  settings: Settings,
  now: Date,
): Score {
  const rules = settings.scoring
  const fit = fitScore(c, rules)
  const { parts } = engagementScore(
    recent.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt) })),
    rules,
    now,
  )
  const engagement = engagementNow({ value: Number(c.engagementValue), at: new Date(c.engagementAt) }, now, rules.halfLifeDays)
  return { ...totalScore(fit.points, engagement, rules), threshold: settings.mqlThreshold, reasons: scoreReasons(fit.reasons, parts, now) }
}

/** Fit after firmographics changed (imports): engagement stays as it is. Returns the contacts' score state, locked. */
export async function refreshFit(tx: Executor, orgId: string, contactIds: string[], rules: ScoringRules) {
  const states = await repo.lockScoreState(tx, orgId, [...new Set(contactIds)].sort())
  for (const s of states) s.fit = fitScore(s, rules).points
  await repo.saveScores(tx, orgId, states)
  return states
}

export async function rescoreOrg(tx: Executor, orgId: string, rules: ScoringRules, now = new Date()) {
  await repo.rescoreInSql(tx, orgId, rules, now)
}

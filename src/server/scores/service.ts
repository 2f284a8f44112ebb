import type { Executor } from "../db/client"
import type { Score } from "../../shared/contracts/contacts"
import type { Settings, ScoringRules } from "../../shared/contracts/settings"
import { addDecayed, cappedPoints, engagementNow, engagementScore, fitScore, type ScoredEvent, scoreReasons, totalScore } from "../../shared/scoring"
import { utcDay } from "../../shared/days"
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
 * MQLs, all of them in one call. Runs inside the caller's transaction (a tracked-link view).
 */
export async function applyEvents(tx: Executor, orgId: string, events: NewEvent[], settings: Settings, now: Date) {
  const ids = [...new Set(events.map((e) => e.contactId))].sort()
  const states = await repo.lockScoreState(tx, orgId, ids)
  const buckets = await loadBuckets(tx, orgId, events)
  const scored = scoreEvents(states, events, buckets, settings.scoring, now)
  await repo.saveBuckets(tx, orgId, scored.buckets)
  await repo.saveScores(tx, orgId, states)
  const marked = await markCrossings(tx, orgId, scored, settings, now)
  return { newMqls: marked.length }
}

/** The score bucket an event falls in, as scoreEvents() reads `buckets`: its contact, its type and its UTC day. */
export const bucketKey = (e: NewEvent) => `${e.contactId}|${e.type}|${utcDay(e.occurredAt)}`

/** The score buckets (contact, type, UTC day) that events fall in: what scoreEvents() needs read first. */
function bucketKeys(events: NewEvent[]) {
  return [...new Set(events.map(bucketKey))].map((k) => {
    const [contactId, type, day] = k.split("|") as [string, string, string]
    return { contactId, type, day }
  })
}

/** The score buckets the events fall in, as scoreEvents() needs them. */
export const loadBuckets = (tx: Executor, orgId: string, events: NewEvent[]) => repo.loadBuckets(tx, orgId, bucketKeys(events))

export type EngagementState = repo.EngagementState

/** What scoring a batch of events changed: the buckets to write, and each contact's score before and after. */
export interface Scored {
  buckets: Map<string, number>
  scores: { contactId: string; stage: string; before: number; after: number }[]
}

/**
 * Scores new events in memory, nothing read or written: each event's capped points (given what its type already
 * earned that day, `buckets`) are added to its contact's decayed engagement, oldest first. `states` (the locked
 * contacts, with the firmographics just sent) get their new fit and engagement in place.
 */
export function scoreEvents(states: repo.EngagementState[], events: NewEvent[], buckets: Map<string, number>, rules: ScoringRules, now: Date): Scored {
  const byId = new Map(states.map((s) => [s.id, s]))
  const before = new Map(states.map((s) => [s.id, currentTotal(s, rules, now)]))
  // Firmographics may have arrived with these events (new contacts, upserted fields).
  for (const s of states) s.fit = fitScore(s, rules).points

  const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
  const touched = new Map<string, number>()
  for (const e of sorted) {
    const key = bucketKey(e)
    const earned = buckets.get(key) ?? 0
    const points = cappedPoints(e.type, earned, rules)
    if (points === 0) continue
    buckets.set(key, earned + Math.max(0, points))
    touched.set(key, earned + Math.max(0, points))
    const s = byId.get(e.contactId)
    if (s) Object.assign(s, addDecayed(s, points, e.occurredAt, rules.halfLifeDays))
  }
  return {
    buckets: touched,
    scores: states.map((s) => ({ contactId: s.id, stage: s.stage, before: before.get(s.id)!, after: currentTotal(s, rules, now) })),
  }
}

/** The lifecycle marks the contacts whose score crossed the threshold as MQLs, all in one call. Returns their ids. */
export function markCrossings(tx: Executor, orgId: string, scored: Scored, settings: Settings, now: Date) {
  return lifecycle.markMqls(tx, orgId, scored.scores, settings.mqlThreshold, now)
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
  recent: ScoredEvent[],
  settings: Settings,
  now: Date,
): Score {
  const rules = settings.scoring
  const fit = fitScore(c, rules)
  const { parts } = engagementScore(recent, rules, now)
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

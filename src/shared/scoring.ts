// The lead score, shared by the server (which keeps it current) and anyone who explains it.
// score = min(fitMax, fit) + min(engagementMax, decayed engagement), 0-100, always with reasons.
import type { ScoreReason } from "./contracts/contacts"
import type { ScoringRules } from "./contracts/settings"
import { dayMs } from "./days"

export interface FitInput {
  title?: string | null
  industry?: string | null
  companySize?: number | null
}
export interface ScoredEvent {
  type: string
  occurredAt: Date
  label?: string | null
}

export function fitScore(c: FitInput, rules: ScoringRules): { points: number; reasons: ScoreReason[] } {
  const reasons: ScoreReason[] = []
  const industry = c.industry?.trim().toLowerCase()
  const ind = industry ? rules.fit.industries.find((r) => r.industry.toLowerCase() === industry) : undefined
  if (ind) reasons.push({ kind: "fit", points: ind.points, text: `${signed(ind.points)} industry is ${ind.industry}` })
  const title = c.title?.toLowerCase() ?? ""
  const t = rules.fit.titles.find((r) => titlePattern(r.keyword).test(title))
  if (t) reasons.push({ kind: "fit", points: t.points, text: `${signed(t.points)} title matches ${t.label}` })
  const size = c.companySize
  const s = size == null ? undefined : rules.fit.companySize.find((r) => size >= r.min && size <= r.max)
  if (s) reasons.push({ kind: "fit", points: s.points, text: `${signed(s.points)} company size ${s.min}-${s.max}` })
  const points = clamp(
    reasons.reduce((n, r) => n + r.points, 0),
    0,
    rules.fitMax,
  )
  return { points, reasons }
}

// Compiled once per keyword, not once per contact scored: ingest scores a thousand contacts against the same rules.
const patterns = new Map<string, RegExp>()
function titlePattern(keyword: string): RegExp {
  const k = keyword.toLowerCase()
  let p = patterns.get(k)
  if (!p) {
    if (patterns.size >= 1000) patterns.clear()
    p = new RegExp(`\\b${escapeRe(k)}\\b`)
    patterns.set(k, p)
  }
  return p
}

/** Weight of points earned `ageMs` ago: they halve every half-life. */
export function decay(ageMs: number, halfLifeDays: number): number {
  return Math.pow(2, -Math.max(0, ageMs) / (halfLifeDays * dayMs))
}

/**
 * Points one event adds after the per-type daily cap, given what that type already earned that day.
 * Negative rules (unsubscribe) always apply in full.
 */
export function cappedPoints(type: string, alreadyToday: number, rules: ScoringRules): number {
  const rule = rules.events[type as keyof ScoringRules["events"]]
  if (!rule) return 0
  if (rule.points <= 0) return rule.points
  return Math.max(0, Math.min(rule.points, rule.dailyCap - alreadyToday))
}

/** Decayed engagement from a list of events, with the per-type daily caps, and the events behind it. */
export function engagementScore(events: ScoredEvent[], rules: ScoringRules, now: Date) {
  const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
  const perDay = new Map<string, number>()
  const parts: { event: ScoredEvent; points: number; value: number }[] = []
  for (const e of sorted) {
    // The UTC day as a number: the same day as utcDay(), without formatting a date per event.
    const key = `${e.type}|${Math.floor(e.occurredAt.getTime() / dayMs)}`
    const earned = perDay.get(key) ?? 0
    const points = cappedPoints(e.type, earned, rules)
    if (points === 0) continue
    perDay.set(key, earned + Math.max(0, points))
    parts.push({ event: e, points, value: points * decay(now.getTime() - e.occurredAt.getTime(), rules.halfLifeDays) })
  }
  const value = parts.reduce((n, p) => n + p.value, 0)
  return { value, parts }
}

/** Engagement kept as (value at `at`): adding points earned at `when` keeps it exact without a recompute. */
export function addDecayed(state: { value: number; at: Date }, points: number, when: Date, halfLifeDays: number) {
  if (when >= state.at) {
    return { value: state.value * decay(when.getTime() - state.at.getTime(), halfLifeDays) + points, at: when }
  }
  return { value: state.value + points * decay(state.at.getTime() - when.getTime(), halfLifeDays), at: state.at }
}

export function engagementNow(state: { value: number; at: Date }, now: Date, halfLifeDays: number): number {
  return state.value * decay(now.getTime() - state.at.getTime(), halfLifeDays)
}

export function totalScore(fit: number, engagement: number, rules: ScoringRules) {
  const f = Math.round(clamp(fit, 0, rules.fitMax))
  const e = Math.round(clamp(engagement, 0, rules.engagementMax))
  return { fit: f, engagement: e, total: clamp(f + e, 0, 100) }
}

const typeLabels: Record<string, string> = {
  email_sent: "was sent",
  email_open: "opened",
  email_click: "clicked",
  page_visit: "visited",
  content_download: "downloaded",
  webinar_registered: "registered for webinar",
  webinar_attended: "attended webinar",
  form_submit: "submitted form",
  ad_click: "clicked ad",
  demo_request: "requested a demo",
  asset_view: "viewed",
  trial_signup: "signed up for a trial",
  unsubscribe: "unsubscribed",
}

export function describeEvent(type: string, label?: string | null): string {
  const verb = typeLabels[type] ?? type.replaceAll("_", " ")
  return label ? `${verb} '${label}'` : verb
}

export function ago(when: Date, now: Date): string {
  const ms = Math.max(0, now.getTime() - when.getTime())
  const h = Math.floor(ms / 3_600_000)
  if (h < 1) return "just now"
  if (h < 24) return `${h} h ago`
  const d = Math.floor(h / 24)
  if (d === 1) return "yesterday"
  if (d < 60) return `${d} days ago`
  return `${Math.floor(d / 30)} months ago`
}

/** The top reasons: fit reasons and the events that carry most of today's engagement. */
export function scoreReasons(fit: ScoreReason[], parts: ReturnType<typeof engagementScore>["parts"], now: Date, max = 6): ScoreReason[] {
  const engagement = parts
    .map((p) => ({ p, shown: Math.round(p.value) }))
    .filter(({ shown }) => shown !== 0)
    .sort((a, b) => Math.abs(b.p.value) - Math.abs(a.p.value))
    .slice(0, max)
    .map(({ p, shown }): ScoreReason => ({
      kind: "engagement",
      points: shown,
      text: `${signed(shown)} ${describeEvent(p.event.type, p.event.label)} ${ago(p.event.occurredAt, now)}`,
    }))
  return [...fit, ...engagement].sort((a, b) => Math.abs(b.points) - Math.abs(a.points)).slice(0, max)
}

const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`)
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n))
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

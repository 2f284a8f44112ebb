// Which enablement asset fits this person and this conversation — pure, so the server ranks with it
// and tests pin it down. Every point an asset earns comes with a sentence a rep can read, and the
// weights are constants here rather than settings: reps must be able to trust the order.
import { kindInSentence } from "./asset-words"
import { stageInSentence } from "./lifecycle"
import { ago, decay, describeEvent } from "./scoring"
import { dayMs } from "./days"

export interface RankPerson {
  stage: string
  title?: string | null
  industry?: string | null
}

/** An asset the person engaged with (from marketing events), summarised per asset and event type. */
export interface EngagedAsset {
  assetId: string
  title: string
  topics: string[]
  type: string
  at: Date
  count: number
}
/** An asset a rep already sent them (from shares), summarised per asset. */
export interface ReceivedAsset {
  assetId: string
  at: Date
  count: number
}
export interface RankHistory {
  engaged: EngagedAsset[]
  received: ReceivedAsset[]
}

export interface RankAsset {
  id: string
  title: string
  kind: string
  stages: string[]
  personas: string[]
  industries: string[]
  topics: string[]
}
/** Measured across the org: how often it was shared, how many of those contacts then advanced, and reps' ratings. */
export interface AssetOutcome {
  shares: number
  advanced: number
  helped: number
  notHelped: number
}

export interface RankInput<A extends RankAsset = RankAsset> {
  person: RankPerson
  history: RankHistory
  /** Subject and snippet of the conversation on screen; may be empty. */
  context?: string
  assets: A[]
  outcomes?: Map<string, AssetOutcome> | Record<string, AssetOutcome>
  now: Date
}
export interface Ranked<A extends RankAsset = RankAsset> {
  asset: A
  score: number
  reasons: string[]
}

export const weights = {
  stage: 30,
  persona: 20,
  industry: 20,
  /** Topic affinity from history, at full strength for something engaged with today. */
  affinity: 25,
  affinityHalfLifeDays: 21,
  conversationTopic: 15,
  conversationWord: 5,
  conversationMax: 30,
  outcomesMax: 20,
  feedbackPerVote: 3,
  feedbackMax: 12,
  /** Already sent: the full penalty when sent today, halving every 30 days. */
  alreadySent: 50,
  alreadySentHalfLifeDays: 30,
  alreadySeen: 15,
} as const

// Engagement that says something about interest; "was sent" and "unsubscribed" say nothing good.
export const interestWeight: Record<string, number> = {
  content_download: 1,
  asset_view: 1,
  webinar_attended: 1,
  webinar_registered: 0.8,
  demo_request: 1,
  form_submit: 0.8,
  email_click: 0.7,
  page_visit: 0.5,
  ad_click: 0.4,
  email_open: 0.3,
  trial_signup: 1,
}

// ---- persona from title ----

const personaRules: { persona: string; re: RegExp }[] = [
  { persona: "executive", re: /\b(chief|c[emortfi]o|vp|svp|evp|vice president|founder|co-founder|cofounder|president|owner|managing director)\b/ },
  { persona: "revops", re: /\b(revops|rev ops|revenue operations|sales operations|sales ops|marketing operations|marketing ops|gtm operations)\b/ },
  { persona: "marketing", re: /\b(marketing|cmo|demand gen|demand generation|growth|brand|content)\b/ },
  { persona: "sales", re: /\b(sales|cro|revenue officer|account executive|account manager|sdr|bdr|business development)\b/ },
  { persona: "data", re: /\b(data|analytics|analyst|bi|business intelligence|cdo)\b/ },
  { persona: "it", re: /\b(it|cto|cio|ciso|engineer|engineering|security|technology|infrastructure|devops|developer)\b/ },
]

/** The personas a job title belongs to (a "VP Revenue Operations" is both an executive and RevOps). */
export function personasFromTitle(title: string | null | undefined): string[] {
  const t = (title ?? "").toLowerCase()
  if (!t.trim()) return []
  return personaRules.filter((r) => r.re.test(t)).map((r) => r.persona)
}

function personaPhrase(persona: string, title: string): string {
  if (persona === "executive") {
    const t = title.toLowerCase()
    if (/\b(chief|c[emortfi]o)\b/.test(t)) return "for C-level buyers"
    if (/\b(founder|co-founder|cofounder|owner)\b/.test(t)) return "for founders"
    return "for VP-level buyers"
  }
  return (
    (
      {
        revops: "for RevOps teams",
        marketing: "for marketing teams",
        sales: "for sales teams",
        data: "for data teams",
        it: "for IT and security teams",
      } as Record<string, string>
    )[persona] ?? `for ${persona} teams`
  )
}

// ---- labels ----

/** A recycled lead is back in nurture: it gets what a lead gets. */
export const stageForContent = (stage: string) => (stage === "recycled" ? "lead" : stage)

// ---- conversation text ----

const stopWords = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into " +
    "is it its itself just let me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so " +
    "some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when " +
    "where which while who whom why will with would you your yours yourself yourselves also get got like one two may might must shall us " +
    // mail filler
    "re fw fwd hi hello hey dear thanks thank regards best cheers sent wrote pm am monday tuesday wednesday thursday friday saturday sunday " +
    "today tomorrow yesterday week next last please quick question call meeting chat follow following up let know sure great good"
  ).split(/\s+/),
)

/** A light stem so "integrations" meets "integration" and "policies" meets "policy"; no dictionary needed. */
export function stem(w: string): string {
  if (w.length > 4 && w.endsWith("ies")) return w.slice(0, -3) + "y"
  if (w.length > 4 && w.endsWith("sses")) return w.slice(0, -2)
  if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) return w.slice(0, -1)
  return w
}

/** Lower-case words without stop words; numbers only when they look like a term (soc2, 2fa). */
function words(text: string | null | undefined): string[] {
  const out: string[] = []
  for (const m of (text ?? "").toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0]
    if (w.length < 2 || stopWords.has(w) || /^\d+$/.test(w)) continue
    out.push(w)
  }
  return out
}

/** The words of a text as stems, stop words removed. */
export function tokenize(text: string | null | undefined): string[] {
  return words(text).map(stem)
}

/**
 * The phrases of a conversation a topic tag could be equal to: each word and each pair of neighbours,
 * as written and as stems ("integrations" meets the tag "integration" and the tag "integrations").
 * Used to look candidates up by tag in SQL; the ranking itself compares stems.
 */
export function contextTerms(text: string | null | undefined, max = 40): string[] {
  const raw = words(text)
  const stems = raw.map(stem)
  const pairs = (t: string[]) => t.slice(1).map((w, i) => `${t[i]} ${w}`)
  return [...new Set([...stems, ...raw, ...pairs(stems), ...pairs(raw)])].slice(0, max)
}

// ---- ranking ----

interface Part {
  points: number
  text: string
}

/** Ranks assets for one person and one conversation; same input, same order. */
export function rankAssets<A extends RankAsset>(input: RankInput<A>): Ranked<A>[] {
  const { person, history, now } = input
  const outcomes = input.outcomes instanceof Map ? input.outcomes : new Map(Object.entries(input.outcomes ?? {}))
  const stage = stageForContent(person.stage)
  const personas = personasFromTitle(person.title)
  const industry = person.industry?.trim().toLowerCase() || null
  const words = new Set(tokenize(input.context))
  // A library has few distinct topics: each is split into stems once per call, not once per asset.
  const topicStems = new Map<string, string[]>()
  const stemsOf = (topic: string) => {
    let s = topicStems.get(topic)
    if (!s) topicStems.set(topic, (s = tokenize(topic)))
    return s
  }
  const received = new Map(history.received.map((r) => [r.assetId, r]))
  // One entry per asset and event type may arrive; keep the strongest sign of interest per asset.
  const engagedById = new Map<string, EngagedAsset>()
  for (const e of history.engaged) {
    const prev = engagedById.get(e.assetId)
    if (!prev || (interestWeight[e.type] ?? 0) > (interestWeight[prev.type] ?? 0)) engagedById.set(e.assetId, e)
  }
  // Heaviest interest first, so the reason quotes the strongest, most recent signal.
  const interest = history.engaged
    .map((e) => ({ e, w: (interestWeight[e.type] ?? 0) * decay(now.getTime() - e.at.getTime(), weights.affinityHalfLifeDays) }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w || b.e.at.getTime() - a.e.at.getTime() || cmp(a.e.assetId, b.e.assetId))

  const ranked = input.assets.map((asset) => {
    const parts: Part[] = []
    if (asset.stages.includes(stage)) parts.push({ points: weights.stage, text: `made for the ${stageInSentence(stage)} stage` })

    const persona = personas.find((p) => asset.personas.includes(p))
    if (persona) parts.push({ points: weights.persona, text: personaPhrase(persona, person.title ?? "") })

    if (industry && asset.industries.includes(industry)) parts.push({ points: weights.industry, text: `${industry} ${kindInSentence(asset.kind)}` })

    const affinity = topicAffinity(asset, interest)
    if (affinity) parts.push({ points: affinity.points, text: `they ${describeEvent(affinity.e.type, affinity.e.title)} ${ago(affinity.e.at, now)}` })

    const talk = conversationMatch(asset, words, stemsOf)
    if (talk) parts.push(talk)

    const o = outcomes.get(asset.id)
    if (o) parts.push(...outcomeParts(o))

    const sent = received.get(asset.id)
    if (sent) {
      const points = -weights.alreadySent * decay(now.getTime() - sent.at.getTime(), weights.alreadySentHalfLifeDays)
      parts.push({ points, text: `already sent ${ago(sent.at, now)}` })
    } else {
      const seen = engagedById.get(asset.id)
      if (seen && (interestWeight[seen.type] ?? 0) >= 0.7)
        parts.push({ points: -weights.alreadySeen, text: `they already ${describeEvent(seen.type, null)} it ${ago(seen.at, now)}` })
    }

    const score = round1(parts.reduce((n, p) => n + p.points, 0))
    const reasons = parts
      .filter((p) => Math.abs(p.points) >= 0.5)
      .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || cmp(a.text, b.text))
      .map((p) => p.text)
    return { asset, score, reasons }
  })
  // Ties: title, then id, compared by code unit so the order never depends on the machine's locale.
  return ranked.sort((a, b) => b.score - a.score || cmp(a.asset.title, b.asset.title) || cmp(a.asset.id, b.asset.id))
}

function topicAffinity(asset: RankAsset, interest: { e: EngagedAsset; w: number }[]) {
  if (asset.topics.length === 0) return undefined
  let best: EngagedAsset | undefined
  let total = 0
  for (const { e, w } of interest) {
    if (e.assetId === asset.id || !e.topics.some((t) => asset.topics.includes(t))) continue
    best ??= e
    total += w * Math.min(3, e.count) ** 0.5
  }
  if (!best) return undefined
  const points = Math.min(weights.affinity, weights.affinity * total)
  return points >= 0.5 ? { e: best, points } : undefined
}

function conversationMatch(asset: RankAsset, words: Set<string>, stemsOf: (topic: string) => string[]): Part | undefined {
  if (words.size === 0) return undefined
  const said: string[] = []
  const covered = new Set<string>()
  let points = 0
  for (const topic of asset.topics) {
    const stems = stemsOf(topic)
    if (stems.length === 0 || !stems.every((s) => words.has(s))) continue
    said.push(topic)
    stems.forEach((s) => covered.add(s))
    points += weights.conversationTopic
  }
  for (const raw of asset.title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (raw.length < 3 || stopWords.has(raw)) continue
    const s = stem(raw)
    if (covered.has(s) || !words.has(s)) continue
    covered.add(s)
    said.push(raw)
    points += weights.conversationWord
  }
  if (said.length === 0) return undefined
  const shown = said.slice(0, 3)
  const list = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`
  return { points: Math.min(weights.conversationMax, points), text: `the thread mentions ${list}` }
}

function outcomeParts(o: AssetOutcome): Part[] {
  const parts: Part[] = []
  if (o.advanced > 0) {
    // Volume (log) times a smoothed rate: 12 advanced of 20 shares beats 1 of 1, and 2 of 50 earns little.
    const rate = (o.advanced + 1) / (o.shares + 2)
    const points = Math.min(weights.outcomesMax, 12 * Math.log2(1 + o.advanced) * rate)
    parts.push({ points, text: `used in ${o.advanced} ${o.advanced === 1 ? "deal" : "deals"} that advanced` })
  }
  const net = o.helped - o.notHelped
  if (net !== 0) {
    const points = Math.max(-weights.feedbackMax, Math.min(weights.feedbackMax, weights.feedbackPerVote * net))
    const votes = o.helped + o.notHelped
    parts.push({
      points,
      text: net > 0 ? `reps say it helped (${o.helped} of ${votes})` : `reps say it did not help (${o.notHelped} of ${votes})`,
    })
  }
  return parts
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const round1 = (n: number) => Math.round(n * 10) / 10

/** Engagement older than this says nothing about today (its affinity weight is under 1/100). */
export const historyWindowMs = 150 * dayMs

/** Topics a person showed interest in, strongest (recent, weighty engagement) first: for narrowing candidates. */
export function interestTopics(history: RankHistory, now: Date): string[] {
  const weight = new Map<string, number>()
  for (const e of history.engaged) {
    const w = (interestWeight[e.type] ?? 0) * decay(now.getTime() - e.at.getTime(), weights.affinityHalfLifeDays)
    if (w > 0) for (const t of e.topics) weight.set(t, (weight.get(t) ?? 0) + w)
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).map(([t]) => t)
}

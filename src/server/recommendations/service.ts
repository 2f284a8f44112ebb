import type { Db } from "../db/client"
import { NotFound } from "../errors"
import type { Principal } from "../auth/service"
import type { RecommendationsQuery, RecommendationsResult } from "../../shared/contracts/assets"
import { contextTerms, historyWindowMs, interestTopics, personasFromTitle, rankAssets, stageForContent, type RankHistory } from "../../shared/ranking"
import { toAsset } from "../assets/service"
import * as repo from "./repository"

/** How many assets the SQL pre-score hands to the full ranking. */
export const candidateLimit = 100
/** Below this many strong candidates, a broader pass (any shared tag) runs. */
const minStrong = 20
/** Engagement rows (asset × event type) read for affinity: the most recent ones carry nearly all the weight. */
const maxEngaged = 60
/** History topics and conversation terms used to look candidates up (all of them still count in the ranking). */
const maxInterestTopics = 5
const maxContextTerms = 8

/**
 * The assets that fit this person and this conversation, best first, each with its reasons. Three
 * round trips (history, candidates with outcomes, the chosen rows) feed the pure ranking in
 * src/shared/ranking.ts; the conversation text is only read here, never stored or logged.
 */
export async function recommend(db: Db, p: Principal, contactId: string, q: RecommendationsQuery, now = new Date()): Promise<RecommendationsResult> {
  const h = await repo.history(db, p.orgId, contactId, new Date(now.getTime() - historyWindowMs), maxEngaged)
  if (!h) throw new NotFound("contact")
  const history: RankHistory = {
    engaged: h.engaged.map((e) => ({ ...e, at: new Date(e.at) })),
    received: h.received.map((r) => ({ ...r, at: new Date(r.at) })),
  }
  const person = { stage: h.stage, title: h.title, industry: h.industry?.trim().toLowerCase() || null }
  const stage = stageForContent(person.stage)
  const personas = personasFromTitle(person.title)
  const terms = contextTerms(q.context)
  const topics = interestTopics(history, now)
  // Lookup keys stay few whatever the thread's length: the strongest history topics and the first conversation terms.
  const lookupTopics = [...new Set([...topics.slice(0, maxInterestTopics), ...contextTerms(q.context, maxContextTerms)])]
  const k = keyMaker(p.orgId)

  const base = {
    stage,
    personas,
    industry: person.industry,
    topics,
    terms,
    limit: candidateLimit,
  }
  // Strong candidates share three facets: stage, industry, persona, a topic from their history or the thread.
  const strong: string[] = []
  for (const pe of personas) if (person.industry) strong.push(k(`s:${stage}|i:${person.industry}|p:${pe}`))
  for (const t of lookupTopics) {
    if (person.industry) strong.push(k(`s:${stage}|i:${person.industry}|t:${t}`))
    for (const pe of personas) {
      strong.push(k(`s:${stage}|p:${pe}|t:${t}`))
      if (person.industry) strong.push(k(`i:${person.industry}|p:${pe}|t:${t}`))
    }
  }
  // A sparse profile (no title, no industry) or a small library: any shared tag will do, and failing that, anything live.
  const broad = [
    k(`s:${stage}`),
    ...personas.map((pe) => k(`p:${pe}`)),
    ...(person.industry ? [k(`i:${person.industry}`)] : []),
    ...lookupTopics.map((t) => k(`t:${t}`)),
  ]
  const { assets: candidates, outcomes } = await repo.candidates(db, p.orgId, { ...base, strong, broad, minStrong, minBroad: q.limit })
  const ranked = rankAssets({ person, history, context: q.context, assets: candidates, outcomes, now }).slice(0, q.limit)
  const full = new Map(
    (
      await repo.assetsByIds(
        db,
        p.orgId,
        ranked.map((r) => r.asset.id),
      )
    ).map((a) => [a.id, a]),
  )
  return {
    items: ranked.flatMap((r) => {
      const a = full.get(r.asset.id)
      return a ? [{ asset: toAsset(a), score: r.score, reasons: r.reasons }] : []
    }),
  }
}

/** Keys as relay_asset_keys() writes them: the org id's first 8 hex digits, then the tags. */
const keyMaker = (orgId: string) => {
  const prefix = orgId.toLowerCase().slice(0, 8)
  return (tags: string) => `${prefix}|${tags}`
}

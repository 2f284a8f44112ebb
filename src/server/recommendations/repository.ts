import { type Executor, jsonValue, one, pgArray, rows, sql } from "../db/client"
import { type AssetRow, assetColumns } from "../assets/repository"
import type { contacts } from "../db/schema"
import type { AssetOutcome } from "../../shared/ranking"

/** The contact's columns come from the schema; the two lists are built in SQL. */
export type HistoryRow = Pick<typeof contacts.$inferSelect, "stage" | "title" | "industry"> & {
  engaged: { assetId: string; title: string; topics: string[]; type: string; at: string; count: number }[]
  received: { assetId: string; at: string; count: number }[]
}

/**
 * The person and their history with content, in one round trip: what they engaged with since `since`
 * (per asset and event type, the most recent `maxEngaged`, latest first) and what reps already sent them (per asset).
 * The statements live in relay_recommendation_history (migration recommendation_functions), whose plans the
 * session keeps.
 */
export async function history(ex: Executor, orgId: string, contactId: string, since: Date, maxEngaged: number) {
  const r = await one<{ h: string | HistoryRow | null }>(
    ex,
    sql`SELECT relay_recommendation_history(${orgId}, ${contactId}, ${since.toISOString()}, ${maxEngaged}) AS h`,
  )
  return r?.h ? jsonValue<HistoryRow>(r.h) : undefined
}

export interface CandidateQuery {
  /** Any of these `relay_asset_keys` makes an asset a candidate (see migration 0002_content), tried first. */
  strong: string[]
  /** When the strong keys find fewer than `minStrong`: any of these. */
  broad: string[]
  minStrong: number
  /** When the broad keys find fewer than this: any live asset. */
  minBroad: number
  /** For the cheap pre-score that picks the top `limit` of the candidates. */
  stage: string
  personas: string[]
  industry: string | null
  topics: string[]
  terms: string[]
  limit: number
}

export type CandidateRow = Pick<AssetRow, "id" | "title" | "kind" | "stages" | "personas" | "industries" | "topics">

/** Measured across the org, for the candidates that were ever shared or rated (the others earn no outcome points). */
export type CandidateOutcomes = Record<string, AssetOutcome>

/**
 * Live assets sharing a candidate key with the person (GIN lookup), the best `limit` of them by a cheap
 * tag pre-score, with their measured outcomes (shares, contacts that advanced afterwards, ratings), in one
 * round trip whatever the number of passes: relay_recommendation_candidates (migrations recommendation_functions,
 * recommendation_outcomes).
 */
export async function candidates(ex: Executor, orgId: string, q: CandidateQuery) {
  const r = await one<{ c: string | { assets: CandidateRow[]; outcomes: CandidateOutcomes } }>(
    ex,
    sql`SELECT relay_recommendation_candidates(${orgId}, ${pgArray(q.strong)}::text[], ${q.minStrong}, ${pgArray(q.broad)}::text[], ${q.minBroad},
      ${q.stage}, ${pgArray(q.personas)}::text[], ${q.industry}, ${pgArray(q.topics)}::text[], ${pgArray(q.terms)}::text[], ${q.limit}) AS c`,
  )
  return r ? jsonValue(r.c) : { assets: [], outcomes: {} }
}

/** The full rows of the few assets actually recommended. */
export async function assetsByIds(ex: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return []
  return rows<AssetRow>(ex, sql`SELECT ${assetColumns} FROM assets a WHERE a.org_id = ${orgId} AND a.id = ANY(${pgArray(ids)}::uuid[])`)
}

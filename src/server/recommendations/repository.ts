import { type Executor, jsonValue, one, pgArray, rows, sql } from "../db/client"
import { type AssetRow, assetColumns } from "../assets/repository"
import type { contacts } from "../db/schema"

/** The contact's columns come from the schema; the two lists are built in SQL. */
export type HistoryRow = Pick<typeof contacts.$inferSelect, "stage" | "title" | "industry"> & {
  engaged: { assetId: string; title: string; topics: string[]; type: string; at: string; count: number }[]
  received: { assetId: string; at: string; count: number }[]
}

/**
 * The person and their history with content, in one round trip: what they engaged with since `since`
 * (per asset and event type, the most recent `maxEngaged`) and what reps already sent them (per asset).
 */
export async function history(ex: Executor, orgId: string, contactId: string, since: Date, maxEngaged: number) {
  const r = await one<Omit<HistoryRow, "engaged" | "received"> & { engaged: string | HistoryRow["engaged"]; received: string | HistoryRow["received"] }>(
    ex,
    sql`
    SELECT c.stage, c.title, c.industry,
      (SELECT coalesce(json_agg(json_build_object('assetId', e.asset_id, 'title', a.title, 'topics', a.topics, 'type', e.type, 'at', e.at, 'count', e.n)), '[]')
       FROM (
         SELECT asset_id, type, max(occurred_at) AS at, count(*)::int AS n FROM marketing_events
         WHERE org_id = ${orgId} AND contact_id = ${contactId} AND asset_id IS NOT NULL AND counted
           AND occurred_at >= ${since.toISOString()} AND type NOT IN ('email_sent', 'unsubscribe')
         GROUP BY asset_id, type ORDER BY max(occurred_at) DESC, asset_id, type LIMIT ${maxEngaged}
       ) e JOIN assets a ON a.org_id = ${orgId} AND a.id = e.asset_id) AS engaged,
      (SELECT coalesce(json_agg(json_build_object('assetId', s.asset_id, 'at', s.at, 'count', s.n)), '[]')
       FROM (SELECT asset_id, max(shared_at) AS at, count(*)::int AS n FROM asset_shares
             WHERE org_id = ${orgId} AND contact_id = ${contactId} GROUP BY asset_id) s) AS received
    FROM contacts c WHERE c.org_id = ${orgId} AND c.id = ${contactId}`,
  )
  if (!r) return undefined
  return { ...r, engaged: jsonValue(r.engaged), received: jsonValue(r.received) } as HistoryRow
}

export interface CandidateQuery {
  /** Any of these `relay_asset_keys` makes an asset a candidate (see migration 0002_content); none: any live asset. */
  keys: string[]
  /** For the cheap pre-score that picks the top `limit` of the candidates. */
  stage: string
  personas: string[]
  industry: string | null
  topics: string[]
  terms: string[]
  limit: number
}

export type CandidateRow = Pick<AssetRow, "id" | "title" | "kind" | "stages" | "personas" | "industries" | "topics"> & {
  shares: number
  advanced: number
  helped: number
  notHelped: number
}

// The lifecycle in order: a contact "advanced" when a later stage change moved it further along.
const ladder = pgArray(["subscriber", "lead", "mql", "sql", "opportunity", "customer"])

/**
 * Live assets sharing a candidate key with the person (GIN lookup), the best `limit` of them by a cheap
 * tag pre-score, with their measured outcomes aggregated in SQL for those candidates only.
 * Without keys (the last-resort pass), live assets in title order.
 */
export async function candidates(ex: Executor, orgId: string, q: CandidateQuery) {
  // The keys go in as a sub-select: the planner then neither spends milliseconds estimating dozens of
  // array elements against the column statistics nor talks itself out of the index.
  const match = q.keys.length ? sql`AND a.match_keys && (SELECT ${pgArray(q.keys)}::text[])` : sql``
  // Outcomes per candidate through LATERAL lookups on (org_id, asset_id) indexes: a hundred index probes,
  // where a join would read every share of the org.
  return rows<CandidateRow>(
    ex,
    sql`
    SELECT c.*, s.shares, s.advanced, fb.helped, fb.not_helped AS "notHelped"
    FROM (
      SELECT a.id, a.title, a.kind, a.stages, a.personas, a.industries, a.topics
      FROM assets a
      WHERE a.org_id = ${orgId} AND NOT a.archived ${match}
      ORDER BY ((${q.stage}::text = ANY(a.stages))::int * 30
        + (a.personas && ${pgArray(q.personas)}::text[])::int * 20
        + coalesce(${q.industry}::text = ANY(a.industries), false)::int * 20
        + (a.topics && ${pgArray(q.topics)}::text[])::int * 20
        + (a.topics && ${pgArray(q.terms)}::text[])::int * 15) DESC, a.title, a.id
      LIMIT ${q.limit}
    ) c
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS shares, count(DISTINCT s.contact_id) FILTER (WHERE EXISTS (
          SELECT 1 FROM stage_changes sc
          WHERE sc.org_id = s.org_id AND sc.contact_id = s.contact_id AND sc.at > s.shared_at
            AND array_position(${ladder}::text[], sc.to_stage) > coalesce(array_position(${ladder}::text[], sc.from_stage), 0)
        ))::int AS advanced
      FROM asset_shares s WHERE s.org_id = ${orgId} AND s.asset_id = c.id
    ) s
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE f.helped)::int AS helped, count(*) FILTER (WHERE NOT f.helped)::int AS not_helped
      FROM asset_feedback f WHERE f.org_id = ${orgId} AND f.asset_id = c.id
    ) fb`,
  )
}

/** The full rows of the few assets actually recommended. */
export async function assetsByIds(ex: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return []
  return rows<AssetRow>(ex, sql`SELECT ${assetColumns} FROM assets a WHERE a.org_id = ${orgId} AND a.id = ANY(${pgArray(ids)}::uuid[])`)
}

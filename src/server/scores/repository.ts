import { type Executor, one, pgArray, rows, sql } from "../db/client"
import type { ScoringRules, Settings } from "../../shared/contracts/settings"
import type { SQL } from "drizzle-orm"
import type { contacts } from "../db/schema"
import { currentScoreSql, engagementAtSql, fitSql, scorePartsSql, totalScoreSql } from "./score-sql"

/** A contact's score state: what the score reads of the contact (from the schema), its stored engagement as numbers. */
export type EngagementState = Pick<typeof contacts.$inferSelect, "id" | "stage" | "title" | "industry" | "companySize"> & {
  value: number
  at: Date
  fit: number
}

/**
 * Locks the contacts (in id order, so two ingests cannot deadlock) and returns their score state. The contact's row
 * is what every writer of its score locks first; the score row is locked too, so that a score written by a
 * transaction this one waited for is read as written (a row locked is read at its latest version, one merely joined
 * as of the statement's start).
 */
export async function lockScoreState(ex: Executor, orgId: string, contactIds: string[]): Promise<EngagementState[]> {
  if (contactIds.length === 0) return []
  const r = await rows<Omit<EngagementState, "value" | "at"> & { value: number | string; at: string }>(
    ex,
    sql`
    SELECT c.id, s.engagement_value AS value, s.engagement_at AS at, s.fit_score AS fit, c.stage, c.title, c.industry, c.company_size AS "companySize"
    FROM contacts c JOIN contact_scores s ON s.org_id = c.org_id AND s.contact_id = c.id
    WHERE c.org_id = ${orgId} AND c.id = ANY(${pgArray(contactIds)}::uuid[]) ORDER BY c.id FOR NO KEY UPDATE OF c, s`,
  )
  return r.map((x) => ({ ...x, value: Number(x.value), at: new Date(x.at) }))
}

export async function loadBuckets(ex: Executor, orgId: string, keys: { contactId: string; type: string; day: string }[]) {
  if (keys.length === 0) return new Map<string, number>()
  const r = await rows<{ contactId: string; type: string; day: string; points: number }>(
    ex,
    sql`
    SELECT b.contact_id AS "contactId", b.type, to_char(b.day, 'YYYY-MM-DD') AS day, b.points
    FROM score_buckets b
    JOIN unnest(${pgArray(keys.map((k) => k.contactId))}::uuid[], ${pgArray(keys.map((k) => k.type))}::text[], ${pgArray(keys.map((k) => k.day))}::date[]) AS k(contact_id, type, day)
      ON b.contact_id = k.contact_id AND b.type = k.type AND b.day = k.day
    WHERE b.org_id = ${orgId}`,
  )
  return new Map(r.map((b) => [`${b.contactId}|${b.type}|${b.day}`, Number(b.points)]))
}

export async function saveBuckets(ex: Executor, orgId: string, buckets: Map<string, number>) {
  if (buckets.size === 0) return
  const keys = [...buckets.keys()].map((k) => k.split("|") as [string, string, string])
  await ex.execute(sql`
    INSERT INTO score_buckets (org_id, contact_id, type, day, points)
    SELECT ${orgId}, * FROM unnest(${pgArray(keys.map((k) => k[0]))}::uuid[], ${pgArray(keys.map((k) => k[1]))}::text[],
      ${pgArray(keys.map((k) => k[2]))}::date[], ${pgArray([...buckets.values()].map(String))}::int[])
    ON CONFLICT (org_id, contact_id, type, day) DO UPDATE SET points = EXCLUDED.points`)
}

export async function saveScores(ex: Executor, orgId: string, states: { id: string; fit: number; value: number; at: Date }[]) {
  if (states.length === 0) return
  await ex.execute(sql`
    UPDATE contact_scores s SET fit_score = v.fit, engagement_value = v.value, engagement_at = v.at
    FROM unnest(${pgArray(states.map((s) => s.id))}::uuid[], ${pgArray(states.map((s) => String(s.fit)))}::int[],
      ${pgArray(states.map((s) => String(s.value)))}::float8[], ${pgArray(states.map((s) => s.at.toISOString()))}::timestamptz[]) AS v(id, fit, value, at)
    WHERE s.org_id = ${orgId} AND s.contact_id = v.id`)
}

/** Recomputes fit and engagement for a whole org in SQL (after a rules change, or a bulk load). */
export async function rescoreInSql(ex: Executor, orgId: string, rules: ScoringRules, now: Date) {
  // The org's contacts locked first, as every score writer does (lockScoreState()): an ingest batch holding some
  // commits before the events are read below (each statement after this one sees it), and one arriving later waits.
  await ex.execute(sql`SELECT FROM contacts WHERE org_id = ${orgId} FOR NO KEY UPDATE`)
  await ex.execute(sql`DELETE FROM score_buckets WHERE org_id = ${orgId}`)
  await ex.execute(sql`CREATE TEMP TABLE score_parts ON COMMIT DROP AS ${scorePartsSql(orgId, rules)}`)
  await ex.execute(sql`
    INSERT INTO score_buckets (org_id, contact_id, type, day, points)
    SELECT ${orgId}, contact_id, type, day, sum(GREATEST(contrib, 0)) FROM score_parts GROUP BY contact_id, type, day`)
  await ex.execute(sql`
    UPDATE contact_scores s SET fit_score = ${fitSql(rules)}, engagement_value = coalesce(p.value, 0), engagement_at = ${now.toISOString()}::timestamptz
    FROM contacts c LEFT JOIN (SELECT contact_id, ${engagementAtSql(rules, now)} AS value FROM score_parts GROUP BY contact_id) p ON p.contact_id = c.id
    WHERE c.org_id = ${orgId} AND s.org_id = ${orgId} AND s.contact_id = c.id`)
  await ex.execute(sql`DROP TABLE IF EXISTS score_parts`)
}

export interface MqlCounts {
  sampleSize: number
  currentMqls: number
  proposedMqls: number
  changed: number
}

/**
 * How many contacts are at or above the MQL threshold today, and how many would be under other settings,
 * with the very expressions rescoreInSql() would store: one read-only query, nothing written. New scoring
 * rules mean recomputing every event's capped points, so a large org is counted on a sample: contacts whose
 * id hashes below `sample` (out of 1,000,000) — the same contacts every time.
 */
export async function countMqls(
  ex: Executor,
  orgId: string,
  current: Settings,
  /** `scoring` only when it differs from today's rules; without it, today's scores meet the proposed threshold. */
  proposed: { mqlThreshold: number; scoring?: ScoringRules },
  now: Date,
  sample?: number,
): Promise<MqlCounts> {
  // The sample is a test on the contact id alone, so events are picked by the same test without a join.
  const inSample = (id: SQL) => (sample === undefined ? sql`` : sql`AND ((hashtext(${id}::text)::bigint + 2147483648) % 1000000) < ${sample}`)
  const today = currentScoreSql(current.scoring, now, sql`c`)
  const rescored = proposed.scoring
  const r = await one<MqlCounts>(
    ex,
    sql`
    WITH c AS (
      SELECT c.id, c.title, c.industry, c.company_size, s.fit_score, s.engagement_value, s.engagement_at
      FROM contacts c JOIN contact_scores s ON s.org_id = c.org_id AND s.contact_id = c.id WHERE c.org_id = ${orgId} ${inSample(sql`c.id`)}
    ),
    p AS (
      ${
        rescored
          ? sql`SELECT contact_id, ${engagementAtSql(rescored, now)} AS value
          FROM (${scorePartsSql(orgId, rescored, inSample(sql`e.contact_id`))}) parts GROUP BY contact_id`
          : sql`SELECT NULL::uuid AS contact_id, 0::float8 AS value WHERE FALSE`
      }
    ),
    s AS MATERIALIZED ( -- each score once, not once per count below
      SELECT ${today} >= ${current.mqlThreshold}::int AS was,
        ${rescored ? totalScoreSql(fitSql(rescored), sql`coalesce(p.value, 0)`, rescored) : today} >= ${proposed.mqlThreshold}::int AS would
      FROM c LEFT JOIN p ON p.contact_id = c.id
    )
    SELECT count(*)::int AS "sampleSize", count(*) FILTER (WHERE was)::int AS "currentMqls",
      count(*) FILTER (WHERE would)::int AS "proposedMqls", count(*) FILTER (WHERE was <> would)::int AS changed
    FROM s`,
  )
  return r!
}

export async function countContacts(ex: Executor, orgId: string) {
  return (await one<{ n: number }>(ex, sql`SELECT count(*)::int AS n FROM contacts WHERE org_id = ${orgId}`))!.n
}

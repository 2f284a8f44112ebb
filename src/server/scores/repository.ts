import { type Executor, one, pgArray, rows, sql } from "../db/client"
import type { ScoringRules, Settings } from "../../shared/contracts/settings"
import type { SQL } from "drizzle-orm"

export interface EngagementState { id: string; value: number; at: Date; fit: number; stage: string; title: string | null; industry: string | null; companySize: number | null }

/** Locks the contacts (in id order, so two ingests cannot deadlock) and returns their score state. */
export async function lockScoreState(ex: Executor, orgId: string, contactIds: string[]): Promise<EngagementState[]> {
  if (contactIds.length === 0) return []
  const r = await rows<{ id: string; value: number; at: string | Date; fit: number; stage: string; title: string | null; industry: string | null; companySize: number | null }>(ex, sql`
    SELECT id, engagement_value AS value, engagement_at AS at, fit_score AS fit, stage, title, industry, company_size AS "companySize"
    FROM contacts WHERE org_id = ${orgId} AND id = ANY(${pgArray(contactIds)}::uuid[]) ORDER BY id FOR UPDATE`)
  return r.map((x) => ({ ...x, value: Number(x.value), at: new Date(x.at) }))
}

export async function loadBuckets(ex: Executor, orgId: string, keys: { contactId: string; type: string; day: string }[]) {
  if (keys.length === 0) return new Map<string, number>()
  const r = await rows<{ contactId: string; type: string; day: string; points: number }>(ex, sql`
    SELECT b.contact_id AS "contactId", b.type, to_char(b.day, 'YYYY-MM-DD') AS day, b.points
    FROM score_buckets b
    JOIN unnest(${pgArray(keys.map((k) => k.contactId))}::uuid[], ${pgArray(keys.map((k) => k.type))}::text[], ${pgArray(keys.map((k) => k.day))}::date[]) AS k(contact_id, type, day)
      ON b.contact_id = k.contact_id AND b.type = k.type AND b.day = k.day
    WHERE b.org_id = ${orgId}`)
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
    UPDATE contacts c SET fit_score = v.fit, engagement_value = v.value, engagement_at = v.at, updated_at = now()
    FROM unnest(${pgArray(states.map((s) => s.id))}::uuid[], ${pgArray(states.map((s) => String(s.fit)))}::int[],
      ${pgArray(states.map((s) => String(s.value)))}::float8[], ${pgArray(states.map((s) => s.at.toISOString()))}::timestamptz[]) AS v(id, fit, value, at)
    WHERE c.org_id = ${orgId} AND c.id = v.id`)
}

/** Recomputes fit and engagement for a whole org in SQL (after a rules change, or a bulk load). */
export async function rescoreInSql(ex: Executor, orgId: string, rules: ScoringRules, now: Date) {
  await ex.execute(sql`DELETE FROM score_buckets WHERE org_id = ${orgId}`)
  await ex.execute(sql`CREATE TEMP TABLE score_parts ON COMMIT DROP AS ${scorePartsSql(orgId, rules)}`)
  await ex.execute(sql`
    INSERT INTO score_buckets (org_id, contact_id, type, day, points)
    SELECT ${orgId}, contact_id, type, day, sum(GREATEST(contrib, 0)) FROM score_parts GROUP BY contact_id, type, day`)
  await ex.execute(sql`UPDATE contacts c SET fit_score = ${fitSql(rules)}, engagement_value = 0, engagement_at = ${now.toISOString()}::timestamptz
    WHERE c.org_id = ${orgId}`)
  await ex.execute(sql`
    UPDATE contacts c SET engagement_value = p.value
    FROM (SELECT contact_id, ${engagementAtSql(rules, now)} AS value FROM score_parts GROUP BY contact_id) p
    WHERE c.org_id = ${orgId} AND c.id = p.contact_id`)
  await ex.execute(sql`DROP TABLE IF EXISTS score_parts`)
}

export interface MqlCounts { sampleSize: number; currentMqls: number; proposedMqls: number; changed: number }

/**
 * How many contacts are at or above the MQL threshold today, and how many would be under other settings,
 * with the very expressions rescoreInSql() would store: one read-only query, nothing written. New scoring
 * rules mean recomputing every event's capped points, so a large org is counted on a sample: contacts whose
 * id hashes below `sample` (out of 1,000,000) — the same contacts every time.
 */
export async function countMqls(
  ex: Executor, orgId: string, current: Settings,
  /** `scoring` only when it differs from today's rules; without it, today's scores meet the proposed threshold. */
  proposed: { mqlThreshold: number; scoring?: ScoringRules },
  now: Date, sample?: number,
): Promise<MqlCounts> {
  // The sample is a test on the contact id alone, so events are picked by the same test without a join.
  const inSample = (id: SQL) => (sample === undefined ? sql`` : sql`AND ((hashtext(${id}::text)::bigint + 2147483648) % 1000000) < ${sample}`)
  const today = currentScoreSql(current.scoring, now)
  const rescored = proposed.scoring
  const r = await one<MqlCounts>(ex, sql`
    WITH c AS (
      SELECT c.id, c.title, c.industry, c.company_size, c.fit_score, c.engagement_value, c.engagement_at
      FROM contacts c WHERE c.org_id = ${orgId} ${inSample(sql`c.id`)}
    ),
    p AS (
      ${rescored
        ? sql`SELECT contact_id, ${engagementAtSql(rescored, now)} AS value
          FROM (${scorePartsSql(orgId, rescored, inSample(sql`e.contact_id`))}) parts GROUP BY contact_id`
        : sql`SELECT NULL::uuid AS contact_id, 0::float8 AS value WHERE FALSE`}
    ),
    s AS MATERIALIZED ( -- each score once, not once per count below
      SELECT ${today} >= ${current.mqlThreshold}::int AS was,
        ${rescored ? totalScoreSql(fitSql(rescored), sql`coalesce(p.value, 0)`, rescored) : today} >= ${proposed.mqlThreshold}::int AS would
      FROM c LEFT JOIN p ON p.contact_id = c.id
    )
    SELECT count(*)::int AS "sampleSize", count(*) FILTER (WHERE was)::int AS "currentMqls",
      count(*) FILTER (WHERE would)::int AS "proposedMqls", count(*) FILTER (WHERE was <> would)::int AS changed
    FROM s`)
  return r!
}

export async function countContacts(ex: Executor, orgId: string) {
  return (await one<{ n: number }>(ex, sql`SELECT count(*)::int AS n FROM contacts WHERE org_id = ${orgId}`))!.n
}

/**
 * Each counted event's points after its type's daily cap: (contact_id, type, day, occurred_at, contrib).
 * `and` narrows the events `e` further (AND ...).
 */
function scorePartsSql(orgId: string, rules: ScoringRules, and: SQL = sql``): SQL {
  const types = Object.entries(rules.events)
  const ruleRows = types.length
    ? sql.join(types.map(([t, r]) => sql`(${t}::text, ${r!.points}::int, ${r!.dailyCap}::int)`), sql`, `)
    : sql`(NULL::text, 0, 0)`
  return sql`
    WITH r(type, points, cap) AS (VALUES ${ruleRows}),
    e AS (
      SELECT e.contact_id, e.type, e.occurred_at, (e.occurred_at AT TIME ZONE 'UTC')::date AS day, r.points, r.cap,
        sum(GREATEST(r.points, 0)) OVER (PARTITION BY e.contact_id, e.type, (e.occurred_at AT TIME ZONE 'UTC')::date ORDER BY e.occurred_at, e.id) AS running
      FROM marketing_events e JOIN r ON r.type = e.type
      WHERE e.org_id = ${orgId} AND e.counted ${and}
    )
    SELECT contact_id, type, day, occurred_at,
      CASE WHEN points <= 0 THEN points ELSE LEAST(cap, running) - LEAST(cap, running - points) END AS contrib
    FROM e`
}

/** Aggregate over score parts: engagement decayed to `now`, the value rescoreInSql() stores. */
function engagementAtSql(rules: ScoringRules, now: Date): SQL {
  const halfLifeMs = rules.halfLifeDays * 86_400_000
  // In float8 (date_part, not extract, which gives numeric): power() over numeric dominated a rescore.
  return sql`sum(contrib * power(2::float8, -date_part('epoch', ${now.toISOString()}::timestamptz - occurred_at) * 1000 / ${halfLifeMs}::float8))`
}

/** totalScore() of src/shared/scoring.ts: each half capped and rounded (Math.round is floor(x + 0.5) here, both being ≥ 0). */
function totalScoreSql(fit: SQL, engagement: SQL, rules: ScoringRules): SQL {
  return sql`LEAST(100, GREATEST(0, floor(LEAST(${rules.fitMax}::int, GREATEST(0, ${fit})) + 0.5)
    + floor(LEAST(${rules.engagementMax}::int, GREATEST(0, ${engagement})) + 0.5)))`
}

/** The score as the sidebar shows it now: the stored fit, the stored engagement decayed to `now` (engagementNow()). */
function currentScoreSql(rules: ScoringRules, now: Date): SQL {
  const halfLifeSecs = rules.halfLifeDays * 86_400
  return totalScoreSql(sql`c.fit_score`,
    sql`c.engagement_value * power(2::float8, -GREATEST(0, date_part('epoch', ${now.toISOString()}::timestamptz - c.engagement_at)) / ${halfLifeSecs}::float8)`, rules)
}

/** The same rules as fitScore() in src/shared/scoring.ts, as one SQL expression. */
function fitSql(rules: ScoringRules): SQL {
  const ind = rules.fit.industries.map((r) => sql`WHEN lower(c.industry) = ${r.industry.toLowerCase()} THEN ${r.points}::int`)
  const tit = rules.fit.titles.map((r) => sql`WHEN lower(c.title) ~ ${`\\m${r.keyword.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\M`} THEN ${r.points}::int`)
  const siz = rules.fit.companySize.map((r) => sql`WHEN c.company_size BETWEEN ${r.min}::int AND ${r.max}::int THEN ${r.points}::int`)
  const cases = [ind, tit, siz].map((w) => (w.length ? sql`coalesce(CASE ${sql.join(w, sql` `)} END, 0)` : sql`0`))
  return sql`LEAST(${rules.fitMax}::int, GREATEST(0, ${sql.join(cases, sql` + `)}))`
}

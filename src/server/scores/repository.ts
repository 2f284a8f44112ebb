import { type Executor, pgArray, rows, sql } from "../db/client"
import type { ScoringRules } from "../../shared/contracts/settings"
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
  const types = Object.entries(rules.events)
  const ruleRows = types.length
    ? sql.join(types.map(([t, r]) => sql`(${t}::text, ${r!.points}::int, ${r!.dailyCap}::int)`), sql`, `)
    : sql`(NULL::text, 0, 0)`
  const halfLifeMs = rules.halfLifeDays * 86_400_000
  await ex.execute(sql`DELETE FROM score_buckets WHERE org_id = ${orgId}`)
  await ex.execute(sql`
    CREATE TEMP TABLE score_parts ON COMMIT DROP AS
    WITH r(type, points, cap) AS (VALUES ${ruleRows}),
    e AS (
      SELECT e.contact_id, e.type, e.occurred_at, (e.occurred_at AT TIME ZONE 'UTC')::date AS day, r.points, r.cap,
        sum(GREATEST(r.points, 0)) OVER (PARTITION BY e.contact_id, e.type, (e.occurred_at AT TIME ZONE 'UTC')::date ORDER BY e.occurred_at, e.id) AS running
      FROM marketing_events e JOIN r ON r.type = e.type
      WHERE e.org_id = ${orgId} AND e.counted
    )
    SELECT contact_id, type, day, occurred_at,
      CASE WHEN points <= 0 THEN points ELSE LEAST(cap, running) - LEAST(cap, running - points) END AS contrib
    FROM e`)
  await ex.execute(sql`
    INSERT INTO score_buckets (org_id, contact_id, type, day, points)
    SELECT ${orgId}, contact_id, type, day, sum(GREATEST(contrib, 0)) FROM score_parts GROUP BY contact_id, type, day`)
  await ex.execute(sql`UPDATE contacts c SET fit_score = ${fitSql(rules)}, engagement_value = 0, engagement_at = ${now.toISOString()}::timestamptz
    WHERE c.org_id = ${orgId}`)
  await ex.execute(sql`
    UPDATE contacts c SET engagement_value = p.value
    FROM (
      SELECT contact_id, sum(contrib * power(2, -extract(epoch FROM (${now.toISOString()}::timestamptz - occurred_at)) * 1000 / ${halfLifeMs})) AS value
      FROM score_parts GROUP BY contact_id
    ) p
    WHERE c.org_id = ${orgId} AND c.id = p.contact_id`)
  await ex.execute(sql`DROP TABLE IF EXISTS score_parts`)
}

/** The same rules as fitScore() in src/shared/scoring.ts, as one SQL expression. */
function fitSql(rules: ScoringRules): SQL {
  const ind = rules.fit.industries.map((r) => sql`WHEN lower(c.industry) = ${r.industry.toLowerCase()} THEN ${r.points}::int`)
  const tit = rules.fit.titles.map((r) => sql`WHEN lower(c.title) ~ ${`\\m${r.keyword.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\M`} THEN ${r.points}::int`)
  const siz = rules.fit.companySize.map((r) => sql`WHEN c.company_size BETWEEN ${r.min}::int AND ${r.max}::int THEN ${r.points}::int`)
  const cases = [ind, tit, siz].map((w) => (w.length ? sql`coalesce(CASE ${sql.join(w, sql` `)} END, 0)` : sql`0`))
  return sql`LEAST(${rules.fitMax}::int, GREATEST(0, ${sql.join(cases, sql` + `)}))`
}

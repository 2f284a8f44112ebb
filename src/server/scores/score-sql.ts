import { sql, type SQL } from "drizzle-orm"
import type { ScoringRules } from "../../shared/contracts/settings"
import { dayMs } from "../../shared/days"

// The lead score of src/shared/scoring.ts as SQL expressions, so whole orgs are rescored, previewed and
// reported on inside the database. The one SQL home of the scoring rules: the rescore, the settings preview
// and the analytics reports all build on these. Expressions on contacts expect the alias `c`; the score itself is on
// contact_scores.

/**
 * Each counted event's points after its type's daily cap: (contact_id, type, day, occurred_at, contrib).
 * `and` narrows the events `e` further (AND ...).
 */
export function scorePartsSql(orgId: string, rules: ScoringRules, and: SQL = sql``): SQL {
  const types = Object.entries(rules.events)
  const ruleRows = types.length
    ? sql.join(
        types.map(([t, r]) => sql`(${t}::text, ${r!.points}::int, ${r!.dailyCap}::int)`),
        sql`, `,
      )
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
export function engagementAtSql(rules: ScoringRules, now: Date): SQL {
  const halfLifeMs = rules.halfLifeDays * dayMs
  // In float8 (date_part, not extract, which gives numeric): power() over numeric dominated a rescore.
  return sql`sum(contrib * power(2::float8, -date_part('epoch', ${now.toISOString()}::timestamptz - occurred_at) * 1000 / ${halfLifeMs}::float8))`
}

/** totalScore() of src/shared/scoring.ts: each half capped and rounded (Math.round is floor(x + 0.5) here, both being ≥ 0). */
export function totalScoreSql(fit: SQL, engagement: SQL, rules: ScoringRules): SQL {
  return sql`LEAST(100, GREATEST(0, floor(LEAST(${rules.fitMax}::int, GREATEST(0, ${fit})) + 0.5)
    + floor(LEAST(${rules.engagementMax}::int, GREATEST(0, ${engagement})) + 0.5)))`
}

/**
 * The score as the sidebar shows it now: the stored fit, the stored engagement decayed to `now` (engagementNow()).
 * `s` is the contact's row of contact_scores (or a row with its columns).
 */
export function currentScoreSql(rules: ScoringRules, now: Date, s: SQL): SQL {
  const halfLifeSecs = rules.halfLifeDays * 86_400
  // An integer, as the sidebar shows it: reports divide it into score bands.
  return sql`(${totalScoreSql(
    sql`${s}.fit_score`,
    sql`${s}.engagement_value * power(2::float8, -GREATEST(0, date_part('epoch', ${now.toISOString()}::timestamptz - ${s}.engagement_at)) / ${halfLifeSecs}::float8)`,
    rules,
  )})::int`
}

/** A title rule's keyword as a whole-word regular expression, as fitScore() matches it. */
export const titlePattern = (keyword: string) => `\\m${keyword.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\M`

/** The same rules as fitScore() in src/shared/scoring.ts, as one SQL expression. */
export function fitSql(rules: ScoringRules): SQL {
  const ind = rules.fit.industries.map((r) => sql`WHEN lower(c.industry) = ${r.industry.toLowerCase()} THEN ${r.points}::int`)
  const tit = rules.fit.titles.map((r) => sql`WHEN lower(c.title) ~ ${titlePattern(r.keyword)} THEN ${r.points}::int`)
  const siz = rules.fit.companySize.map((r) => sql`WHEN c.company_size BETWEEN ${r.min}::int AND ${r.max}::int THEN ${r.points}::int`)
  const cases = [ind, tit, siz].map((w) => (w.length ? sql`coalesce(CASE ${sql.join(w, sql` `)} END, 0)` : sql`0`))
  return sql`LEAST(${rules.fitMax}::int, GREATEST(0, ${sql.join(cases, sql` + `)}))`
}

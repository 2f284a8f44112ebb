import { sql, type SQL } from "drizzle-orm"
import type { ScoringRules } from "../../shared/contracts/settings"
import { describeEvent } from "../../shared/scoring"

// The lead score and its rules as SQL, mirroring src/shared/scoring.ts, so calibration can score and explain
// many contacts inside one query instead of loading them into Node.

/** totalScore(fit, engagementNow(...)) of src/shared/scoring.ts on a contacts alias; Math.round is floor(x + 0.5). */
export function currentScoreSql(rules: ScoringRules, c: SQL, now: Date): SQL {
  const halfLifeSecs = rules.halfLifeDays * 86_400
  const eng = sql`${c}.engagement_value * power(2::float8, -GREATEST(0, extract(epoch FROM (${now.toISOString()}::timestamptz - ${c}.engagement_at))) / ${halfLifeSecs}::float8)`
  const fit = sql`floor(LEAST(${rules.fitMax}::int, GREATEST(0, ${c}.fit_score)) + 0.5)`
  const e = sql`floor(LEAST(${rules.engagementMax}::int, GREATEST(0, ${eng})) + 0.5)`
  return sql`LEAST(100, GREATEST(0, ${fit} + ${e}))::int`
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * The fit rules a contact earns points from, named as the score reasons name them ("industry is fintech",
 * "title matches VP", "company size 200-5000"), one row per rule matched: (rule, points). First match wins
 * within each kind, as in fitScore(). Uses the contact's current firmographics.
 */
export function fitRulesSql(rules: ScoringRules, c: SQL): SQL {
  const pair = (items: { when: SQL; rule: string; points: number }[]) => items.length
    ? sql`(CASE ${sql.join(items.map((x) => sql`WHEN ${x.when} THEN ${x.rule}::text`), sql` `)} END,
        CASE ${sql.join(items.map((x) => sql`WHEN ${x.when} THEN ${x.points}::int`), sql` `)} END)`
    : sql`(NULL::text, NULL::int)`
  const industry = pair(rules.fit.industries.map((r) => ({ when: sql`lower(trim(${c}.industry)) = ${r.industry.toLowerCase()}`, rule: `industry is ${r.industry}`, points: r.points })))
  const title = pair(rules.fit.titles.map((r) => ({ when: sql`lower(${c}.title) ~ ${`\\m${escapeRe(r.keyword.toLowerCase())}\\M`}`, rule: `title matches ${r.label}`, points: r.points })))
  const size = pair(rules.fit.companySize.map((r) => ({ when: sql`${c}.company_size BETWEEN ${r.min}::int AND ${r.max}::int`, rule: `company size ${r.min}-${r.max}`, points: r.points })))
  return sql`(SELECT v.rule, v.points FROM (VALUES ${industry}, ${title}, ${size}) v(rule, points) WHERE v.rule IS NOT NULL)`
}

/** Engagement rules are named as the score reasons name an event ("attended webinar", "requested a demo"). */
export function eventRuleNamesSql(rules: ScoringRules): SQL {
  const types = Object.keys(rules.events)
  if (!types.length) return sql`(SELECT NULL::text AS type, NULL::text AS rule WHERE FALSE)`
  return sql`(VALUES ${sql.join(types.map((t) => sql`(${t}::text, ${describeEvent(t)}::text)`), sql`, `)})`
}

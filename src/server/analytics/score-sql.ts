import { sql, type SQL } from "drizzle-orm"
import type { ScoringRules } from "../../shared/contracts/settings"
import { describeEvent } from "../../shared/scoring"
import { titlePattern } from "../scores/score-sql"

// The scoring rules named as the score reasons name them, in SQL, so calibration can explain many contacts
// inside one query instead of loading them into Node. The score itself is src/server/scores/score-sql.ts.

/**
 * The fit rules a contact earns points from, named as the score reasons name them ("industry is fintech",
 * "title matches VP", "company size 200-5000"), one row per rule matched: (rule, points). First match wins
 * within each kind, as in fitScore(). Uses the contact's current firmographics.
 */
export function fitRulesSql(rules: ScoringRules, c: SQL): SQL {
  const pair = (items: { when: SQL; rule: string; points: number }[]) =>
    items.length
      ? sql`(CASE ${sql.join(
          items.map((x) => sql`WHEN ${x.when} THEN ${x.rule}::text`),
          sql` `,
        )} END,
        CASE ${sql.join(
          items.map((x) => sql`WHEN ${x.when} THEN ${x.points}::int`),
          sql` `,
        )} END)`
      : sql`(NULL::text, NULL::int)`
  const industry = pair(
    rules.fit.industries.map((r) => ({
      when: sql`lower(trim(${c}.industry)) = ${r.industry.toLowerCase()}`,
      rule: `industry is ${r.industry}`,
      points: r.points,
    })),
  )
  const title = pair(
    rules.fit.titles.map((r) => ({ when: sql`lower(${c}.title) ~ ${titlePattern(r.keyword)}`, rule: `title matches ${r.label}`, points: r.points })),
  )
  const size = pair(
    rules.fit.companySize.map((r) => ({
      when: sql`${c}.company_size BETWEEN ${r.min}::int AND ${r.max}::int`,
      rule: `company size ${r.min}-${r.max}`,
      points: r.points,
    })),
  )
  return sql`(SELECT v.rule, v.points FROM (VALUES ${industry}, ${title}, ${size}) v(rule, points) WHERE v.rule IS NOT NULL)`
}

/** Engagement rules are named as the score reasons name an event ("attended webinar", "requested a demo"). */
export function eventRuleNamesSql(rules: ScoringRules): SQL {
  const types = Object.keys(rules.events)
  if (!types.length) return sql`(SELECT NULL::text AS type, NULL::text AS rule WHERE FALSE)`
  return sql`(VALUES ${sql.join(
    types.map((t) => sql`(${t}::text, ${describeEvent(t)}::text)`),
    sql`, `,
  )})`
}

import { sql, type SQL } from "drizzle-orm"
import type { ScoringRules } from "../../shared/contracts/settings"
import { describeEvent } from "../../shared/scoring"
import { titlePattern } from "../scores/score-sql"

// The scoring rules named as the score reasons name them, in SQL, so calibration can explain many contacts
// inside one query instead of loading them into Node. The score itself is src/server/scores/score-sql.ts.

/**
 * The fit rules, one kind at a time (industry, title, company size): each kind reads one column, and a contact
 * earns at most one rule of each kind — the first that matches, as in fitScore(). `match(c)` is a row
 * (rule, points), both NULL when no rule of the kind matches, named as the score reasons name them
 * ("industry is fintech", "title matches VP", "company size 200-5000"). Uses the contact's current firmographics.
 * Calibration groups its leads by one column per kind, so a rule is matched once per distinct value, not per lead.
 */
export function fitRuleKinds(rules: ScoringRules): { column: "industry" | "title" | "company_size"; match: (c: SQL) => SQL }[] {
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
  return [
    {
      column: "industry",
      match: (c) =>
        pair(
          rules.fit.industries.map((r) => ({
            when: sql`lower(trim(${c}.industry)) = ${r.industry.toLowerCase()}`,
            rule: `industry is ${r.industry}`,
            points: r.points,
          })),
        ),
    },
    {
      column: "title",
      match: (c) =>
        pair(rules.fit.titles.map((r) => ({ when: sql`lower(${c}.title) ~ ${titlePattern(r.keyword)}`, rule: `title matches ${r.label}`, points: r.points }))),
    },
    {
      column: "company_size",
      match: (c) =>
        pair(
          rules.fit.companySize.map((r) => ({
            when: sql`${c}.company_size BETWEEN ${r.min}::int AND ${r.max}::int`,
            rule: `company size ${r.min}-${r.max}`,
            points: r.points,
          })),
        ),
    },
  ]
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

import type { SQL } from "drizzle-orm"
import { type Executor, jsonValue, rows, sql } from "../db/client"
import type { ScoringRules } from "../../shared/contracts/settings"
import type { Applied } from "./scope"
import { contactCond, hasContactFilter, repCond } from "./filters"
import { currentScoreSql } from "../scores/score-sql"
import { eventRuleNamesSql, fitRuleKinds } from "./score-sql"
import { describeEvent } from "../../shared/scoring"
import { dayMs } from "../../shared/days"

// Score calibration. The population of a period: every contact that became an MQL in it, at the score it had
// when it crossed (stage_changes.score; the current score where an older change did not record one), and
// every contact created in it that did not become an MQL, at its current score. The rep is the owner.

const inPeriod = (col: ReturnType<typeof sql>, a: Applied) => sql`${col} >= ${a.p.start.toISOString()} AND ${col} < ${a.p.end.toISOString()}`

/**
 * The period's MQLs (the latest crossing per contact: the one whose next crossing, kept on write, is not in the
 * period) with what sales did with them afterwards, the contact's firmographics and the engagement points earned by
 * the crossing, all from mql_outcomes (migrations 0005, 0007, mql_next); the contact itself is read only for an old
 * change that did not record its score (its score, from contact_scores).
 */
export const mqlsOf = (a: Applied, rules: ScoringRules, and: SQL = sql`TRUE`) => sql`
  SELECT m.contact_id, m.mql_at AS at,
    coalesce(m.score, (SELECT ${currentScoreSql(rules, a.now, sql`s`)} FROM contact_scores s WHERE s.org_id = m.org_id AND s.contact_id = m.contact_id)) AS score,
    m.decision, m.reason, m.sql_at IS NOT NULL AS sql, m.customer_at IS NOT NULL AS customer,
    m.industry, m.title, m.company_size, m.points
  FROM mql_outcomes m
  WHERE m.org_id = ${a.orgId} AND ${inPeriod(sql`m.mql_at`, a)} AND (m.next_mql_at IS NULL OR m.next_mql_at >= ${a.p.end.toISOString()})
    AND m.stage IS NOT NULL AND ${repCond(a.orgId, a.f, sql`m.owner_id`)} AND ${contactCond(a.f, sql`m`)} AND ${and}`

export interface BandRow {
  band: number
  contacts: number
  mqls: number
  accepted: number
  rejected: number
  sqls: number
  customers: number
}
export interface RuleRow {
  rule: string
  kind: "fit" | "engagement"
  acceptedLeads: number
  rejectedLeads: number
  acceptedPoints: number | null
  rejectedPoints: number | null
}

/**
 * Which rules the accepted and the rejected MQLs of the period earned their points from: fit rules by their
 * current firmographics, engagement rules by the points (after daily caps, before decay) earned up to the day
 * they became an MQL — both kept on the MQL's mql_outcomes row, current on write (migration 0007).
 * `fitGroups(column)` is (decision, <column>, n): the decided leads per value of the column a fit rule kind reads.
 */
const ruleRows = (rules: ScoringRules, engagement: SQL, fitGroups: (column: string) => SQL) => {
  // Fit rules are matched once per distinct value of the one column each kind reads (a few dozen industries and
  // titles, a few thousand sizes at most), not once per lead: n leads each. OFFSET 0 keeps the planner from pushing
  // "a rule matched" below the grouping, which would match the rules once per lead again. Points are whole numbers, so the mean
  // weighted by n is exactly the mean over leads.
  const fit = sql.join(
    fitRuleKinds(rules).map(
      (k) => sql`
      SELECT g.decision, f.rule, f.points::float8 AS points, g.n
      FROM (${fitGroups(k.column)} OFFSET 0) g, LATERAL (VALUES ${k.match(sql`g`)}) f(rule, points)
      WHERE f.rule IS NOT NULL`,
    ),
    sql` UNION ALL `,
  )
  return sql`
    fit AS (${fit}),
    rule_rows AS (
      SELECT rule, 'fit' AS kind, coalesce(sum(n) FILTER (WHERE decision = 'accept'), 0)::int AS accepted_leads,
        coalesce(sum(n) FILTER (WHERE decision = 'reject'), 0)::int AS rejected_leads,
        sum(points * n) FILTER (WHERE decision = 'accept') / sum(n) FILTER (WHERE decision = 'accept') AS accepted_points,
        sum(points * n) FILTER (WHERE decision = 'reject') / sum(n) FILTER (WHERE decision = 'reject') AS rejected_points,
        sum(n) AS leads
      FROM fit GROUP BY rule
      ${Object.keys(rules.events).length ? sql`UNION ALL ${engagement}` : sql``})`
}

/** When every event type has its own rule name (the usual case) each type is one rule. */
const ownNames = (rules: ScoringRules) => {
  const types = Object.keys(rules.events)
  return new Set(types.map((t) => describeEvent(t))).size === types.length
}

/** The engagement rule rows from the decided leads `d` (decision, points) themselves. */
const engagementOfLeads = (rules: ScoringRules) => {
  const types = Object.keys(rules.events)
  const col = (prefix: string, i: number) => sql.identifier(`${prefix}${i}`)
  // One pass over the leads per decision: each type's points are read from the json once per lead (p0, p1, ...),
  // counted where not 0 and added up (int sums: an avg()'s float state per type cost more than the rest together).
  // The two rows per decision are then turned into one row per rule.
  return ownNames(rules)
    ? sql`
      SELECT v.rule, 'engagement' AS kind, coalesce(sum(v.n) FILTER (WHERE e.decision = 'accept'), 0)::int AS accepted_leads,
        coalesce(sum(v.n) FILTER (WHERE e.decision = 'reject'), 0)::int AS rejected_leads,
        sum(v.points) FILTER (WHERE e.decision = 'accept')::float8 / nullif(sum(v.n) FILTER (WHERE e.decision = 'accept'), 0) AS accepted_points,
        sum(v.points) FILTER (WHERE e.decision = 'reject')::float8 / nullif(sum(v.n) FILTER (WHERE e.decision = 'reject'), 0) AS rejected_points,
        sum(v.n) AS leads
      FROM (
        SELECT decision, ${sql.join(
          types.map((_, i) => sql`count(nullif(${col("p", i)}, 0)) AS ${col("n", i)}, sum(${col("p", i)}) AS ${col("s", i)}`),
          sql`, `,
        )}
        FROM (SELECT decision, ${sql.join(
          types.map((t, i) => sql`(points ->> ${t}::text)::int AS ${col("p", i)}`),
          sql`, `,
        )} FROM d) x
        GROUP BY decision) e,
      LATERAL (VALUES ${sql.join(
        types.map((t, i) => sql`(${describeEvent(t)}::text, e.${col("n", i)}, e.${col("s", i)})`),
        sql`, `,
      )}) v(rule, n, points)
      GROUP BY v.rule HAVING sum(v.n) > 0`
    : // Types sharing a name are added up per lead first.
      sql`
      SELECT rule, 'engagement' AS kind, count(*) FILTER (WHERE decision = 'accept')::int AS accepted_leads,
        count(*) FILTER (WHERE decision = 'reject')::int AS rejected_leads,
        avg(points) FILTER (WHERE decision = 'accept') AS accepted_points, avg(points) FILTER (WHERE decision = 'reject') AS rejected_points,
        count(*) AS leads
      FROM (
        SELECT d.decision, n.rule, sum(e.points::bigint)::float8 AS points
        FROM d, jsonb_each_text(d.points) e(type, points), ${eventRuleNamesSql(rules)} n(type, rule)
        WHERE n.type = e.type
        GROUP BY d.contact_id, d.decision, n.rule HAVING sum(e.points::bigint) <> 0) x
      GROUP BY rule`
}

/** The engagement rule rows from per-type counts `rd` (decision, kind 'event', value = the type, leads, points). */
const engagementOfCounts = (rules: ScoringRules) => sql`
  SELECT v.rule, 'engagement' AS kind, coalesce(sum(r.leads) FILTER (WHERE r.decision = 'accept'), 0)::int AS accepted_leads,
    coalesce(sum(r.leads) FILTER (WHERE r.decision = 'reject'), 0)::int AS rejected_leads,
    sum(r.points) FILTER (WHERE r.decision = 'accept')::float8 / nullif(sum(r.leads) FILTER (WHERE r.decision = 'accept'), 0) AS accepted_points,
    sum(r.points) FILTER (WHERE r.decision = 'reject')::float8 / nullif(sum(r.leads) FILTER (WHERE r.decision = 'reject'), 0) AS rejected_points,
    sum(r.leads) AS leads
  FROM rd r JOIN ${eventRuleNamesSql(rules)} v(type, rule) ON r.kind = 'event' AND r.value = v.type
  GROUP BY v.rule HAVING sum(r.leads) > 0`

const inDays = (a: Applied) => sql`day >= ${a.p.from}::date AND day <= ${a.p.to}::date`

/**
 * Where the report's rows come from, in either case: bm (score, decision, reason, sql, customer, n), the period's
 * MQLs counted n times each; others (score), the contacts created in it that did not become MQLs in it; and the
 * rule rows.
 */
function sources(a: Applied, rules: ScoringRules): SQL {
  // The scores come from contact_scores_created; the contact itself only when a filter asks about it, from
  // contacts_created (both cover what they are read for, and the two sides are joined by hash).
  const filtered = Boolean(a.f.rep || a.f.team || hasContactFilter(a.f))
  const others = (mqlContacts: SQL) => sql`
    others AS (
      SELECT ${currentScoreSql(rules, a.now, sql`s`)} AS score FROM contact_scores s
      ${
        filtered
          ? sql`JOIN contacts c ON c.org_id = ${a.orgId} AND c.id = s.contact_id AND ${inPeriod(sql`c.created_at`, a)}
              AND ${repCond(a.orgId, a.f, sql`c.owner_id`)} AND ${contactCond(a.f, sql`c`)}`
          : sql``
      }
      WHERE s.org_id = ${a.orgId} AND ${inPeriod(sql`s.created_at`, a)}
        -- NOT IN (both sides are never NULL) hashes the period's MQLs once instead of sorting every lead.
        AND s.contact_id NOT IN (${mqlContacts}))`
  const rolled = !a.f.rep && !a.f.team && !hasContactFilter(a.f) && ownNames(rules)
  if (!rolled) {
    // With a filter, every crossing of the period is read (the rollups have no filter columns).
    return sql`
    m AS MATERIALIZED (${mqlsOf(a, rules)}),
    ${others(sql`SELECT m.contact_id FROM m`)},
    bm AS NOT MATERIALIZED (SELECT score, decision, reason, sql, customer, 1 AS n FROM m),
    -- The decided leads, with only what the rules read.
    d AS MATERIALIZED (SELECT contact_id, decision, industry, title, company_size, points FROM m WHERE decision IN ('accept', 'reject')),
    ${ruleRows(rules, engagementOfLeads(rules), (column) => sql`SELECT decision, ${sql.identifier(column)}, count(*) AS n FROM d GROUP BY 1, 2`)}`
  }
  // The whole org: the period's counts per day (mql_band_days, mql_rule_days, kept on write), and one by one the
  // crossings they leave out (an earlier crossing whose next one is outside the period, a crossing without a
  // recorded score): the index mql_outcomes_unrolled holds just those.
  return sql`
    live AS MATERIALIZED (${mqlsOf(a, rules, sql`(m.next_mql_at IS NOT NULL OR m.score IS NULL)`)}),
    bm AS (
      SELECT score, nullif(decision, '') AS decision, nullif(reason, '') AS reason, sql, customer, sum(n)::int AS n
      FROM mql_band_days WHERE org_id = ${a.orgId} AND ${inDays(a)} GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
      UNION ALL SELECT score, decision, reason, sql, customer, 1 FROM live),
    -- Whoever crossed in the period is an MQL of it (their latest crossing is), whatever else is true of the row.
    ${others(sql`SELECT o.contact_id FROM mql_outcomes o WHERE o.org_id = ${a.orgId} AND ${inPeriod(sql`o.mql_at`, a)}`)},
    rd AS MATERIALIZED (
      SELECT decision, kind, value, sum(leads) AS leads, sum(points) AS points FROM (
        SELECT decision, kind, value, leads, points FROM mql_rule_days WHERE org_id = ${a.orgId} AND ${inDays(a)}
        UNION ALL
        SELECT l.decision, k.kind, k.value, 1, k.points FROM live l, LATERAL (
          SELECT 'industry', l.industry, 0 WHERE l.industry IS NOT NULL
          UNION ALL SELECT 'title', l.title, 0 WHERE l.title IS NOT NULL
          UNION ALL SELECT 'company_size', l.company_size::text, 0 WHERE l.company_size IS NOT NULL
          UNION ALL SELECT 'event', e.key, e.value::int FROM jsonb_each_text(l.points) e WHERE e.value::int <> 0) k(kind, value, points)
        WHERE l.decision IN ('accept', 'reject')) x
      GROUP BY 1, 2, 3 HAVING sum(leads) <> 0),
    ${ruleRows(
      rules,
      engagementOfCounts(rules),
      (column) =>
        sql`SELECT decision, value${column === "company_size" ? sql`::int` : sql``} AS ${sql.identifier(column)}, leads AS n FROM rd WHERE kind = ${column}`,
    )}`
}

// The report is two statements, run at once on two connections sharing one snapshot (reportHalves): the bands with
// their rejection reasons, and the rules behind the decided leads. Each reads the period's MQLs itself (a WITH query
// that a statement does not reference is never run): with a filter that read is a third of either statement, and the
// two together took 490 ms at 1,000,000 contacts where each half takes about 300.

/** The contacts and MQLs per score band, and the rejection reasons per band. */
export async function bands(ex: Executor, a: Applied, rules: ScoringRules, bandSize: number, bandCount: number) {
  const band = (score: SQL) => sql`LEAST(${bandCount - 1}::int, GREATEST(0, ${score}) / ${bandSize}::int)`
  const [r] = await rows<{ bands: BandRow[] | string; rejections: { band: number; reason: string; count: number }[] | string }>(
    ex,
    sql`
    WITH ${sources(a, rules)},
    b AS (
      SELECT ${band(sql`score`)} AS band, n, n AS mql, decision, sql, customer FROM bm
      UNION ALL SELECT ${band(sql`score`)}, 1, 0, NULL, FALSE, FALSE FROM others)
    SELECT
      (SELECT coalesce(json_agg(json_build_object('band', band, 'contacts', contacts, 'mqls', mqls, 'accepted', accepted, 'rejected', rejected,
          'sqls', sqls, 'customers', customers) ORDER BY band), '[]')
       FROM (SELECT band, sum(n) AS contacts, sum(mql) AS mqls, coalesce(sum(n) FILTER (WHERE decision = 'accept'), 0) AS accepted,
         coalesce(sum(n) FILTER (WHERE decision = 'reject'), 0) AS rejected, coalesce(sum(n) FILTER (WHERE sql), 0) AS sqls,
         coalesce(sum(n) FILTER (WHERE customer), 0) AS customers
         FROM b GROUP BY band) x) AS bands,
      (SELECT coalesce(json_agg(json_build_object('band', band, 'reason', reason, 'count', n) ORDER BY band, n DESC, reason), '[]')
       FROM (SELECT ${band(sql`score`)} AS band, coalesce(reason, 'other') AS reason, sum(n) AS n FROM bm WHERE decision = 'reject' GROUP BY 1, 2) x) AS rejections`,
  )
  return { bands: jsonValue(r!.bands), rejections: jsonValue(r!.rejections) }
}

/** Which scoring rules the accepted and the rejected leads earned their points from. */
export async function ruleRowsOf(ex: Executor, a: Applied, rules: ScoringRules) {
  const [r] = await rows<{ rules: RuleRow[] | string }>(
    ex,
    sql`
    WITH ${sources(a, rules)}
    SELECT coalesce(json_agg(json_build_object('rule', rule, 'kind', kind, 'acceptedLeads', accepted_leads, 'rejectedLeads', rejected_leads,
        'acceptedPoints', accepted_points, 'rejectedPoints', rejected_points) ORDER BY leads DESC, rule), '[]') AS rules
    FROM rule_rows`,
  )
  return jsonValue(r!.rules)
}

/**
 * The threshold preview. Over the last 90 days: how many contacts would have become MQLs at threshold T,
 * estimated from the scores we know each contact reached (at its crossing, and now); and the acceptance rate
 * of every decided MQL handed over at a score of T or more (score at the crossing, from mql_outcomes).
 */
export async function thresholdPreview(ex: Executor, orgId: string, rules: ScoringRules, threshold: number, ownerId: string | null, now: Date) {
  const since = new Date(now.getTime() - 90 * dayMs).toISOString()
  const owner = (c: ReturnType<typeof sql>) => (ownerId ? sql`${c}.owner_id = ${ownerId}::uuid` : sql`TRUE`)
  // A score is at most fit + positive engagement (engagement only decays), plus 1 for rounding each half: the
  // expression of the contact_scores_ceiling index.
  const ceiling = sql`s.fit_score + GREATEST(s.engagement_value, 0) >= ${threshold - 1}::float8`
  const score = currentScoreSql(rules, now, sql`s`)
  const [r] = await rows<{ current: number; proposed: number; notYetMqls: number; decided: number; accepted: number }>(
    ex,
    sql`
    -- The 90 days' MQLs by their best recorded score at a crossing. Their best known score also counts the score now,
    -- max(recorded, now) >= T: the contact is read only for those whose recorded score is under T.
    -- A contact's latest crossing (no next one, kept on write) is in the 90 days if any is, so it stands for the contact:
    -- one row each from the index mql_outcomes_at, no grouping of every crossing by contact; its earlier crossings of the
    -- 90 days (few: the partial index mql_outcomes_unrolled) add their best score. The contact's stage and owner are on
    -- every one of its rows.
    WITH earlier AS (
      SELECT m.contact_id, max(coalesce(m.score, 0)) AS best
      FROM mql_outcomes m
      WHERE m.org_id = ${orgId} AND m.mql_at >= ${since} AND m.next_mql_at IS NOT NULL AND m.stage IS NOT NULL AND ${owner(sql`m`)}
      GROUP BY m.contact_id),
    crossed AS (
      -- GREATEST skips the NULL of a contact without earlier crossings.
      SELECT m.contact_id, GREATEST(coalesce(m.score, 0), e.best) AS recorded
      FROM mql_outcomes m LEFT JOIN earlier e ON e.contact_id = m.contact_id
      WHERE m.org_id = ${orgId} AND m.mql_at >= ${since} AND m.next_mql_at IS NULL AND m.stage IS NOT NULL AND ${owner(sql`m`)}),
    -- Contacts that did not cross but stand at or above T now; the ceiling lets an index skip everyone who cannot.
    waiting AS (
      SELECT c.id FROM contact_scores s JOIN contacts c ON c.org_id = s.org_id AND c.id = s.contact_id
      WHERE s.org_id = ${orgId} AND ${ceiling} AND ${score} >= ${threshold}::int
        AND c.stage IN ('subscriber', 'lead', 'recycled') AND ${owner(sql`c`)}
        -- Not in crossed, asked of the contact's own crossings (its key leads mql_outcomes' primary key): a few hundred
        -- contacts stand at T now, where a hash of crossed took every MQL of the 90 days.
        AND NOT EXISTS (SELECT 1 FROM mql_outcomes x WHERE x.org_id = ${orgId} AND x.contact_id = c.id AND x.mql_at >= ${since}
          AND x.stage IS NOT NULL AND ${owner(sql`x`)})),
    -- Every decided MQL at T or more when it crossed (an index on the recorded score finds them); the contact is
    -- read only when it must be: an old change without a recorded score.
    decided AS (
      SELECT m.decision FROM mql_outcomes m
      WHERE m.org_id = ${orgId} AND m.decision IN ('accept', 'reject') AND m.score >= ${threshold}::int AND ${owner(sql`m`)}
      UNION ALL
      SELECT m.decision FROM mql_outcomes m
      WHERE m.org_id = ${orgId} AND m.decision IN ('accept', 'reject') AND m.score IS NULL AND ${owner(sql`m`)}
        AND (SELECT ${score} FROM contact_scores s WHERE s.org_id = m.org_id AND s.contact_id = m.contact_id) >= ${threshold}::int)
    SELECT (SELECT count(*)::int FROM crossed) AS current,
      (SELECT count(*)::int FROM crossed x WHERE x.recorded >= ${threshold}::int)
        -- Those under T at their crossing count if they stand at T now: the same ceiling as above finds the few
        -- contacts that can, instead of reading every MQL's contact.
        + (SELECT count(*)::int FROM crossed x JOIN contact_scores s ON s.org_id = ${orgId} AND s.contact_id = x.contact_id
            WHERE x.recorded < ${threshold}::int AND ${ceiling} AND ${score} >= ${threshold}::int)
        + w.n AS proposed,
      w.n AS "notYetMqls", h.decided, h.accepted
    FROM (SELECT count(*)::int AS decided, count(*) FILTER (WHERE decision = 'accept')::int AS accepted FROM decided) h,
      (SELECT count(*)::int AS n FROM waiting) w`,
  )
  return r!
}

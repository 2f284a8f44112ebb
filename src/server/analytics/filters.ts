import { sql, type SQL } from "drizzle-orm"
import type { ReportFilters } from "../../shared/contracts/analytics"

// SQL conditions for the report filters. Each report says which column stands for "the rep" (the sharer,
// the activity's author, the contact's owner) and which alias is the contact or the asset; a filter that
// does not apply to a table is simply not asked for.

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`)

/** rep and team, on a column holding a user id. */
export function repCond(orgId: string, f: ReportFilters, userCol: SQL): SQL {
  const parts: SQL[] = []
  if (f.rep) parts.push(sql`${userCol} = ${f.rep}::uuid`)
  if (f.team) parts.push(sql`${userCol} IN (SELECT u.id FROM users u WHERE u.org_id = ${orgId} AND u.team = ${f.team})`)
  return and(parts)
}

export const hasContactFilter = (f: ReportFilters) => Boolean(f.stage || f.campaign || f.source)

/** stage, campaign and source, on a contacts alias (the contact's current stage and first-touch attribution). */
export function contactCond(f: ReportFilters, c: SQL): SQL {
  const parts: SQL[] = []
  if (f.stage) parts.push(sql`${c}.stage = ${f.stage}`)
  if (f.campaign) parts.push(sql`${c}.campaign = ${f.campaign}`)
  if (f.source) parts.push(sql`${c}.source = ${f.source}`)
  return and(parts)
}

/**
 * The same as a semi-join on a contact id column, for tables that only need the filter: with no contact
 * filter it is TRUE and the planner never touches contacts.
 */
export function contactIn(orgId: string, f: ReportFilters, contactCol: SQL): SQL {
  if (!hasContactFilter(f)) return sql`TRUE`
  return sql`EXISTS (SELECT 1 FROM contacts fc WHERE fc.org_id = ${orgId} AND fc.id = ${contactCol} AND ${contactCond(f, sql`fc`)})`
}

export const hasAssetFilter = (f: ReportFilters) => Boolean(f.assetKind || f.tag)

/** assetKind and tag (a topic or an industry tag), on an assets alias. */
export function assetCond(f: ReportFilters, a: SQL): SQL {
  const parts: SQL[] = []
  if (f.assetKind) parts.push(sql`${a}.kind = ${f.assetKind}`)
  if (f.tag) parts.push(sql`(${f.tag} = ANY(${a}.topics) OR ${f.tag} = ANY(${a}.industries))`)
  return and(parts)
}

export function assetIn(orgId: string, f: ReportFilters, assetCol: SQL): SQL {
  if (!hasAssetFilter(f)) return sql`TRUE`
  return sql`${assetCol} IN (SELECT fa.id FROM assets fa WHERE fa.org_id = ${orgId} AND ${assetCond(f, sql`fa`)})`
}

/** Monday of the UTC week of a timestamp column, as a YYYY-MM-DD string. */
export const weekSql = (col: SQL) => sql`to_char(date_trunc('week', ${col} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`

/** Every week of the period, so charts get zeros instead of gaps. */
export const weeksSql = (start: Date, end: Date) => sql`
  SELECT to_char(w, 'YYYY-MM-DD') AS week FROM generate_series(
    date_trunc('week', ${start.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
    (${end.toISOString()}::timestamptz AT TIME ZONE 'UTC') - interval '1 microsecond', interval '1 week') AS w`

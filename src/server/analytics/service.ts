import type { Db } from "../db/client"
import { NotFound } from "../errors"
import type { Principal } from "../auth/service"
import { stages } from "../../shared/contracts/common"
import type { AssetShares, ContentUsage, FilterOptions, ReportFilters } from "../../shared/contracts/analytics"
import { applyScope } from "./scope"
import * as usage from "./content-usage"
import * as shares from "./asset-shares"
import * as options from "./filter-options"
import { decodeCursor, encodeCursor } from "./cursor"

// The dashboard's reports. Every number is aggregated in SQL; this layer applies the scope (a rep sees only
// their own numbers, every query is limited to the caller's org) and shapes the answer. Each function takes
// (db, principal, query) so a benchmark can call it directly.

export async function filters(db: Db, p: Principal): Promise<FilterOptions> {
  const self = p.role === "rep"
  const [reps, teams, assets, campaigns, sources] = [
    await options.users(db, p.orgId, self ? p.userId : undefined),
    await options.teams(db, p.orgId),
    await options.assetChoices(db, p.orgId),
    await options.contactValues(db, p.orgId, "campaign"),
    await options.contactValues(db, p.orgId, "source"),
  ]
  return { reps, teams, stages: [...stages], ...assets, campaigns, sources }
}

export async function contentUsage(db: Db, p: Principal, q: ReportFilters, now = new Date()): Promise<ContentUsage> {
  const a = applyScope(p, q, now)
  const totals = await usage.usageTotals(db, a)
  const weekly = await usage.usageWeekly(db, a)
  const rows = await usage.usageRows(db, a)
  return { scope: a.scope, totals, weekly, rows }
}

export async function assetShares(db: Db, p: Principal, assetId: string, q: ReportFilters & { limit: number; cursor?: string }, now = new Date()): Promise<AssetShares> {
  const a = applyScope(p, q, now)
  const after = decodeCursor(q.cursor)
  const asset = await shares.findAsset(db, p.orgId, assetId)
  if (!asset) throw new NotFound("asset")
  const page = await shares.assetShares(db, a, assetId, q.limit + 1, after)
  const more = page.length > q.limit
  const rows = page.slice(0, q.limit)
  return {
    scope: a.scope, asset,
    rows: rows.map(({ key: _key, ...r }) => r),
    nextCursor: more ? encodeCursor(rows[rows.length - 1]!.key) : null,
  }
}

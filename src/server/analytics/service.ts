import type { Db } from "../db/client"
import { NotFound } from "../errors"
import type { Principal } from "../auth/service"
import { stages } from "../../shared/contracts/common"
import type {
  AssetShares,
  Calibration,
  ContentInfluence,
  ContentUsage,
  FilterOptions,
  HandoffReport,
  RepActivity,
  ReportFilters,
  ThresholdPreview,
} from "../../shared/contracts/analytics"
import { transitions } from "../../shared/contracts/analytics"
import { wilson } from "../../shared/wilson"
import { getSettings } from "../settings/service"
import { applyScope } from "./scope"
import { reportHalves, reportTx } from "./report-tx"
import * as usage from "./content-usage"
import * as shares from "./asset-shares"
import * as options from "./filter-options"
import { decodeCursor, encodeCursor } from "./cursor"
import * as activity from "./rep-activity"
import * as handoff from "./handoff"
import * as calibrationSql from "./calibration"
import * as influenceSql from "./influence"
import { dayMs } from "../../shared/days"

// The dashboard's reports. Every number is aggregated in SQL; this layer applies the scope (a rep sees only
// their own numbers, every query is limited to the caller's org) and shapes the answer. Each function takes
// (db, principal, query) so a benchmark can call it directly.

export async function filters(db: Db, p: Principal): Promise<FilterOptions> {
  const self = p.role === "rep"
  return reportTx(db, async (ex) => ({
    reps: await options.users(ex, p.orgId, self ? p.userId : undefined),
    teams: await options.teams(ex, p.orgId),
    stages: [...stages],
    ...(await options.assetChoices(ex, p.orgId)),
    campaigns: await options.contactValues(ex, p.orgId, "campaign"),
    sources: await options.contactValues(ex, p.orgId, "source"),
  }))
}

export async function contentUsage(db: Db, p: Principal, q: ReportFilters, now = new Date()): Promise<ContentUsage> {
  const a = applyScope(p, q, now)
  return reportTx(db, async (ex) => ({ scope: a.scope, ...(await usage.usage(ex, a)) }))
}

export async function assetShares(
  db: Db,
  p: Principal,
  assetId: string,
  q: ReportFilters & { limit: number; cursor?: string },
  now = new Date(),
): Promise<AssetShares> {
  const a = applyScope(p, q, now)
  const after = decodeCursor(q.cursor)
  const { asset, page } = await reportTx(db, async (ex) => {
    const asset = await shares.findAsset(ex, p.orgId, assetId)
    if (!asset) throw new NotFound("asset")
    return { asset, page: await shares.assetShares(ex, a, assetId, q.limit + 1, after) }
  })
  const more = page.length > q.limit
  const rows = page.slice(0, q.limit)
  return {
    scope: a.scope,
    asset,
    rows: rows.map(({ key: _key, ...r }) => r),
    nextCursor: more ? encodeCursor(rows[rows.length - 1]!.key) : null,
  }
}

export async function repActivity(db: Db, p: Principal, q: ReportFilters, now = new Date()): Promise<RepActivity> {
  const a = applyScope(p, q, now)
  return reportTx(db, async (ex) => ({ scope: a.scope, rows: await activity.byRep(ex, a), weekly: await activity.byWeek(ex, a) }))
}

/** met / (met + missed): an MQL still inside its SLA window is neither yet. */
const slaRate = (met: number, missed: number) => (met + missed === 0 ? null : met / (met + missed))

export async function handoffReport(db: Db, p: Principal, q: ReportFilters, now = new Date()): Promise<HandoffReport> {
  const a = applyScope(p, q, now)
  // Each half reads the SLA in its own transaction: the same snapshot, so the same hours.
  const [{ slaHours, summary }, parts] = await reportHalves(
    db,
    async (ex) => {
      const { slaHours } = await getSettings(ex, p.orgId)
      return { slaHours, summary: await handoff.handoffSummary(ex, a, slaHours) }
    },
    async (ex) => handoff.handoffParts(ex, a, (await getSettings(ex, p.orgId)).slaHours),
  )
  const r = { summary, ...parts }
  const conversion = (x: (typeof r.byCampaign)[number]) => ({ ...x, conversion: wilson(x.sqls, x.mqls) })
  const { n, median, p90, ...mqls } = r.summary
  return {
    scope: a.scope,
    slaHours,
    mqls,
    rejections: r.rejections,
    firstTouch: { n, medianHours: median, p90Hours: p90 },
    slaByRep: r.byRep.map((x) => ({ ...x, rate: slaRate(x.met, x.missed) })),
    slaByWeek: r.byWeek.map((x) => ({ ...x, rate: slaRate(x.met, x.missed) })),
    byCampaign: r.byCampaign.map(conversion),
    bySource: r.bySource.map(conversion),
  }
}

/** Bands of `size` points from 0; the last one runs to 100 ("90–100"). */
export function scoreBands(size: number) {
  const count = Math.ceil(100 / size)
  return Array.from({ length: count }, (_, i) => {
    const min = i * size
    const max = i === count - 1 ? 100 : min + size - 1
    return { min, max, label: `${min}–${max}` }
  })
}

export async function calibration(db: Db, p: Principal, q: ReportFilters & { bandSize: number }, now = new Date()): Promise<Calibration> {
  const a = applyScope(p, q, now)
  const shape = scoreBands(q.bandSize)
  // Each half reads the settings in its own transaction: the same snapshot, so the same rules.
  const [{ settings, bands, rejections }, rules] = await reportHalves(
    db,
    async (ex) => {
      const settings = await getSettings(ex, p.orgId)
      return { settings, ...(await calibrationSql.bands(ex, a, settings.scoring, q.bandSize, shape.length)) }
    },
    async (ex) => calibrationSql.ruleRowsOf(ex, a, (await getSettings(ex, p.orgId)).scoring),
  )
  const accepted = bands.reduce((n, b) => n + Number(b.accepted), 0)
  const rejected = bands.reduce((n, b) => n + Number(b.rejected), 0)
  const share = (k: number, of: number) => (of === 0 ? null : k / of)
  return {
    scope: a.scope,
    threshold: settings.mqlThreshold,
    bands: shape.map((s, i) => {
      const b = bands.find((x) => x.band === i) ?? { contacts: 0, mqls: 0, accepted: 0, rejected: 0, sqls: 0, customers: 0 }
      return {
        ...s,
        contacts: b.contacts,
        mqls: b.mqls,
        accepted: b.accepted,
        rejected: b.rejected,
        sqls: b.sqls,
        customers: b.customers,
        acceptance: wilson(b.accepted, b.accepted + b.rejected),
        rejections: rejections.filter((x) => x.band === i).map(({ reason, count }) => ({ reason, count })),
      }
    }),
    rules: rules.map((r) => ({
      ...r,
      acceptedShare: share(r.acceptedLeads, accepted),
      rejectedShare: share(r.rejectedLeads, rejected),
    })),
    decided: { accepted, rejected },
  }
}

export async function thresholdPreview(db: Db, p: Principal, q: { threshold: number }, now = new Date()): Promise<ThresholdPreview> {
  const { settings, r } = await reportTx(db, async (ex) => {
    const settings = await getSettings(ex, p.orgId)
    return { settings, r: await calibrationSql.thresholdPreview(ex, p.orgId, settings.scoring, q.threshold, p.role === "rep" ? p.userId : null, now) }
  })
  const expectedAcceptance = wilson(r.accepted, r.decided)
  return {
    periodDays: 90,
    current: { threshold: settings.mqlThreshold, mqls: r.current },
    proposed: {
      threshold: q.threshold,
      mqls: r.proposed,
      notYetMqls: r.notYetMqls,
      expectedAcceptance,
      expectedAccepted: expectedAcceptance.rate === null ? null : Math.round(r.proposed * expectedAcceptance.rate),
    },
  }
}

export async function contentInfluence(db: Db, p: Principal, q: ReportFilters & { windowDays: number }, now = new Date()): Promise<ContentInfluence> {
  const a = applyScope(p, q, now)
  const [{ shared, assets }, moved] = await reportHalves(
    db,
    async (ex) => {
      const shared = await influenceSql.receivedAndStayed(ex, a, q.windowDays)
      const ids = [...new Set(shared.filter((g) => g.assetId !== null).map((g) => g.assetId!))]
      return { shared, assets: await influenceSql.assetTitles(ex, p.orgId, ids) }
    },
    (ex) => influenceSql.movedComparison(ex, a, q.windowDays),
  )
  const groups = [...shared, ...moved]
  const comparison = (stage: string) => sum(groups.filter((g) => g.group === "comparison" && g.stage === stage))
  const received = (assetId: string | null, stage: string) => sum(groups.filter((g) => g.group === "received" && g.assetId === assetId && g.stage === stage))
  const rowFor = (assetId: string | null) =>
    transitions.map((t) => ({
      from: t.from,
      to: t.to,
      received: received(assetId, t.from),
      comparison: comparison(t.from),
    }))
  const rows = assets.map((x) => ({ assetId: x.id, title: x.title, kind: x.kind, transitions: rowFor(x.id) }))
  const reach = (r: (typeof rows)[number]) => r.transitions.reduce((n, t) => n + t.received.n, 0)
  rows.sort((x, y) => reach(y) - reach(x) || x.title.localeCompare(y.title) || x.assetId.localeCompare(y.assetId))
  const countedUntil = new Date(now.getTime() - q.windowDays * dayMs).toISOString()
  return { scope: a.scope, windowDays: q.windowDays, countedUntil, caveat: "association, not proof", overall: rowFor(null), rows }
}

function sum(gs: { n: number; hits: number }[]) {
  return wilson(
    gs.reduce((k, g) => k + g.hits, 0),
    gs.reduce((k, g) => k + g.n, 0),
  )
}

import * as z from "zod"
import { CalendarDay, IsoDate, Role, Stage, Uuid, limitParam } from "./common"
import { rejectReasons } from "../vocabulary"

// The marketer dashboard's reports. Every report is aggregated in SQL on the server; these are the
// shapes on the wire, parsed by the dashboard with the same schemas.

/** A calendar day, YYYY-MM-DD, read in UTC, from 1970 to 2099 (a 9999-12-31 is a typing mistake, and a 400). */
export const Day = CalendarDay

/**
 * Filters every report accepts (a report ignores those that do not apply to it, and says which it used
 * in `applied`). `from` and `to` are inclusive days; the default is the last 90 days (only `from` given:
 * 90 days from it, up to today). A range covers at most 731 days.
 *
 * Who "the rep" is differs by report: the sharer (content usage, drill-down, the receiving group of
 * influence), the author (rep activity), the contact's owner (handoff, calibration, influence's comparison
 * group). `team` is that rep's team. `stage`, `campaign`, `source` are the contact's; `assetKind`, `tag`
 * the asset's (rep activity: they narrow the shares column only).
 */
export const ReportFilters = z.object({
  from: Day.optional(),
  to: Day.optional(),
  /** A rep's user id. A rep's own token is always limited to themselves whatever this says. */
  rep: Uuid.optional(),
  team: z.string().trim().min(1).max(100).optional(),
  /** The contact's current lifecycle stage. */
  stage: Stage.optional(),
  assetKind: z.string().trim().min(1).max(60).optional(),
  /** An asset topic or industry tag. */
  tag: z.string().trim().min(1).max(60).optional(),
  /** First-touch campaign of the contact. */
  campaign: z.string().trim().min(1).max(200).optional(),
  /** First-touch source of the contact (hubspot, marketo, …). */
  source: z.string().trim().min(1).max(200).optional(),
})
export type ReportFilters = z.infer<typeof ReportFilters>

/** Whose numbers a report shows: the whole org (marketers, admins) or only the asking rep's own. */
export const Scope = z.object({
  kind: z.enum(["org", "self"]),
  /** Shown on the page: "Only your own numbers: you are signed in as a rep". */
  note: z.string(),
  from: Day,
  to: Day,
  /** The filters that shaped this report, after defaults and the rep scope were applied. */
  applied: ReportFilters,
})
export type Scope = z.infer<typeof Scope>

/** A proportion with its 95% Wilson score interval; `rate`, `low` and `high` are null when n is 0. */
export const Rate = z.object({
  n: z.number().int(),
  hits: z.number().int(),
  rate: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
})
export type Rate = z.infer<typeof Rate>

// 1. Content usage ----------------------------------------------------------------------------------

export const ContentUsageRow = z.object({
  assetId: Uuid,
  title: z.string(),
  kind: z.string(),
  tags: z.array(z.string()),
  archived: z.boolean(),
  shares: z.number().int(),
  reps: z.number().int(),
  contacts: z.number().int(),
  /** Tracked-link views that looked like a person. */
  views: z.number().int(),
  /** Tracked-link hits flagged as mail scanners or bots. */
  botViews: z.number().int(),
  helped: z.number().int(),
  notHelped: z.number().int(),
  lastUsedAt: IsoDate.nullable(),
})
export type ContentUsageRow = z.infer<typeof ContentUsageRow>

export const WeeklyUsage = z.object({ week: Day, shares: z.number().int(), views: z.number().int() })

/**
 * Shares count by when they were shared; views and feedback by when they happened (a view in the period of a
 * link shared earlier counts). Every live asset is listed, unused ones with zeros; an archived one only
 * while it has something in the period.
 */
export const ContentUsage = z.object({
  scope: Scope,
  totals: z.object({ shares: z.number().int(), reps: z.number().int(), contacts: z.number().int(), views: z.number().int(), botViews: z.number().int() }),
  weekly: z.array(WeeklyUsage),
  rows: z.array(ContentUsageRow),
})
export type ContentUsage = z.infer<typeof ContentUsage>

/** Drill-down: the individual shares of one asset, newest first, paged by an opaque cursor. */
export const AssetSharesQuery = ReportFilters.extend({ limit: limitParam(500, 100), cursor: z.string().max(200).optional() })
export const AssetShareRow = z.object({
  shareId: Uuid,
  sharedAt: IsoDate,
  channel: z.string(),
  rep: z.object({ id: Uuid, name: z.string() }),
  contact: z.object({ id: Uuid, name: z.string(), company: z.string().nullable(), email: z.string().nullable() }),
  views: z.number().int(),
  botViews: z.number().int(),
  firstViewedAt: IsoDate.nullable(),
})
export type AssetShareRow = z.infer<typeof AssetShareRow>
export const AssetShares = z.object({
  scope: Scope,
  asset: z.object({ id: Uuid, title: z.string(), kind: z.string() }),
  rows: z.array(AssetShareRow),
  nextCursor: z.string().nullable(),
})
export type AssetShares = z.infer<typeof AssetShares>

// 2. Content influence ------------------------------------------------------------------------------

export const transitions = [
  { from: "mql", to: "sql" },
  { from: "sql", to: "opportunity" },
  { from: "opportunity", to: "customer" },
] as const

export const InfluenceQuery = ReportFilters.extend({ windowDays: z.coerce.number().int().min(1).max(365).default(30) })

export const InfluenceTransition = z.object({
  from: Stage,
  to: Stage,
  /** Contacts in `from` who received the asset in the period, and how many reached `to` within the window. */
  received: Rate,
  /** Contacts in `from` in the same period who received no asset, and how many reached `to` within the window. */
  comparison: Rate,
})
export const InfluenceRow = z.object({
  assetId: Uuid,
  title: z.string(),
  kind: z.string(),
  transitions: z.array(InfluenceTransition),
})
/**
 * How it is counted: a receiving contact's stage is its stage (from its history) when it first received the
 * asset in the period, its clock starts then. A comparison contact was in the stage during the period and
 * received no asset in it (from anyone); its clock starts when it entered the stage, or at the period's start
 * if it was already there. "Reached `to`" = a change to `to` or a later stage within windowDays after the
 * clock started. Only contacts whose window is over by now count, in both groups (see countedUntil).
 */
export const ContentInfluence = z.object({
  scope: Scope,
  windowDays: z.number().int(),
  /** Clocks that started after this moment are not counted yet: their windowDays are not over. */
  countedUntil: IsoDate,
  /** Always shown on the page beside the numbers. */
  caveat: z.literal("association, not proof"),
  /** Every asset together: contacts who received any asset against those who received none. */
  overall: z.array(InfluenceTransition),
  rows: z.array(InfluenceRow),
})
export type ContentInfluence = z.infer<typeof ContentInfluence>

// 3. Handoff and SLA --------------------------------------------------------------------------------

const conversion = z.object({
  key: z.string(),
  mqls: z.number().int(),
  sqls: z.number().int(),
  /** MQL → SQL with its interval. */
  conversion: Rate,
  /** Mean lead-quality rating (1–5) from reps, null without ratings. */
  avgRating: z.number().nullable(),
  ratings: z.number().int(),
})
export const HandoffReport = z.object({
  scope: Scope,
  slaHours: z.number().int(),
  mqls: z.object({
    created: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    recycled: z.number().int(),
    waiting: z.number().int(),
  }),
  rejections: z.array(z.object({ reason: z.enum(rejectReasons).or(z.string()), count: z.number().int() })),
  /** Hours from becoming an MQL to a rep's first logged touch (activity, share or decision). */
  firstTouch: z.object({ n: z.number().int(), medianHours: z.number().nullable(), p90Hours: z.number().nullable() }),
  slaByRep: z.array(
    z.object({
      repId: Uuid,
      repName: z.string(),
      team: z.string().nullable(),
      mqls: z.number().int(),
      met: z.number().int(),
      missed: z.number().int(),
      waiting: z.number().int(),
      rate: z.number().nullable(),
    }),
  ),
  /** Weeks (Mondays, UTC) in which MQLs were created; `rate` = met / (met + missed), null while all wait. */
  slaByWeek: z.array(
    z.object({ week: Day, mqls: z.number().int(), met: z.number().int(), missed: z.number().int(), waiting: z.number().int(), rate: z.number().nullable() }),
  ),
  byCampaign: z.array(conversion),
  bySource: z.array(conversion),
})
export type HandoffReport = z.infer<typeof HandoffReport>

// 4. Score calibration ------------------------------------------------------------------------------

export const CalibrationQuery = ReportFilters.extend({ bandSize: z.coerce.number().int().min(5).max(50).default(10) })

export const CalibrationBand = z.object({
  /** "0–9", "10–19", … */
  label: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  /**
   * Contacts whose score at the time fell in this band: the period's MQLs at their score when they crossed
   * (the latest crossing in the period), and the contacts created in the period that did not cross, at their
   * score now. mqls … customers count what happened to those MQLs after that crossing (sqls: reached sql or later).
   */
  contacts: z.number().int(),
  mqls: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  sqls: z.number().int(),
  customers: z.number().int(),
  /** Accepted of those decided, with its interval. */
  acceptance: Rate,
  rejections: z.array(z.object({ reason: z.string(), count: z.number().int() })),
})
export const RuleContribution = z.object({
  /**
   * The scoring rule, as the score reasons name it: fit "industry is fintech", "title matches VP", "company size
   * 200-5000" (from the lead's current firmographics), engagement by event as in "attended webinar", "opened"
   * (points after daily caps, before decay, earned up to the day it became an MQL).
   */
  rule: z.string(),
  kind: z.enum(["fit", "engagement"]),
  /** Share of accepted / rejected leads that earned points from this rule, and the mean points earned. */
  acceptedLeads: z.number().int(),
  rejectedLeads: z.number().int(),
  acceptedShare: z.number().nullable(),
  rejectedShare: z.number().nullable(),
  acceptedPoints: z.number().nullable(),
  rejectedPoints: z.number().nullable(),
})
export const Calibration = z.object({
  scope: Scope,
  threshold: z.number().int(),
  bands: z.array(CalibrationBand),
  rules: z.array(RuleContribution),
  decided: z.object({ accepted: z.number().int(), rejected: z.number().int() }),
})
export type Calibration = z.infer<typeof Calibration>

export const ThresholdPreviewQuery = z.object({ threshold: z.coerce.number().int().min(1).max(100) })
/**
 * `current.mqls`: contacts that became MQLs in the last 90 days. `proposed.mqls` is an estimate from the
 * scores contacts are known to have reached — at their crossing and now — (scores are not replayed event by
 * event): those of the 90 days' MQLs whose best known score is at least T, plus subscribers, leads and
 * recycled contacts at T or more now. `expectedAcceptance`: every decided handoff whose score at MQL was at
 * least T. A rep's preview covers the contacts they own.
 */
export const ThresholdPreview = z.object({
  periodDays: z.literal(90),
  current: z.object({ threshold: z.number().int(), mqls: z.number().int() }),
  proposed: z.object({
    threshold: z.number().int(),
    mqls: z.number().int(),
    /**
     * Of `mqls`, the subscribers, leads and recycled contacts at T or more now that did not become MQLs in the 90 days:
     * why the estimate at the current threshold can differ from `current.mqls`.
     */
    notYetMqls: z.number().int(),
    /** Acceptance rate history shows for leads scored at or above the proposed threshold. */
    expectedAcceptance: Rate,
    expectedAccepted: z.number().nullable(),
  }),
})
export type ThresholdPreview = z.infer<typeof ThresholdPreview>

// 5. Rep activity -----------------------------------------------------------------------------------

const activityCounts = {
  calls: z.number().int(),
  emails: z.number().int(),
  linkedinMessages: z.number().int(),
  meetings: z.number().int(),
  notes: z.number().int(),
  shares: z.number().int(),
}
export const RepActivity = z.object({
  scope: Scope,
  rows: z.array(z.object({ repId: Uuid, repName: z.string(), team: z.string().nullable(), ...activityCounts })),
  weekly: z.array(z.object({ week: Day, ...activityCounts })),
})
export type RepActivity = z.infer<typeof RepActivity>

// Filters' choices and CSV exports -------------------------------------------------------------------

export const FilterOptions = z.object({
  reps: z.array(z.object({ id: Uuid, name: z.string(), team: z.string().nullable(), role: Role })),
  teams: z.array(z.string()),
  stages: z.array(Stage),
  assetKinds: z.array(z.string()),
  tags: z.array(z.string()),
  campaigns: z.array(z.string()),
  sources: z.array(z.string()),
})
export type FilterOptions = z.infer<typeof FilterOptions>

/**
 * Every table on the dashboard, exported at GET /api/v1/analytics/export/<table>.csv with the same
 * filters as its report. Streamed from the database in pages, never held in memory whole.
 */
export const exportTables = [
  "content-usage",
  "asset-shares",
  "content-influence",
  "handoff-reps",
  "handoff-weeks",
  "handoff-campaigns",
  "handoff-sources",
  "calibration-bands",
  "calibration-rules",
  "rep-activity",
  "activities",
  "shares",
] as const
export const ExportTable = z.enum(exportTables)
export type ExportTable = z.infer<typeof ExportTable>
/** Export filters: the report's, plus the asset for `asset-shares` and the window for `content-influence`. */
export const ExportQuery = ReportFilters.extend({
  asset: Uuid.optional(),
  windowDays: z.coerce.number().int().min(1).max(365).default(30),
  bandSize: z.coerce.number().int().min(5).max(50).default(10),
})

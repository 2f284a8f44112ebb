import * as z from "zod"
import { route } from "../http"
import { Uuid } from "../../shared/contracts/common"
import {
  AssetShares,
  AssetSharesQuery,
  Calibration,
  CalibrationQuery,
  ContentInfluence,
  ContentUsage,
  FilterOptions,
  HandoffReport,
  InfluenceQuery,
  RepActivity,
  ReportFilters,
  ThresholdPreview,
  ThresholdPreviewQuery,
  ExportQuery,
  ExportTable,
} from "../../shared/contracts/analytics"
import { buildExport, csvStream, filename } from "./export"
import * as service from "./service"

const tag = "analytics"

export const analyticsRoutes = [
  route({
    method: "GET",
    url: "/api/v1/analytics/filters",
    tag,
    response: FilterOptions,
    summary: "The choices for the report filters: reps (a rep sees only themselves), teams, stages, asset kinds, tags, campaigns, sources",
    handler: ({ db, principal }) => service.filters(db, principal),
  }),
  route({
    method: "GET",
    url: "/api/v1/analytics/content-usage",
    tag,
    query: ReportFilters,
    response: ContentUsage,
    summary: "Per asset: shares, distinct reps and contacts, tracked-link views by people and by scanners, feedback, last use; weekly shares and views",
    handler: ({ db, principal, query }) => service.contentUsage(db, principal, query),
  }),
  route({
    method: "GET",
    url: "/api/v1/analytics/content-usage/:assetId/shares",
    tag,
    query: AssetSharesQuery,
    params: z.object({ assetId: Uuid }),
    response: AssetShares,
    summary: "The individual shares of one asset in the period, newest first: who, to whom, when, viewed or not; paged by an opaque cursor",
    handler: ({ db, principal, query, params }) => service.assetShares(db, principal, params.assetId, query),
  }),
  route({
    method: "GET",
    url: "/api/v1/analytics/content-influence",
    tag,
    query: InfluenceQuery,
    response: ContentInfluence,
    summary:
      "Per asset and stage: of the contacts who received it, how many advanced within windowDays (default 30), beside contacts in the same stage who received no asset; Wilson 95% intervals; association, not proof",
    handler: ({ db, principal, query }) => service.contentInfluence(db, principal, query),
  }),
  route({
    method: "GET",
    url: "/api/v1/analytics/handoff",
    tag,
    query: ReportFilters,
    response: HandoffReport,
    summary:
      "MQLs created, accepted, rejected (by reason), recycled and waiting; time to first touch; SLA per rep and per week; MQL → SQL and lead-quality rating per campaign and source",
    handler: ({ db, principal, query }) => service.handoffReport(db, principal, query),
  }),
  route({
    method: "GET",
    url: "/api/v1/analytics/calibration",
    tag,
    query: CalibrationQuery,
    response: Calibration,
    summary:
      "Per score band: contacts, MQLs, accepted, rejected (by reason), SQLs, customers; which scoring rules accepted and rejected leads earned their points from",
    handler: ({ db, principal, query }) => service.calibration(db, principal, query),
  }),
  route({
    method: "GET",
    url: "/api/v1/analytics/calibration/threshold",
    tag,
    query: ThresholdPreviewQuery,
    response: ThresholdPreview,
    summary:
      "What moving the MQL threshold to T would have meant over the last 90 days: MQLs (estimated from the scores contacts are known to have reached) and the acceptance rate history shows at that score",
    handler: ({ db, principal, query }) => service.thresholdPreview(db, principal, query),
  }),
  route({
    method: "GET",
    url: "/api/v1/analytics/rep-activity",
    tag,
    query: ReportFilters,
    response: RepActivity,
    summary: "Calls, emails, LinkedIn messages, meetings, notes and shares per rep and per week",
    handler: ({ db, principal, query }) => service.repActivity(db, principal, query),
  }),
  route({
    method: "GET",
    url: "/api/v1/analytics/export/:table",
    tag,
    query: ExportQuery,
    params: z.object({
      table: z
        .string()
        .regex(/\.csv$/, "the export is <table>.csv")
        .transform((t) => t.slice(0, -4))
        .pipe(ExportTable),
    }),
    response: z.string().describe("text/csv, streamed, with a header row"),
    summary:
      "Any dashboard table as CSV (content-usage, asset-shares with ?asset=, content-influence, handoff-*, calibration-*, rep-activity, activities, shares), with the report's filters; streamed from the database in pages",
    handler: async ({ db, principal, query, params, reply }) => {
      const e = await buildExport(db, principal, params.table, query)
      reply.header("content-type", "text/csv; charset=utf-8")
      reply.header("content-disposition", `attachment; filename="${filename(params.table, e.a)}"`)
      reply.header("cache-control", "no-store")
      // Returned, not sent: the mount sends it, and Fastify pipes the stream to the socket with backpressure.
      return csvStream(e) as unknown as string
    },
  }),
]

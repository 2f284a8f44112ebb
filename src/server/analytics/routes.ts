import * as z from "zod"
import { route } from "../http"
import { Uuid } from "../../shared/contracts/common"
import { AssetShares, AssetSharesQuery, ContentUsage, FilterOptions, ReportFilters } from "../../shared/contracts/analytics"
import * as service from "./service"

const tag = "analytics"

export const analyticsRoutes = [
  route({
    method: "GET", url: "/api/v1/analytics/filters", tag, response: FilterOptions,
    summary: "The choices for the report filters: reps (a rep sees only themselves), teams, stages, asset kinds, tags, campaigns, sources",
    handler: ({ db, principal }) => service.filters(db, principal),
  }),
  route({
    method: "GET", url: "/api/v1/analytics/content-usage", tag, query: ReportFilters, response: ContentUsage,
    summary: "Per asset: shares, distinct reps and contacts, tracked-link views by people and by scanners, feedback, last use; weekly shares and views",
    handler: ({ db, principal, query }) => service.contentUsage(db, principal, query),
  }),
  route({
    method: "GET", url: "/api/v1/analytics/content-usage/:assetId/shares", tag, query: AssetSharesQuery, params: z.object({ assetId: Uuid }),
    response: AssetShares,
    summary: "The individual shares of one asset in the period, newest first: who, to whom, when, viewed or not; paged by an opaque cursor",
    handler: ({ db, principal, query, params }) => service.assetShares(db, principal, params.assetId, query),
  }),
]

import { route } from "../http"
import { SelectorHealth, SelectorHealthQuery, SelectorHealthReceipt, SelectorHealthReport } from "../../shared/contracts/health"
import * as service from "./service"

export const healthRoutes = [
  route({
    method: "POST",
    url: "/api/v1/health/selectors",
    tag: "health",
    summary:
      "The extension's daily, anonymous counts of which detection strategy answered per site, view and version; resending a report (same reportId) replaces it",
    body: SelectorHealthReport,
    response: SelectorHealthReceipt,
    bodyLimit: 64 * 1024,
    handler: ({ db, principal, body }) => service.recordReport(db, principal, body),
  }),
  route({
    method: "GET",
    url: "/api/v1/health/selectors",
    tag: "health",
    summary: "Selector health per day, extension version, site and view, with counts per strategy (admin); the last 14 days unless from/to say otherwise",
    query: SelectorHealthQuery,
    response: SelectorHealth,
    handler: ({ db, principal, query }) => service.readHealth(db, principal, query),
  }),
]

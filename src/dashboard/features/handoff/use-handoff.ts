// Report 3, handoff and SLA (GET /api/v1/analytics/handoff): what happened to MQLs and how fast reps followed up.
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query"
import { HandoffReport, type ReportFilters } from "../../../shared/contracts/analytics"
import { apiGet } from "../../api/client"
import { filterParams, search } from "../filters/url-filters"

export const fetchHandoff = (filters: ReportFilters) => apiGet(`/api/v1/analytics/handoff${search(filterParams(filters))}`, HandoffReport)

export const handoffOptions = (filters: ReportFilters) =>
  queryOptions({ queryKey: ["analytics", "handoff", filters] as const, queryFn: () => fetchHandoff(filters) })

export function useHandoff(filters: ReportFilters) {
  return useQuery({ ...handoffOptions(filters), placeholderData: keepPreviousData })
}

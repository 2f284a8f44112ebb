// Report 1, content usage (GET /api/v1/analytics/content-usage): per-asset shares, views and feedback, and the weekly trend.
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query"
import { ContentUsage, type ReportFilters } from "../../../shared/contracts/analytics"
import { apiGet } from "../../api/client"
import { filterParams, search } from "../filters/url-filters"

export const fetchContentUsage = (filters: ReportFilters) => apiGet(`/api/v1/analytics/content-usage${search(filterParams(filters))}`, ContentUsage)

export const contentUsageOptions = (filters: ReportFilters) =>
  queryOptions({ queryKey: ["analytics", "content-usage", filters] as const, queryFn: () => fetchContentUsage(filters) })

/** Keeps the previous numbers on screen while new filters load, so the page does not flash to a skeleton. */
export function useContentUsage(filters: ReportFilters) {
  return useQuery({ ...contentUsageOptions(filters), placeholderData: keepPreviousData })
}

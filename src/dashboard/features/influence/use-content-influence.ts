// Report 2, content influence (GET /api/v1/analytics/content-influence): stage-to-stage rates of contacts
// who received content against those who did not, within a window of N days.
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query"
import { ContentInfluence, type ReportFilters } from "../../../shared/contracts/analytics"
import { apiGet } from "../../api/client"
import { filterParams, search } from "../filters/url-filters"

export const fetchContentInfluence = (filters: ReportFilters, windowDays: number) =>
  apiGet(`/api/v1/analytics/content-influence${search(filterParams(filters, { windowDays }))}`, ContentInfluence)

export const contentInfluenceOptions = (filters: ReportFilters, windowDays: number) =>
  queryOptions({
    queryKey: ["analytics", "content-influence", filters, windowDays] as const,
    queryFn: () => fetchContentInfluence(filters, windowDays),
  })

export function useContentInfluence(filters: ReportFilters, windowDays: number) {
  return useQuery({ ...contentInfluenceOptions(filters, windowDays), placeholderData: keepPreviousData })
}

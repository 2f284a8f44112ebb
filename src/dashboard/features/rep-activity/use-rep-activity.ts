// Report 5, rep activity (GET /api/v1/analytics/rep-activity): calls, emails, messages, meetings, notes and shares per rep and per week.
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query"
import { RepActivity, type ReportFilters } from "../../../shared/contracts/analytics"
import { apiGet } from "../../api/client"
import { filterParams, search } from "../filters/url-filters"

export const fetchRepActivity = (filters: ReportFilters) => apiGet(`/api/v1/analytics/rep-activity${search(filterParams(filters))}`, RepActivity)

export const repActivityOptions = (filters: ReportFilters) =>
  queryOptions({ queryKey: ["analytics", "rep-activity", filters] as const, queryFn: () => fetchRepActivity(filters) })

export function useRepActivity(filters: ReportFilters) {
  return useQuery({ ...repActivityOptions(filters), placeholderData: keepPreviousData })
}

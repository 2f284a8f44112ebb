// The choices in the filter bar (GET /api/v1/analytics/filters): reps, teams, stages, kinds, tags, campaigns, sources.
import { queryOptions, useQuery } from "@tanstack/react-query"
import { FilterOptions } from "../../../shared/contracts/analytics"
import { apiGet } from "../../api/client"

export const fetchFilterOptions = () => apiGet("/api/v1/analytics/filters", FilterOptions)

export const filterOptionsOptions = () => queryOptions({ queryKey: ["analytics", "filters"] as const, queryFn: fetchFilterOptions, staleTime: 5 * 60_000 })

export function useFilterOptions() {
  return useQuery(filterOptionsOptions())
}

// Selector health (GET /api/v1/health/selectors, admins only): which detection strategy answered in reps'
// browsers, per day, extension version, site and view.
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query"
import { SelectorHealth, type SelectorHealthQuery } from "../../../shared/contracts/health"
import { apiGet, queryString } from "../../api/client"

export const fetchSelectorHealth = (q: SelectorHealthQuery) => apiGet(`/api/v1/health/selectors${queryString(q)}`, SelectorHealth)

export const selectorHealthOptions = (q: SelectorHealthQuery) =>
  queryOptions({ queryKey: ["health", "selectors", q] as const, queryFn: () => fetchSelectorHealth(q) })

export function useSelectorHealth(q: SelectorHealthQuery, enabled = true) {
  return useQuery({ ...selectorHealthOptions(q), placeholderData: keepPreviousData, enabled })
}

// Report filters live in the URL (same names as the API's query parameters) so a view can be shared
// as a link and the back button undoes a filter change.
import { ReportFilters } from "../../../shared/contracts/analytics"
import { dayMs, utcDay } from "../../../shared/days"

export const filterKeys = ["from", "to", "rep", "team", "stage", "assetKind", "tag", "campaign", "source"] as const
export type FilterKey = (typeof filterKeys)[number]

/** The filters in a query string; a value the API would refuse (a hand-edited link) is left out, not fatal. */
export function readFilters(params: URLSearchParams): ReportFilters {
  const out: Record<string, string> = {}
  for (const key of filterKeys) {
    const value = params.get(key)
    if (!value) continue
    const one = ReportFilters.shape[key].safeParse(value)
    if (one.success && one.data !== undefined) out[key] = one.data
  }
  return out as ReportFilters
}

/** The query string parameters for these filters plus any extra (window, asset…), empty ones left out. */
export function filterParams(filters: ReportFilters, extra: Record<string, string | number | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of filterKeys) {
    const v = filters[key]
    if (v) params.set(key, v)
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "") params.set(k, String(v))
  return params
}

/** "?a=1&b=2" or "". */
export const search = (params: URLSearchParams) => (params.size ? `?${params}` : "")

export function daysAgo(days: number, now = new Date()) {
  return utcDay(now.getTime() - days * dayMs)
}

// Drill-down (GET /api/v1/analytics/content-usage/:assetId/shares): who shared an asset with whom and when,
// and whether it was viewed; newest first, a page at a time by the server's cursor.
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query"
import { AssetShares, type ReportFilters } from "../../../shared/contracts/analytics"
import { apiGet } from "../../api/client"
import { filterParams, search } from "../filters/url-filters"

export const pageSize = 100

export const fetchAssetShares = (assetId: string, filters: ReportFilters, cursor?: string) =>
  apiGet(`/api/v1/analytics/content-usage/${encodeURIComponent(assetId)}/shares${search(filterParams(filters, { limit: pageSize, cursor }))}`, AssetShares)

export const assetSharesOptions = (assetId: string, filters: ReportFilters) =>
  infiniteQueryOptions({
    queryKey: ["analytics", "asset-shares", assetId, filters] as const,
    queryFn: ({ pageParam }) => fetchAssetShares(assetId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })

export function useAssetShares(assetId: string, filters: ReportFilters) {
  return useInfiniteQuery(assetSharesOptions(assetId, filters))
}

// The content library list (GET /api/v1/assets): full-text search, kind filter, archived on request.
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query"
import { AssetSearchResult } from "../../../shared/contracts/assets"
import { apiGet, queryString } from "../../api/client"

export interface AssetListQuery {
  q: string
  kind: string
  includeArchived: boolean
}

export const assetKeys = { all: ["assets"] as const }

export const fetchAssets = ({ q, kind, includeArchived }: AssetListQuery) =>
  apiGet(
    `/api/v1/assets${queryString({ q: q.trim() || undefined, kind: kind || undefined, includeArchived: includeArchived || undefined, limit: 100 })}`,
    AssetSearchResult,
  )

export const assetsOptions = (query: AssetListQuery) => queryOptions({ queryKey: [...assetKeys.all, query] as const, queryFn: () => fetchAssets(query) })

export function useAssets(query: AssetListQuery) {
  return useQuery({ ...assetsOptions(query), placeholderData: keepPreviousData })
}

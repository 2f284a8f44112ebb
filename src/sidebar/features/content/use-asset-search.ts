// Searching the content library (`assets.search`), for when the recommendations are not what the rep needs.
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query"
import { send } from "../../../shared/send"

export const fetchAssetSearch = (q: string) => send({ type: "assets.search", q })

export const assetSearchOptions = (q: string) =>
  queryOptions({
    queryKey: ["content", "assets", q] as const,
    queryFn: () => fetchAssetSearch(q),
    enabled: q.length > 0,
    staleTime: 60_000,
  })

export function useAssetSearch(q: string) {
  return useQuery({ ...assetSearchOptions(q), placeholderData: keepPreviousData })
}

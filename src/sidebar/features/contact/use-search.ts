// Contact search (`search`) for a person Relay does not know yet.
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query"
import { send } from "../../../shared/send"

export const fetchSearch = (q: string) => send({ type: "search", q })

export const searchOptions = (q: string) =>
  queryOptions({ queryKey: ["search", q] as const, queryFn: () => fetchSearch(q), enabled: q.length > 0, staleTime: 30_000 })

export function useSearch(q: string) {
  return useQuery({ ...searchOptions(q), placeholderData: keepPreviousData })
}

// What was already shared with this contact (`shares.list`), with this rep's "helped?" answers.
import { queryOptions, useQuery } from "@tanstack/react-query"
import { send } from "../../../shared/send"

export const sharesKey = (contactId: string) => ["content", "shares", contactId] as const

export const fetchShares = (contactId: string) => send({ type: "shares.list", contactId })

export const sharesOptions = (contactId: string) => queryOptions({ queryKey: sharesKey(contactId), queryFn: () => fetchShares(contactId), staleTime: 60_000 })

export function useShares(contactId: string) {
  return useQuery(sharesOptions(contactId))
}

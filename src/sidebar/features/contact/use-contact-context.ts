// The sidebar context for a detected person, stale-while-revalidate: `lookup.cached` renders the
// worker's saved copy at once, `lookup` refreshes it from the backend (DESIGN.md, "Performance rules").
import { queryOptions, useQuery, type UseQueryResult } from "@tanstack/react-query"
import type { ContactContext } from "../../../shared/contracts/contacts"
import type { Cached, ErrorCode, PersonKey } from "../../../shared/messages"
import { send } from "../../../shared/send"
import { errorCode, errorMessage } from "../../errors"
import { relayChannel, takeCached } from "../../relay-channel"
import { contactKeys } from "../../shared/query-keys"

export const fetchCachedContext = (person: PersonKey) => send({ type: "lookup.cached", person })
export const fetchContext = (person: PersonKey) => send({ type: "lookup", person })

/** The worker's saved copy; for the people on screen when this page loaded, it came with the state (no round trip). */
export const cachedContextOptions = (person: PersonKey) =>
  queryOptions({
    queryKey: contactKeys.cached(person),
    queryFn: () => fetchCachedContext(person),
    staleTime: Infinity,
    initialData: () => takeCached(relayChannel(), person),
  })

export const contextOptions = (person: PersonKey) =>
  queryOptions({ queryKey: contactKeys.lookup(person), queryFn: () => fetchContext(person), staleTime: 60_000 })

/** What to show for one person, whatever mix of cached and live answers has arrived. */
export type ContactView =
  | { kind: "loading" }
  | { kind: "contact"; data: ContactContext; refreshing: boolean; offlineSince?: string; refreshError?: string }
  | { kind: "not_found" }
  | { kind: "signed_out" }
  | { kind: "offline" }
  | { kind: "error"; code: ErrorCode | undefined; message: string }

export function contactView(live: UseQueryResult<ContactContext>, cached?: UseQueryResult<Cached<ContactContext> | null>): ContactView {
  const code = live.isError ? errorCode(live.error) : undefined
  if (code === "signed_out") return { kind: "signed_out" }
  if (code === "not_found") return { kind: "not_found" }
  const saved = live.data
    ? { data: live.data, at: new Date(live.dataUpdatedAt).toISOString() }
    : cached?.data
      ? { data: cached.data.data, at: cached.data.cachedAt }
      : undefined
  if (saved) {
    return {
      kind: "contact",
      data: saved.data,
      refreshing: live.isFetching,
      offlineSince: code === "offline" ? saved.at : undefined,
      refreshError: live.isError && code !== "offline" ? errorMessage(live.error) : undefined,
    }
  }
  if (live.isError) return code === "offline" ? { kind: "offline" } : { kind: "error", code, message: errorMessage(live.error) }
  return { kind: "loading" }
}

export function useContactContext(person: PersonKey) {
  const cached = useQuery(cachedContextOptions(person))
  const live = useQuery(contextOptions(person))
  return {
    view: contactView(live, cached),
    retry: () => {
      if (cached.isError) void cached.refetch()
      void live.refetch()
    },
  }
}

// The timeline, page by page (`events.page` with a cursor). The first unfiltered page comes with
// the contact context, so opening a contact costs one round trip; "Load more" and the type filter
// ask the worker for more.
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query"
import type { EventsPage } from "../../../shared/contracts/contacts"
import { send } from "../../../shared/send"
import { historyKeys } from "../../shared/query-keys"

export const fetchHistoryPage = (contactId: string, before?: string, eventType?: string) =>
  send({ type: "events.page", contactId, ...(before ? { before } : {}), ...(eventType ? { eventType } : {}) })

export function historyOptions(contactId: string, eventType?: string, firstPage?: EventsPage) {
  const seeded = !eventType && firstPage
  return infiniteQueryOptions({
    // A refreshed context (cached copy, then live) brings a new first page: key on it so it shows.
    queryKey: historyKeys.list(contactId, eventType ?? "all", seeded ? pageSeed(firstPage) : ""),
    queryFn: ({ pageParam }) => fetchHistoryPage(contactId, pageParam, eventType),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: EventsPage) => last.nextCursor ?? undefined,
    ...(seeded ? { initialData: { pages: [firstPage], pageParams: [undefined] }, staleTime: Infinity } : { staleTime: 60_000 }),
  })
}

const pageSeed = (page: EventsPage) => `${page.items.map((i) => i.id).join(",")}|${page.nextCursor ?? ""}`

export function useHistory(contactId: string, eventType?: string, firstPage?: EventsPage) {
  return useInfiniteQuery(historyOptions(contactId, eventType, firstPage))
}

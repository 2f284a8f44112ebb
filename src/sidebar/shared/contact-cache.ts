// Optimistic updates to the react-query cache of a contact: a logged activity shows in the
// timeline at once, a handoff changes the stage badge at once. The contact is cached under
// several keys (the worker's saved copy, the live lookup, a contact picked by hand) and its
// timeline under history keys; these helpers patch every copy so whichever one renders agrees.
// The backend stays the truth: once the outbox has sent a write, the contact queries are
// invalidated and the refetched context replaces these copies.
import type { InfiniteData, QueryClient } from "@tanstack/react-query"
import type { ContactContext, EventsPage, TimelineItem } from "../../shared/contracts/contacts"
import type { Cached, OutboxStatus } from "../../shared/messages"
import { contactKeys, historyKeys } from "./query-keys"
import { itemState, type ItemState } from "./use-outbox-status"

/** Where the rep's own log stands while the sidebar shows it before the backend has it. */
export type SyncMark = "pending" | "failed"

/**
 * A timeline line as the sidebar keeps it: the backend's (no `sync`), or the rep's own log with its
 * outbox state, which the timeline renders as a badge. Only these local copies carry `sync`.
 */
export type ShownItem = TimelineItem & { sync?: SyncMark }

/** The mark for an outbox state: none once the backend has the write. */
export const syncMark = (state: ItemState): SyncMark | undefined => (state === "synced" ? undefined : state)

const syncOf = (item: TimelineItem): SyncMark | undefined => (item as ShownItem).sync

type ContextData = ContactContext | Cached<ContactContext> | null | undefined

function mapContext(data: ContextData, contactId: string | undefined, fn: (c: ContactContext) => ContactContext): ContextData {
  if (!data) return data
  if ("contact" in data) return !contactId || data.contact.id === contactId ? fn(data) : data
  if ("data" in data && data.data?.contact) return !contactId || data.data.contact.id === contactId ? { ...data, data: fn(data.data) } : data
  return data
}

/** Applies `fn` to every cached copy of the contact's context (all contacts when contactId is undefined). */
export function patchContext(client: QueryClient, contactId: string | undefined, fn: (c: ContactContext) => ContactContext) {
  client.setQueriesData<ContextData>({ queryKey: contactKeys.all }, (data) => mapContext(data, contactId, fn))
}

function contexts(client: QueryClient): ContactContext[] {
  return client
    .getQueriesData<ContextData>({ queryKey: contactKeys.all })
    .map(([, d]) => (d && "contact" in d ? d : d && "data" in d ? d.data : null))
    .filter((c): c is ContactContext => !!c?.contact)
}

type HistoryData = InfiniteData<EventsPage, string | undefined>

/** Applies `fn` to the items of every cached history page list of the contact (historyKeys.list). */
function patchHistory(client: QueryClient, contactId: string | undefined, fn: (items: TimelineItem[], eventType: string, first: boolean) => TimelineItem[]) {
  for (const query of client.getQueryCache().findAll({ queryKey: historyKeys.of(contactId) })) {
    const eventType = String(query.queryKey[2] ?? "all")
    client.setQueryData<HistoryData>(query.queryKey, (data) =>
      data ? { ...data, pages: data.pages.map((p, i) => ({ ...p, items: fn(p.items, eventType, i === 0) })) } : data,
    )
  }
}

const bump = (c: ContactContext, type: string, by: number): ContactContext["counts"] => ({
  ...c.counts,
  sales: Math.max(0, c.counts.sales + by),
  byType: { ...c.counts.byType, [type]: Math.max(0, (c.counts.byType[type] ?? 0) + by) },
})

/** Shows a logged activity at the top of the contact's timeline (once, whatever copy renders). */
export function insertActivity(client: QueryClient, contactId: string, item: ShownItem) {
  patchContext(client, contactId, (c) => (c.events.some((e) => e.id === item.id) ? c : { ...c, events: [item, ...c.events], counts: bump(c, item.type, 1) }))
  patchHistory(client, contactId, (items, eventType, first) =>
    first && (eventType === "all" || eventType === item.type) && !items.some((e) => e.id === item.id) ? [item, ...items] : items,
  )
}

/** Takes an undone or discarded activity out of every copy of the timeline. */
export function removeActivity(client: QueryClient, id: string) {
  patchContext(client, undefined, (c) => {
    const gone = c.events.find((e) => e.id === id)
    return gone ? { ...c, events: c.events.filter((e) => e.id !== id), counts: bump(c, gone.type, -1) } : c
  })
  patchHistory(client, undefined, (items) => (items.some((e) => e.id === id) ? items.filter((e) => e.id !== id) : items))
}

function withSync(item: TimelineItem, sync: SyncMark | undefined): ShownItem {
  const next: ShownItem = { ...item }
  if (sync) next.sync = sync
  else delete next.sync
  return next
}

function markActivity(client: QueryClient, id: string, sync: SyncMark | undefined) {
  const mark = (items: TimelineItem[]) =>
    items.some((e) => e.id === id && syncOf(e) !== sync) ? items.map((e) => (e.id === id ? withSync(e, sync) : e)) : items
  patchContext(client, undefined, (c) => {
    const events = mark(c.events)
    return events === c.events ? c : { ...c, events }
  })
  patchHistory(client, undefined, mark)
}

/**
 * Brings the optimistic copies in line with the outbox: each activity still marked with a sync state
 * takes its outbox state, and a contact with a write the outbox no longer holds (`goneContacts`:
 * sent, or discarded elsewhere) is refetched from the backend. Stateless over the cache, so it also
 * works after the panel was closed and opened again.
 */
export async function reconcile(client: QueryClient, status: OutboxStatus, goneContacts: Iterable<string> = []) {
  const refetch = new Set<string>(goneContacts)
  for (const c of contexts(client)) {
    for (const e of c.events) {
      const was = syncOf(e)
      if (!was) continue
      const state = itemState(status, e.id) ?? "pending"
      const now = syncMark(state)
      if (now !== was) markActivity(client, e.id, now)
      if (state === "synced") refetch.add(c.contact.id)
    }
  }
  if (refetch.size === 0) return
  await client.invalidateQueries({
    queryKey: contactKeys.all,
    predicate: (q) => {
      const d = q.state.data as ContextData
      const id = d && "contact" in d ? d.contact.id : d && "data" in d ? d.data?.contact?.id : undefined
      return !id || refetch.has(id)
    },
  })
}

// What is still waiting in the worker's outbox (`outbox.status`). Polled every few seconds while
// something is pending, so "Waiting to sync" turns into the synced record without a reload; not
// polled when everything is sent (failed items only change when the rep retries or discards them).
import { queryOptions, useQuery, type QueryClient } from "@tanstack/react-query"
import type { OutboxItemView, OutboxStatus } from "../../shared/messages"
import { send } from "../../shared/send"

export const OUTBOX_POLL_MS = 3_000

export const outboxKeys = { status: ["outbox", "status"] as const }

export const fetchOutboxStatus = () => send({ type: "outbox.status" })

export const outboxStatusOptions = () =>
  queryOptions({
    queryKey: outboxKeys.status,
    queryFn: fetchOutboxStatus,
    staleTime: 1_000,
    refetchInterval: (query) => ((query.state.data?.pending ?? 0) > 0 ? OUTBOX_POLL_MS : false),
  })

export function useOutboxStatus() {
  return useQuery(outboxStatusOptions())
}

/** Asks the worker now (not the cached answer): used right after a write and before an undo. */
export const freshOutboxStatus = (client: QueryClient) => client.fetchQuery({ ...outboxStatusOptions(), staleTime: 0 })

export type ItemState = "pending" | "failed" | "synced"

/** An item the outbox no longer holds was taken by the server (or discarded, which the caller knows). */
export function itemState(status: OutboxStatus | undefined, id: string): ItemState | undefined {
  if (!status) return undefined
  const item = status.items.find((i) => i.id === id)
  return item ? item.state : "synced"
}

/** The state of the newest outbox item matching `match` (for writes whose id the worker makes, e.g. BANT). */
export function latestState(status: OutboxStatus | undefined, match: (i: OutboxItemView) => boolean): ItemState | undefined {
  if (!status) return undefined
  const found = status.items.filter(match).at(-1)
  return found ? found.state : "synced"
}

// Drops an outbox item the rep gave up on, or undid (`outbox.discard`): it never reaches the
// backend, so the optimistic copy in the sidebar goes too.
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query"
import type { OutboxStatus } from "../../../shared/messages"
import { send } from "../../../shared/send"
import { removeActivity } from "../../shared/contact-cache"
import { contactKeys } from "../../shared/query-keys"
import { outboxKeys } from "../../shared/use-outbox-status"

export const discardOutboxItem = (id: string) => send({ type: "outbox.discard", id })

/** After a discard: the new status, and the sidebar's optimistic copy of that write undone. */
export async function afterDiscard(client: QueryClient, id: string, kind: string, status: OutboxStatus) {
  client.setQueryData(outboxKeys.status, status)
  if (kind === "activity") removeActivity(client, id)
  // A handoff or BANT change was shown optimistically: the backend's copy is the truth again.
  else await client.invalidateQueries({ queryKey: contactKeys.all })
}

export function useOutboxDiscard() {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ["outbox.discard"],
    mutationFn: ({ id }: { id: string; kind: string }) => discardOutboxItem(id),
    onSuccess: (status, { id, kind }) => afterDiscard(client, id, kind, status),
  })
}

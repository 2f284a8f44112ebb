// Puts a failed outbox item back in line (`outbox.retry`); the answer is the new outbox status.
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { send } from "../../../shared/send"
import { outboxKeys } from "../../shared/use-outbox-status"

export const retryOutboxItem = (id: string) => send({ type: "outbox.retry", id })

export function useOutboxRetry() {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ["outbox.retry"],
    mutationFn: retryOutboxItem,
    onSuccess: (status) => client.setQueryData(outboxKeys.status, status),
  })
}

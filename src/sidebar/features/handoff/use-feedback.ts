// Lead-quality feedback for marketing (`feedback`), queued in the worker's outbox.
import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { LeadFeedbackInput } from "../../../shared/contracts/handoff"
import { send } from "../../../shared/send"
import { outboxKeys } from "../../shared/use-outbox-status"

export const sendFeedback = (contactId: string, input: LeadFeedbackInput) => send({ type: "feedback", contactId, input })

export function useSendFeedback(contactId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ["feedback", contactId],
    mutationFn: (input: LeadFeedbackInput) => sendFeedback(contactId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: outboxKeys.status }),
  })
}

// "Helped / Didn't help" on content shared with this contact (`asset.feedback`), through the outbox.
// The worker sends it after the share it rates (one contact's items go in order).
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { send } from "../../../shared/send"
import { outboxKeys } from "../../shared/use-outbox-status"
import { useSessionShares } from "./session-shares"

export interface AssetFeedbackRequest {
  assetId: string
  contactId: string
  helped: boolean
  note?: string
  title?: string
}

export const sendAssetFeedback = ({ title, note, ...rest }: AssetFeedbackRequest) =>
  send({ type: "asset.feedback", input: { id: crypto.randomUUID(), ...rest, ...(note?.trim() ? { note: note.trim() } : {}) }, ...(title ? { title } : {}) })

export function useAssetFeedback() {
  const client = useQueryClient()
  const remember = useSessionShares((s) => s.rated)
  return useMutation({
    mutationKey: ["asset.feedback"],
    mutationFn: sendAssetFeedback,
    onSuccess: (_queued, f) => {
      remember(f.contactId, f.assetId, f.helped)
      void client.invalidateQueries({ queryKey: outboxKeys.status })
    },
  })
}

// Accepts or rejects an MQL (`handoff`). Queued in the worker's outbox; the stage badge changes
// at once (SQL, or Recycled back to marketing) and the backend's answer replaces it once synced.
import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { HandoffInput } from "../../../shared/contracts/handoff"
import { send } from "../../../shared/send"
import { patchContext } from "../log/contact-cache"
import { outboxKeys } from "../log/use-outbox-status"

export const sendHandoff = (contactId: string, input: HandoffInput) => send({ type: "handoff", contactId, input })

export function useHandoff(contactId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ["handoff", contactId],
    mutationFn: (input: HandoffInput) => sendHandoff(contactId, input),
    onSuccess: async (_queued, input) => {
      const accepted = input.decision === "accept"
      patchContext(client, contactId, (c) => ({
        ...c,
        contact: { ...c.contact, stage: accepted ? "sql" : "recycled", stageChangedAt: new Date().toISOString() },
        // The SLA is met by accepting; a recycled lead leaves the clock.
        sla: { ...c.sla, state: accepted ? "met" : "none" },
      }))
      await client.invalidateQueries({ queryKey: outboxKeys.status })
    },
  })
}

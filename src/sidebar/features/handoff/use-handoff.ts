// Accepts or rejects an MQL (`handoff`), queued in the worker's outbox. Until the server has the decision, the
// stage badge shows the stage the lifecycle's rule says it leads to (src/shared/lifecycle.ts, the rule the
// server applies); after that, the server's own stage: the contact is refetched once the outbox has sent the
// decision (the outbox bar sees it go), and at once if the server refuses it (useServerStage).
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef } from "react"
import type { HandoffInput } from "../../../shared/contracts/handoff"
import { decisionStage } from "../../../shared/lifecycle"
import type { OutboxStatus } from "../../../shared/messages"
import { send } from "../../../shared/send"
import { slaState } from "../../../shared/sla"
import { patchContext, reconcile } from "../../shared/contact-cache"
import { outboxKeys, type ItemState } from "../../shared/use-outbox-status"

export const sendHandoff = (contactId: string, input: HandoffInput) => send({ type: "handoff", contactId, input })

export function useHandoff(contactId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ["handoff", contactId],
    mutationFn: (input: HandoffInput) => sendHandoff(contactId, input),
    onSuccess: async (_queued, input) => {
      const stage = decisionStage[input.decision]
      const now = new Date()
      patchContext(client, contactId, (c) => ({
        ...c,
        contact: { ...c.contact, stage, stageChangedAt: now.toISOString() },
        sla: slaState(stage, c.sla.mqlAt ? new Date(c.sla.mqlAt) : null, c.sla.hours, now),
      }))
      await client.invalidateQueries({ queryKey: outboxKeys.status })
    },
  })
}

/**
 * Keeps the stage shown honest when the server did not take the decision: once it refuses it (another rep
 * decided first, say), the contact is refetched, so the badge shows the server's stage again; if the rep then
 * discards the refused decision, nothing was decided (`onDiscarded`). A refused item leaves the outbox only
 * by a discard: a retry makes it pending first.
 */
export function useServerStage(contactId: string, state: ItemState | undefined, status: OutboxStatus | undefined, onDiscarded: () => void) {
  const client = useQueryClient()
  const last = useRef<ItemState | undefined>(undefined)
  useEffect(() => {
    const was = last.current
    last.current = state
    if (state === "failed" && was !== "failed" && status) void reconcile(client, status, [contactId])
    if (was === "failed" && state === "synced") onDiscarded()
  }, [state, status, client, contactId, onDiscarded])
}

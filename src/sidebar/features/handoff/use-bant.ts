// Saves the rep's BANT qualification (`bant`), queued in the worker's outbox.
import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { Bant } from "../../../shared/contracts/handoff"
import { send } from "../../../shared/send"
import { patchContext } from "../../shared/contact-cache"
import { outboxKeys } from "../../shared/use-outbox-status"

export const saveBant = (contactId: string, bant: Bant) => send({ type: "bant", contactId, bant })

export function useSaveBant(contactId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ["bant", contactId],
    mutationFn: (bant: Bant) => saveBant(contactId, bant),
    onSuccess: async (_queued, bant) => {
      patchContext(client, contactId, (c) => ({ ...c, contact: { ...c.contact, bant: { ...c.contact.bant, ...bant } } }))
      await client.invalidateQueries({ queryKey: outboxKeys.status })
    },
  })
}

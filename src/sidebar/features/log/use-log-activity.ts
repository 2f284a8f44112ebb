// Logs a rep's activity (`activity.log`). The worker writes it to its outbox at once and answers
// "queued"; the sidebar then shows it in the timeline, marked by its outbox state.
import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { ActivityInput } from "../../../shared/contracts/activities"
import { send } from "../../../shared/send"
import { insertActivity, reconcile, syncMark } from "../../shared/contact-cache"
import { freshOutboxStatus, itemState } from "../../shared/use-outbox-status"
import { timelineItemFor } from "./activity"

export const logActivity = (activity: ActivityInput) => send({ type: "activity.log", activity })

export function useLogActivity() {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ["activity.log"],
    mutationFn: logActivity,
    onSuccess: async (_queued, activity) => {
      // Ask the outbox first, so the mark is true even when the worker already sent it.
      const status = await freshOutboxStatus(client).catch(() => undefined)
      const state = itemState(status, activity.id) ?? "pending"
      insertActivity(client, activity.contactId, timelineItemFor(activity, syncMark(state)))
      if (status && state === "synced") await reconcile(client, status, [activity.contactId])
    },
  })
}

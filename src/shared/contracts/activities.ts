import * as z from "zod"
import { IsoDate, PastDate, Uuid } from "./common"

export const activityTypes = ["call", "email", "linkedin_message", "meeting", "note"] as const
export const ActivityType = z.enum(activityTypes)
export type ActivityType = z.infer<typeof ActivityType>

export { callOutcomes } from "../vocabulary"

/** A rep's logged activity. `id` is made by the client so that retries are safe. */
export const ActivityInput = z.object({
  id: Uuid,
  contactId: Uuid,
  type: ActivityType,
  // What happened: at most a day ahead (clock skew), as for events and shares.
  occurredAt: PastDate,
  outcome: z.string().max(64).optional(),
  direction: z.enum(["inbound", "outbound"]).optional(),
  durationSeconds: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600)
    .optional(),
  subject: z.string().max(300).optional(),
  notes: z.string().max(10_000).optional(),
  assetIds: z.array(Uuid).max(20).optional(),
})
export type ActivityInput = z.infer<typeof ActivityInput>

export const Activity = ActivityInput.extend({
  userId: Uuid,
  createdAt: IsoDate,
})
export type Activity = z.infer<typeof Activity>

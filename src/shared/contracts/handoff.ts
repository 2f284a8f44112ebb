import * as z from "zod"
import { Stage, Uuid } from "./common"
import { rejectReasons } from "../vocabulary"

export { rejectReasons }

export const HandoffInput = z.discriminatedUnion("decision", [
  z.object({ id: Uuid.optional(), decision: z.literal("accept"), reason: z.string().max(200).optional(), note: z.string().max(2000).optional() }),
  z.object({ id: Uuid.optional(), decision: z.literal("reject"), reason: z.enum(rejectReasons), note: z.string().max(2000).optional() }),
])
export type HandoffInput = z.infer<typeof HandoffInput>

export const HandoffResult = z.object({ contactId: Uuid, stage: Stage, decision: z.enum(["accept", "reject"]) })
export type HandoffResult = z.infer<typeof HandoffResult>

export const Bant = z.object({
  budget: z.string().max(500).nullable().optional(),
  authority: z.string().max(500).nullable().optional(),
  need: z.string().max(500).nullable().optional(),
  timeline: z.string().max(500).nullable().optional(),
})
export type Bant = z.infer<typeof Bant>

export const LeadFeedbackResult = z.object({ ok: z.literal(true) })

export const LeadFeedbackInput = z.object({
  id: Uuid.optional(),
  rating: z.number().int().min(1).max(5),
  reason: z.string().max(2000).optional(),
})
export type LeadFeedbackInput = z.infer<typeof LeadFeedbackInput>

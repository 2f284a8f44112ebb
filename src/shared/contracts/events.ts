import * as z from "zod"
import { IsoDate, Uuid } from "./common"
import { linkedinSlug } from "../linkedin"

export const eventTypes = [
  "email_sent", "email_open", "email_click", "page_visit", "content_download", "webinar_registered",
  "webinar_attended", "form_submit", "ad_click", "demo_request", "asset_view", "trial_signup", "unsubscribe",
] as const
export const EventType = z.enum(eventTypes)
export type EventType = z.infer<typeof EventType>

/** One marketing event as marketing automation sends it. */
export const EventInput = z.object({
  email: z.email().max(320).transform((e) => e.toLowerCase()),
  type: EventType,
  occurredAt: IsoDate,
  source: z.string().min(1).max(64),
  externalId: z.string().min(1).max(200),
  campaign: z.string().max(200).optional(),
  assetId: Uuid.optional(),
  properties: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
    .refine((p) => Object.keys(p).length <= 20, "at most 20 properties").optional(),
  contact: z.object({
    firstName: z.string().max(100).optional(),
    lastName: z.string().max(100).optional(),
    title: z.string().max(200).optional(),
    company: z.string().max(200).optional(),
    industry: z.string().max(100).optional(),
    companySize: z.number().int().min(0).optional(),
    /** A profile URL, an /in/ path or a bare slug; stored as the slug. */
    linkedin: z.string().max(500).transform((v, ctx) => linkedinSlug(v) ?? (ctx.addIssue({ code: "custom", message: "not a LinkedIn profile" }), z.NEVER)).optional(),
  }).optional(),
})
export type EventInput = z.infer<typeof EventInput>

export const maxIngestBatch = 10_000

export const IngestResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  contactsCreated: z.number().int(),
  newMqls: z.number().int(),
})
export type IngestResult = z.infer<typeof IngestResult>

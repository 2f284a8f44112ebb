import * as z from "zod"
import { PastDate, Text, Uuid, isStorableText } from "./common"
import { linkedinSlug } from "../linkedin"

export const eventTypes = [
  "email_sent",
  "email_open",
  "email_click",
  "page_visit",
  "content_download",
  "webinar_registered",
  "webinar_attended",
  "form_submit",
  "ad_click",
  "demo_request",
  "asset_view",
  "trial_signup",
  "unsubscribe",
] as const
export const EventType = z.enum(eventTypes)
export type EventType = z.infer<typeof EventType>

/** The largest company size Relay takes: more people than any employer has (the column is a 32-bit integer). */
export const maxCompanySize = 10_000_000

/**
 * One marketing event as marketing automation sends it. Everything the database would refuse is refused
 * here, field by field, so that in a batch a bad line costs only that line: text with NUL or broken Unicode,
 * numbers out of their column's range, dates outside 1970 .. a day from now, over-long strings and keys.
 */
export const EventInput = z.object({
  email: z
    .email()
    .max(320)
    .transform((e) => e.toLowerCase()),
  type: EventType,
  occurredAt: PastDate,
  source: Text(64).min(1),
  externalId: Text(200).min(1),
  campaign: Text(200).optional(),
  assetId: Uuid.optional(),
  properties: z
    .record(Text(100).min(1), z.union([Text(500), z.number(), z.boolean(), z.null()]))
    .refine((p) => Object.keys(p).length <= 20, "at most 20 properties")
    .optional(),
  contact: z
    .object({
      firstName: Text(100).optional(),
      lastName: Text(100).optional(),
      title: Text(200).optional(),
      company: Text(200).optional(),
      industry: Text(100).optional(),
      companySize: z
        .number()
        .int()
        .min(0)
        .max(maxCompanySize, `at most ${maxCompanySize.toLocaleString("en-US")} people`)
        .optional(),
      /** A profile URL, an /in/ path or a bare slug; stored as the slug (decoded, so %00 is checked after decoding). */
      linkedin: Text(500)
        .transform((v, ctx) => {
          const slug = linkedinSlug(v)
          if (slug !== null && isStorableText(slug)) return slug
          ctx.addIssue({ code: "custom", message: "not a LinkedIn profile" })
          return z.NEVER
        })
        .optional(),
    })
    .optional(),
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

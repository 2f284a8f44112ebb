import * as z from "zod"
import { IsoDate, Stage, Uuid, limitParam } from "./common"
import { Bant } from "./handoff"

export const ContactSummary = z.object({
  id: Uuid,
  name: z.string(),
  emails: z.array(z.string()),
  title: z.string().nullable(),
  company: z.string().nullable(),
  stage: Stage,
  score: z.number().int(),
})
export type ContactSummary = z.infer<typeof ContactSummary>

export const Contact = ContactSummary.extend({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  linkedin: z.string().nullable(),
  industry: z.string().nullable(),
  companySize: z.number().int().nullable(),
  owner: z.object({ id: Uuid, name: z.string(), email: z.string() }).nullable(),
  stageChangedAt: IsoDate,
  bant: Bant,
})
export type Contact = z.infer<typeof Contact>

export const ScoreReason = z.object({ kind: z.enum(["fit", "engagement"]), points: z.number().int(), text: z.string() })
export type ScoreReason = z.infer<typeof ScoreReason>

export const Score = z.object({
  total: z.number().int(),
  fit: z.number().int(),
  engagement: z.number().int(),
  threshold: z.number().int(),
  reasons: z.array(ScoreReason),
})
export type Score = z.infer<typeof Score>

export const Sla = z.object({
  state: z.enum(["none", "pending", "overdue", "met"]),
  mqlAt: IsoDate.nullable(),
  dueAt: IsoDate.nullable(),
  hours: z.number().int(),
})
export type Sla = z.infer<typeof Sla>

/** One line of the timeline: a marketing event or a rep's activity. */
export const TimelineItem = z.object({
  id: z.string(),
  side: z.enum(["marketing", "sales"]),
  type: z.string(),
  occurredAt: IsoDate,
  title: z.string(),
  detail: z.string().nullable(),
  by: z.string().nullable(),
})
export type TimelineItem = z.infer<typeof TimelineItem>

export const EventsPage = z.object({ items: z.array(TimelineItem), nextCursor: z.string().nullable() })
export type EventsPage = z.infer<typeof EventsPage>

/** Everything the sidebar shows for one person, in one round trip. */
export const ContactContext = z.object({
  contact: Contact,
  score: Score,
  sla: Sla,
  events: z.array(TimelineItem),
  nextCursor: z.string().nullable(),
  counts: z.object({ marketing: z.number().int(), sales: z.number().int(), byType: z.record(z.string(), z.number().int()) }),
})
export type ContactContext = z.infer<typeof ContactContext>

export const LookupQuery = z.union(
  [
    z
      .object({
        email: z
          .email()
          .max(320)
          .transform((e) => e.toLowerCase()),
      })
      .strict(),
    z.object({ linkedin: z.string().min(1).max(500) }).strict(),
  ],
  { error: "give either ?email=<address> or ?linkedin=<slug, /in/ path or profile URL>" },
)
export type LookupQuery = z.infer<typeof LookupQuery>

export const SearchQuery = z.object({ q: z.string().trim().min(1).max(200), limit: limitParam(50, 10) })
export const SearchResult = z.object({ items: z.array(ContactSummary) })
export type SearchResult = z.infer<typeof SearchResult>

export const EventsQuery = z.object({
  before: z.string().max(200).optional(),
  limit: limitParam(100, 20),
  type: z.string().max(40).optional(),
})

export const ContactIdParams = z.object({ id: Uuid })

import * as z from "zod"
import { eventTypes } from "./events"

const points = z.number().int().min(-100).max(100)

export const ScoringRules = z.object({
  /** Engagement points halve every this many days. */
  halfLifeDays: z.number().min(1).max(365),
  /** Caps for the two halves of the 0-100 score. */
  fitMax: z.number().int().min(0).max(100),
  engagementMax: z.number().int().min(0).max(100),
  fit: z.object({
    industries: z.array(z.object({ industry: z.string().min(1), points })).max(50),
    titles: z.array(z.object({ keyword: z.string().min(1), label: z.string().min(1), points })).max(50),
    companySize: z.array(z.object({ min: z.number().int().min(0), max: z.number().int().min(0), points })).max(20),
  }),
  events: z.partialRecord(z.enum(eventTypes), z.object({ points, dailyCap: z.number().int().min(0).max(1000) })),
})
export type ScoringRules = z.infer<typeof ScoringRules>

export const Settings = z.object({
  mqlThreshold: z.number().int().min(1).max(100),
  slaHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  scoring: ScoringRules,
})
export type Settings = z.infer<typeof Settings>

export const SettingsUpdate = Settings.partial()
export type SettingsUpdate = z.infer<typeof SettingsUpdate>

const Mqls = z.object({
  mqlThreshold: z.number().int(),
  /** Contacts (any stage) whose score is at or above this threshold. */
  mqls: z.number().int(),
})

/** What a settings change would do to the MQL count, before it is saved (POST /api/v1/settings/preview). */
export const SettingsPreview = z.object({
  /** All the org's contacts. */
  contacts: z.number().int(),
  /** Scores as they stand, against today's threshold. */
  current: Mqls,
  /** Scores under the proposed rules, against the proposed threshold. */
  proposed: Mqls,
  /** Contacts that would cross the threshold either way: MQL today and not then, or the other way round. */
  changedContacts: z.number().int(),
  /** Large orgs with new scoring rules are counted on a fixed sample of contacts and scaled up to `contacts`. */
  sampled: z.boolean(),
  /** Contacts actually scored (all of them when not sampled). */
  sampleSize: z.number().int(),
})
export type SettingsPreview = z.infer<typeof SettingsPreview>

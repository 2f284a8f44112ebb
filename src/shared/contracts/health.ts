// Selector health: anonymous counts of which detection strategy answered on each site and view, sent
// by the extension's worker once a day, read by admins per day and per extension version. Only counts
// travel: no user, name, address or URL (see src/background/health.ts).
import * as z from "zod"
import { detectionStrategies, pageViews, sites } from "../page-context"
import { dayMs, utcDay } from "../days"

export const healthSites = sites
export const healthViews = pageViews
export const healthStrategies = detectionStrategies

/** How far back a report may reach: a browser closed for weeks sends what it kept, no more. */
export const HEALTH_MAX_AGE_DAYS = 60

/** A UTC day, YYYY-MM-DD, from HEALTH_MAX_AGE_DAYS ago to tomorrow (a clock may be off by hours). */
export const HealthDay = z.iso.date().refine((d) => d >= utcDay(Date.now() - HEALTH_MAX_AGE_DAYS * dayMs) && d <= utcDay(Date.now() + dayMs), {
  message: `must be a UTC day (YYYY-MM-DD) within the last ${HEALTH_MAX_AGE_DAYS} days`,
  when: (p) => p.issues.length === 0,
})

/** The extension's manifest version: one to four dot-separated numbers (Chrome's rule). */
export const ExtensionVersion = z.string().regex(/^\d{1,5}(\.\d{1,5}){0,3}$/, "must be an extension version such as 1.4.2")

export const SelectorCount = z
  .object({
    site: z.enum(healthSites),
    view: z.enum(healthViews),
    strategy: z.enum(healthStrategies),
    version: ExtensionVersion,
    count: z.int().min(1).max(1_000_000),
  })
  .strict()
export type SelectorCount = z.infer<typeof SelectorCount>

const countKey = (c: Pick<SelectorCount, "site" | "view" | "strategy" | "version">) => `${c.site}|${c.view}|${c.strategy}|${c.version}`

/**
 * One browser's counts for one finished UTC day. `reportId` is random per browser and day: resending the
 * same report replaces what it stored (idempotent), other browsers' reports for the same day add up.
 */
export const SelectorHealthReport = z
  .object({
    reportId: z.uuid(),
    day: HealthDay,
    counts: z
      .array(SelectorCount)
      .min(1)
      .max(500)
      .refine((cs) => new Set(cs.map(countKey)).size === cs.length, "each site, view, strategy and version at most once per report"),
  })
  .strict()
export type SelectorHealthReport = z.infer<typeof SelectorHealthReport>

export const SelectorHealthReceipt = z.object({
  day: z.string(),
  /** Rows this report now holds. */
  stored: z.int(),
  /** The report had been received before and its rows were replaced. */
  replaced: z.boolean(),
})
export type SelectorHealthReceipt = z.infer<typeof SelectorHealthReceipt>

export const SelectorHealthQuery = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    site: z.enum(healthSites).optional(),
    version: ExtensionVersion.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] })
export type SelectorHealthQuery = z.infer<typeof SelectorHealthQuery>

/** One day, extension version, site and view, with a count per strategy. */
export const SelectorHealthRow = z.object({
  day: z.string(),
  version: z.string(),
  site: z.enum(healthSites),
  view: z.string(),
  structure: z.int(),
  signals: z.int(),
  name: z.int(),
  /** The site's app was on screen and no strategy found anybody. */
  none: z.int(),
  total: z.int(),
  /** Share of detections that found nobody, 0..1. */
  missRate: z.number(),
  /** How many browsers reported. */
  reports: z.int(),
})
export type SelectorHealthRow = z.infer<typeof SelectorHealthRow>

export const SelectorHealth = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(SelectorHealthRow),
})
export type SelectorHealth = z.infer<typeof SelectorHealth>

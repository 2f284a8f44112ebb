import * as z from "zod"
import { dayMs } from "../days"

export const Uuid = z.uuid()

// Dates Relay stores are bounded: PostgreSQL cannot hold some that ISO 8601 allows (year 0), and one such
// as 9999-12-31 is a typing or clock mistake that would stretch every report and SLA it touched.
export const earliestDate = "1970-01-01"
export const latestDate = "2099-12-31"
const earliestMs = Date.parse(`${earliestDate}T00:00:00Z`)
const endMs = Date.parse(`${latestDate}T00:00:00Z`) + dayMs
const inRange = (ms: number) => ms >= earliestMs && ms < endMs
const rangeMessage = `must be a date from ${earliestDate} to ${latestDate}`
/** Bounds are checked only on a well-formed date, so a malformed one gets one message, not two. */
const wellFormed = { when: (p: { issues: readonly unknown[] }) => p.issues.length === 0 }

/** An instant with its offset (2025-03-01T09:30:00Z, …+01:00), from 1970 to 2099. */
export const IsoDate = z.iso.datetime({ offset: true }).refine((s) => inRange(Date.parse(s)), { message: rangeMessage, ...wellFormed })

/**
 * When something happened: an IsoDate at most a day ahead of now (a client's clock and time zone may be
 * off by hours, not by more). For events, activities and shares a client reports.
 */
export const PastDate = IsoDate.refine((s) => Date.parse(s) <= Date.now() + dayMs, { message: "must not be more than a day in the future", ...wellFormed })

/** A calendar day, YYYY-MM-DD (read in UTC), from 1970 to 2099. */
export const CalendarDay = z.iso.date().refine((s) => inRange(Date.parse(`${s}T00:00:00Z`)), { message: rangeMessage, ...wellFormed })

// PostgreSQL text and jsonb refuse NUL, and jsonb refuses half of a UTF-16 surrogate pair; neither is text
// a person wrote. Checked in the contract, such a value is a 400 naming the field (or costs one line of a
// batch) instead of failing the statement that carries it.
const lonelySurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
export const isStorableText = (s: string) => !s.includes("\u0000") && !lonelySurrogate.test(s)
export const storableMessage = "must not contain NUL characters or broken Unicode"

/** Text PostgreSQL can store, at most `max` characters. */
export const Text = (max: number) => z.string().max(max).refine(isStorableText, storableMessage)

export const stages = ["subscriber", "lead", "mql", "sql", "opportunity", "customer", "recycled", "disqualified"] as const
export const Stage = z.enum(stages)
export type Stage = z.infer<typeof Stage>

export const roles = ["rep", "marketer", "admin"] as const
export const Role = z.enum(roles)
export type Role = z.infer<typeof Role>

export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
})
export type ApiError = z.infer<typeof ApiError>

/** Limit query parameter: a number from 1 to max, with a default. */
export const limitParam = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback)

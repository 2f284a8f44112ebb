import * as z from "zod"

export const Uuid = z.uuid()
export const IsoDate = z.iso.datetime({ offset: true })

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

import * as z from "zod"
import { Stage } from "./common"
import { linkedinSlug } from "../linkedin"

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v)
const optText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional())

/** One row of a contacts CSV (header names as in the README); blank cells mean "not given". */
export const ContactCsvRow = z.object({
  email: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email()),
  first_name: optText(100),
  last_name: optText(100),
  title: optText(200),
  company: optText(200),
  industry: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : v), z.string().max(100).optional()),
  company_size: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).optional()),
  linkedin: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(500)
      .transform((v, ctx) => linkedinSlug(v) ?? (ctx.addIssue({ code: "custom", message: "not a LinkedIn profile" }), z.NEVER))
      .optional(),
  ),
  stage: z.preprocess(blankToUndefined, Stage.optional()),
  owner_email: z.preprocess(blankToUndefined, z.email().optional()),
})
export type ContactCsvRow = z.infer<typeof ContactCsvRow>

// The zod side of src/shared/sidebar-protocol.ts, for the worker: what a shell reports from the host page is
// parsed here before it reaches a sidebar frame, and what a frame asks of the shell likewise.
import * as z from "zod"
import { detectionStrategies, pageViews, personRoles, sites } from "./page-context"
import { sidebarModes } from "./sidebar-protocol"

/** Text from the host page, cut to a size the sidebar has use for (a long subject must not drop the whole context). */
const clipped = (n: number) =>
  z
    .string()
    .max(100_000)
    .transform((s) => s.slice(0, n))

export const PersonSchema = z.object({
  email: clipped(320).optional(),
  linkedin: clipped(500).optional(),
  name: clipped(300).optional(),
  company: clipped(300).optional(),
  headline: clipped(500).optional(),
  role: z.enum(personRoles),
})

/** A detector's PageContext (src/shared/page-context.ts) as it crosses from the host page. */
export const PageContextSchema = z.object({
  site: z.enum(sites),
  view: z.enum(pageViews),
  people: z
    .array(PersonSchema)
    .max(1000)
    .transform((p) => p.slice(0, 100)),
  subject: clipped(1000).optional(),
  snippet: clipped(2000).optional(),
  strategy: z.enum(detectionStrategies).optional(),
})

export const SidebarMode = z.enum(sidebarModes)
export const SidebarPlan = z.object({ people: SidebarMode, nobody: SidebarMode })

/** Only web links go into a message: a javascript: or data: one would run wherever it is clicked. */
export const LinkToInsert = z.object({ url: z.url({ protocol: /^https?$/ }).max(2000), text: clipped(500) })

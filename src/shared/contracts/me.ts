import * as z from "zod"
import { Role, Uuid } from "./common"

export const Me = z.object({
  user: z.object({ id: Uuid, email: z.string(), name: z.string(), role: Role }),
  org: z.object({ id: Uuid, name: z.string() }),
})
export type Me = z.infer<typeof Me>

export const Health = z.object({ ok: z.literal(true), version: z.string() })

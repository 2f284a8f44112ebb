// How many contacts would be MQLs under rules not yet saved (POST /api/v1/settings/preview). A POST
// because the body is a whole rule set; nothing is stored.
import { useMutation } from "@tanstack/react-query"
import * as z from "zod"
import type { SettingsUpdate } from "~shared/contracts/settings"
import { apiSend } from "../../api/client"

// TODO(2026-12-01): import SettingsPreview from src/shared/contracts/settings.ts once it is committed there.
const Mqls = z.object({ mqlThreshold: z.number().int(), mqls: z.number().int() })
export const SettingsPreview = z.object({
  contacts: z.number().int(),
  current: Mqls,
  proposed: Mqls,
  changedContacts: z.number().int(),
  sampled: z.boolean(),
  sampleSize: z.number().int(),
})
export type SettingsPreview = z.infer<typeof SettingsPreview>

export const previewSettings = (update: SettingsUpdate) => apiSend("POST", "/api/v1/settings/preview", update, SettingsPreview)

export function useSettingsPreview() {
  return useMutation({ mutationFn: previewSettings })
}

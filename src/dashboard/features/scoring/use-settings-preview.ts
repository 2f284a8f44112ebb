// How many contacts would be MQLs under rules not yet saved (POST /api/v1/settings/preview). A POST
// because the body is a whole rule set; nothing is stored.
import { useMutation } from "@tanstack/react-query"
import { SettingsPreview, type SettingsUpdate } from "../../../shared/contracts/settings"
import { apiSend } from "../../api/client"

export const previewSettings = (update: SettingsUpdate) => apiSend("POST", "/api/v1/settings/preview", update, SettingsPreview)

export function useSettingsPreview() {
  return useMutation({ mutationFn: previewSettings })
}

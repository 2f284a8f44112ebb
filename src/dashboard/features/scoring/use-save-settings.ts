// Saving the settings (PUT /api/v1/settings, marketers and admins). New rules rescore the org, so every
// report and preview computed under the old ones is dropped.
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { Settings, type SettingsUpdate } from "../../../shared/contracts/settings"
import { apiSend } from "../../api/client"
import { settingsKey } from "./use-settings"

export const saveSettings = (update: SettingsUpdate) => apiSend("PUT", "/api/v1/settings", update, Settings)

export function useSaveSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: saveSettings,
    onSuccess: (saved) => {
      client.setQueryData(settingsKey, saved)
      void client.invalidateQueries({ queryKey: ["analytics"] })
    },
  })
}

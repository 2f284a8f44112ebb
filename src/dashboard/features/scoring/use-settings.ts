// The org's MQL threshold, follow-up SLA and scoring rules (GET /api/v1/settings).
import { queryOptions, useQuery } from "@tanstack/react-query"
import { Settings } from "../../../shared/contracts/settings"
import { apiGet } from "../../api/client"

export const settingsKey = ["settings"] as const

export const fetchSettings = () => apiGet("/api/v1/settings", Settings)

export const settingsOptions = () => queryOptions({ queryKey: settingsKey, queryFn: fetchSettings })

export function useSettings() {
  return useQuery(settingsOptions())
}

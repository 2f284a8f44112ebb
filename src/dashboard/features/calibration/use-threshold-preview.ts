// What moving the MQL threshold would have done over the last 90 days
// (GET /api/v1/analytics/calibration/threshold?threshold=T).
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query"
import { ThresholdPreview } from "../../../shared/contracts/analytics"
import { apiGet } from "../../api/client"

export const fetchThresholdPreview = (threshold: number) => apiGet(`/api/v1/analytics/calibration/threshold?threshold=${threshold}`, ThresholdPreview)

export const thresholdPreviewOptions = (threshold: number) =>
  queryOptions({
    queryKey: ["analytics", "threshold-preview", threshold] as const,
    queryFn: () => fetchThresholdPreview(threshold),
    staleTime: 5 * 60_000,
  })

/** The previous answer stays on screen while the slider moves, so the numbers change rather than blink. */
export function useThresholdPreview(threshold: number | null) {
  return useQuery({ ...thresholdPreviewOptions(threshold ?? 0), enabled: threshold !== null, placeholderData: keepPreviousData })
}

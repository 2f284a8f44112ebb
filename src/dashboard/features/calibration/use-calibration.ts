// Report 4, score calibration (GET /api/v1/analytics/calibration): how leads in each score band fared
// with sales, and which rules accepted and rejected leads earned their points from.
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query"
import { Calibration, type ReportFilters } from "../../../shared/contracts/analytics"
import { apiGet } from "../../api/client"
import { filterParams, search } from "../filters/url-filters"

export const fetchCalibration = (filters: ReportFilters, bandSize: number) =>
  apiGet(`/api/v1/analytics/calibration${search(filterParams(filters, { bandSize }))}`, Calibration)

export const calibrationOptions = (filters: ReportFilters, bandSize: number) =>
  queryOptions({ queryKey: ["analytics", "calibration", filters, bandSize] as const, queryFn: () => fetchCalibration(filters, bandSize) })

export function useCalibration(filters: ReportFilters, bandSize: number) {
  return useQuery({ ...calibrationOptions(filters, bandSize), placeholderData: keepPreviousData })
}

import type { ExportTable, ReportFilters } from "../../shared/contracts/analytics"
import { filterParams, search } from "../features/filters/url-filters"

/**
 * A plain link to the streamed CSV: the browser downloads it with the session cookie, under the name the
 * server gives it (table and period), and a big export never passes through the page's memory.
 */
export function ExportLink({
  table,
  filters,
  extra,
  label = "Export CSV",
  what,
}: {
  table: ExportTable
  /** What the table holds, for screen readers when a page has several exports ("asset usage"). */
  what?: string
  filters: ReportFilters
  extra?: Record<string, string | number | undefined>
  label?: string
}) {
  const href = `/api/v1/analytics/export/${table}.csv${search(filterParams(filters, extra))}`
  return (
    <a className="button subtle export" href={href} download aria-label={what ? `${label} (${what})` : undefined}>
      <span aria-hidden="true" className="export-icon">
        ↓
      </span>
      {label}
    </a>
  )
}

// Every table on the dashboard: TanStack Table for sorting and paging, our markup and styles.
import { useState, type ReactNode } from "react"
import { flexRender, getCoreRowModel, getPaginationRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table"

export interface DataTableProps<T> {
  /** The table's accessible name (shown as its caption for screen readers). */
  label: string
  data: T[]
  columns: ColumnDef<T, any>[]
  initialSort?: SortingState
  pageSize?: number
  empty?: ReactNode
  /** Rows the server holds beyond these (paged by cursor): a "Load more" below the table. */
  footer?: ReactNode
}

export function DataTable<T>({ label, data, columns, initialSort = [], pageSize = 15, empty, footer }: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort)
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize })
  const table = useReactTable({
    data,
    columns,
    state: { sorting, pagination },
    onSortingChange: setSorting,
    onPaginationChange: setPagination,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    autoResetPageIndex: true,
  })
  if (data.length === 0 && empty) return <>{empty}</>
  const pages = table.getPageCount()
  const { pageIndex } = table.getState().pagination
  const first = pageIndex * pagination.pageSize + 1
  const last = Math.min(data.length, first + pagination.pageSize - 1)

  return (
    <div className="table-wrap">
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted()
                  const numeric = (header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={numeric ? "num" : undefined}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span className="sort-mark" aria-hidden="true">
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  )
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => {
                  const numeric = (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric
                  return (
                    <td key={cell.id} className={numeric ? "num" : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(pages > 1 || footer) && (
        <div className="table-footer">
          {pages > 1 ? (
            <nav className="pager" aria-label={`${label} pages`}>
              <span className="muted">
                {first}–{last} of {data.length}
              </span>
              <button type="button" className="button subtle" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
                Previous
              </button>
              <span aria-live="polite">
                Page {pageIndex + 1} of {pages}
              </span>
              <button type="button" className="button subtle" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
                Next
              </button>
            </nav>
          ) : (
            <span />
          )}
          {footer}
        </div>
      )}
    </div>
  )
}

/** Marks a column as numeric: right-aligned, tabular figures. */
export const numeric = { meta: { numeric: true } }

import { useCallback, useMemo } from "react"
import { useSearchParams } from "react-router-dom"
import type { ReportFilters } from "../../../shared/contracts/analytics"
import { readFilters, type FilterKey } from "./url-filters"

/** The page's report filters from the URL, and setters that write them back (one history entry per change). */
export function useFilters() {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => readFilters(params), [params])
  const set = useCallback(
    (changes: Partial<Record<FilterKey, string | undefined>>) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev)
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v)
          else next.delete(k)
        }
        return next
      }),
    [setParams],
  )
  return { filters, set }
}

/** One extra page setting kept in the URL (the influence window, a search box), with its default. */
export function useUrlValue(name: string, fallback = ""): [string, (value: string, replace?: boolean) => void] {
  const [params, setParams] = useSearchParams()
  const value = params.get(name) ?? fallback
  const setValue = useCallback(
    (v: string, replace = false) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          if (v && v !== fallback) next.set(name, v)
          else next.delete(name)
          return next
        },
        { replace },
      ),
    [name, fallback, setParams],
  )
  return [value, setValue]
}

export type { ReportFilters }

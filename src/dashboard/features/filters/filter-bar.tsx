import type { ReactNode } from "react"
import type { Scope } from "../../../shared/contracts/analytics"
import { stageLabel } from "../../format"
import { kindName } from "../../../shared/asset-words"
import { useFilterOptions } from "./use-filter-options"
import { useFilters } from "./use-filters"
import { utcDay } from "../../../shared/days"
import { daysAgo, type FilterKey } from "./url-filters"

const presets = [
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
]

/**
 * Date range and the seven filters every report takes. The date inputs show the range the report
 * actually used (scope.from/to) when the URL leaves it to the server's default.
 */
export function FilterBar({ scope, children }: { scope?: Scope; children?: ReactNode }) {
  const { filters, set } = useFilters()
  const options = useFilterOptions()
  const o = options.data
  const self = scope?.kind === "self"
  const today = utcDay(Date.now())
  const active = (Object.keys(filters) as FilterKey[]).filter((k) => filters[k]).length

  const select = (key: FilterKey, label: string, choices: { value: string; label: string }[], disabled = false) => (
    <label className="field compact">
      <span>{label}</span>
      <select value={filters[key] ?? ""} onChange={(e) => set({ [key]: e.target.value || undefined })} disabled={disabled || !o}>
        <option value="">All</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
        {/* A shared link may name a value no longer in the lists; keep it visible rather than silently "All". */}
        {filters[key] && !choices.some((c) => c.value === filters[key]) && <option value={filters[key]}>{filters[key]}</option>}
      </select>
    </label>
  )

  return (
    <section className="filter-bar" aria-label="Filters">
      <div className="filter-row">
        <fieldset className="date-range">
          <legend>Period</legend>
          <label className="field compact">
            <span>From</span>
            <input
              type="date"
              value={filters.from ?? scope?.from ?? ""}
              max={filters.to ?? today}
              onChange={(e) => set({ from: e.target.value || undefined })}
            />
          </label>
          <label className="field compact">
            <span>To</span>
            <input
              type="date"
              value={filters.to ?? scope?.to ?? ""}
              min={filters.from}
              max={today}
              onChange={(e) => set({ to: e.target.value || undefined })}
            />
          </label>
          <div className="presets" role="group" aria-label="Quick periods">
            {presets.map((p) => (
              <button key={p.days} type="button" className="chip" onClick={() => set({ from: daysAgo(p.days - 1), to: today })}>
                {p.label}
              </button>
            ))}
          </div>
        </fieldset>
        {children}
        {active > 0 && (
          <button
            type="button"
            className="button subtle clear-filters"
            onClick={() =>
              set({
                from: undefined,
                to: undefined,
                rep: undefined,
                team: undefined,
                stage: undefined,
                assetKind: undefined,
                tag: undefined,
                campaign: undefined,
                source: undefined,
              })
            }
          >
            Clear filters ({active})
          </button>
        )}
      </div>
      <div className="filter-grid">
        {select(
          "rep",
          "Rep",
          (o?.reps ?? []).filter((r) => r.role === "rep").map((r) => ({ value: r.id, label: r.name })),
          self,
        )}
        {select(
          "team",
          "Team",
          (o?.teams ?? []).map((t) => ({ value: t, label: t })),
          self,
        )}
        {select(
          "stage",
          "Stage",
          (o?.stages ?? []).map((s) => ({ value: s, label: stageLabel(s) })),
        )}
        {select(
          "assetKind",
          "Asset kind",
          (o?.assetKinds ?? []).map((k) => ({ value: k, label: kindName(k) })),
        )}
        {select(
          "tag",
          "Tag",
          (o?.tags ?? []).map((t) => ({ value: t, label: t })),
        )}
        {select(
          "campaign",
          "Campaign",
          (o?.campaigns ?? []).map((c) => ({ value: c, label: c })),
        )}
        {select(
          "source",
          "Source",
          (o?.sources ?? []).map((s) => ({ value: s, label: s })),
        )}
      </div>
      {options.isError && (
        <p className="error-text small" role="alert">
          Filter choices could not be loaded: {options.error.message}
        </p>
      )}
    </section>
  )
}

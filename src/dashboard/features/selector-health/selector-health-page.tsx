// Selector health for admins: a break in detection on one site shows here within a day (the extension
// sends each finished day), not through complaints. Counts only; nobody's name, address or URL is in them.
import { useState } from "react"
import { createColumnHelper } from "@tanstack/react-table"
import type { SelectorHealth, SelectorHealthQuery, SelectorHealthRow } from "../../../shared/contracts/health"
import { healthSites } from "../../../shared/contracts/health"
import type { Me } from "../../../shared/contracts/me"
import { PageHeader } from "../../layout/shell"
import { count, day, humanize, percent } from "../../format"
import { DataTable, numeric } from "../../ui/data-table"
import { Panel } from "../../ui/panel"
import { Stat, Stats } from "../../ui/stats"
import { Empty, Loaded } from "../../ui/states"
import { useSelectorHealth } from "./use-selector-health"

/** A share of detections that found nobody worth a look, once there are enough of them to mean something. */
export const MISS_WARN = 0.2
export const MISS_WARN_MIN = 20
const siteNames: Record<string, string> = { gmail: "Gmail", outlook: "Outlook", linkedin: "LinkedIn" }
const flagged = (r: SelectorHealthRow) => r.missRate >= MISS_WARN && r.total >= MISS_WARN_MIN

const col = createColumnHelper<SelectorHealthRow>()
const columns = [
  col.accessor("day", { header: "Day", cell: (c) => <span style={{ whiteSpace: "nowrap" }}>{day(c.getValue())}</span> }),
  col.accessor("version", { header: "Version" }),
  col.accessor("site", { header: "Site", cell: (c) => siteNames[c.getValue()] ?? c.getValue() }),
  col.accessor("view", { header: "View", cell: (c) => humanize(c.getValue()) }),
  col.accessor("structure", { header: "Structure", cell: (c) => count(c.getValue()), ...numeric }),
  col.accessor("signals", { header: "Signals", cell: (c) => count(c.getValue()), ...numeric }),
  col.accessor("name", { header: "Name", cell: (c) => count(c.getValue()), ...numeric }),
  col.accessor("none", { header: "None found", cell: (c) => count(c.getValue()), ...numeric }),
  col.accessor("total", { header: "Total", cell: (c) => count(c.getValue()), ...numeric }),
  col.accessor("missRate", {
    header: "Missed",
    cell: (c) =>
      flagged(c.row.original) ? (
        <strong className="error-text" title="A fifth or more found nobody">
          {percent(c.getValue())} ⚠
        </strong>
      ) : (
        percent(c.getValue())
      ),
    ...numeric,
  }),
  col.accessor("reports", { header: "Reports", cell: (c) => count(c.getValue()), ...numeric }),
]

export function SelectorHealthPage({ me }: { me: Me }) {
  const admin = me.user.role === "admin"
  const [query, setQuery] = useState<SelectorHealthQuery>({})
  const health = useSelectorHealth(query, admin)
  return (
    <>
      <PageHeader title="Selector health">
        How Relay's extension found people on Gmail, Outlook and LinkedIn, day by day and per extension version: by the sites' current structure, by
        structure-free signals, by a display name only, or not at all while the site was on screen. Reps' browsers send anonymous counts once a day; a jump in
        "None found" means a site changed its markup.
      </PageHeader>
      {!admin ? (
        <Empty title="Only admins can see selector health">Ask an admin of your organization.</Empty>
      ) : (
        <>
          <HealthFilters query={query} scope={health.data} onChange={setQuery} />
          <Loaded query={health} loading="Loading selector health" failed="Selector health could not be loaded">
            {(data) => <HealthBody data={data} stale={health.isPlaceholderData} />}
          </Loaded>
        </>
      )}
    </>
  )
}

function HealthFilters({ query, scope, onChange }: { query: SelectorHealthQuery; scope?: SelectorHealth; onChange: (q: SelectorHealthQuery) => void }) {
  const versions = [...new Set(scope?.rows.map((r) => r.version) ?? [])]
  if (query.version && !versions.includes(query.version)) versions.push(query.version)
  const set = (patch: Partial<SelectorHealthQuery>) =>
    onChange(Object.fromEntries(Object.entries({ ...query, ...patch }).filter(([, v]) => v)) as SelectorHealthQuery)
  return (
    <div className="filter-bar" role="search" aria-label="Selector health filters">
      <div className="filter-row">
        <label className="field compact">
          <span>From</span>
          <input type="date" value={query.from ?? scope?.from ?? ""} onChange={(e) => set({ from: e.target.value || undefined })} />
        </label>
        <label className="field compact">
          <span>To</span>
          <input type="date" value={query.to ?? scope?.to ?? ""} onChange={(e) => set({ to: e.target.value || undefined })} />
        </label>
        <label className="field compact">
          <span>Site</span>
          <select value={query.site ?? ""} onChange={(e) => set({ site: (e.target.value || undefined) as SelectorHealthQuery["site"] })}>
            <option value="">All</option>
            {healthSites.map((s) => (
              <option key={s} value={s}>
                {siteNames[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field compact">
          <span>Extension version</span>
          <select value={query.version ?? ""} onChange={(e) => set({ version: e.target.value || undefined })}>
            <option value="">All</option>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  )
}

function HealthBody({ data, stale }: { data: SelectorHealth; stale: boolean }) {
  const sum = (k: "structure" | "signals" | "name" | "none" | "total") => data.rows.reduce((s, r) => s + r[k], 0)
  const total = sum("total")
  const worst = data.rows.filter(flagged).sort((a, b) => b.missRate - a.missRate)[0]
  return (
    <div className={stale ? "report stale" : "report"} aria-busy={stale}>
      <Stats label="Selector health totals" dense>
        <Stat label="Detections" value={count(total)} hint={`${day(data.from)} to ${day(data.to)}`} />
        <Stat label="Found by structure" value={percent(total ? sum("structure") / total : null)} />
        <Stat label="Found by signals or name" value={percent(total ? (sum("signals") + sum("name")) / total : null)} />
        <Stat
          label="Nobody found"
          value={percent(total ? sum("none") / total : null)}
          tone={worst ? "bad" : undefined}
          hint={worst ? `worst: ${siteNames[worst.site]} ${humanize(worst.view).toLowerCase()} on ${day(worst.day)} (${worst.version})` : undefined}
        />
      </Stats>
      <Panel title="Per day, version, site and view">
        <DataTable
          label="Selector health per day and extension version"
          data={data.rows}
          columns={columns}
          initialSort={[{ id: "day", desc: true }]}
          pageSize={25}
          empty={
            <Empty title="No reports in this period">Reps' browsers send each finished day's counts the next day; widen the period or clear the filters.</Empty>
          }
        />
      </Panel>
    </div>
  )
}

import { Link, useLocation } from "react-router-dom"
import { createColumnHelper } from "@tanstack/react-table"
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts"
import type { ContentUsage, ContentUsageRow } from "../../../shared/contracts/analytics"
import { FilterBar } from "../filters/filter-bar"
import { useFilters } from "../filters/use-filters"
import { PageHeader } from "../../layout/shell"
import { count, dateTime, shortDay } from "../../format"
import { kindName } from "../../../shared/asset-words"
import { Chart, axisProps, palette } from "../../ui/chart"
import { DataTable, numeric } from "../../ui/data-table"
import { ExportLink } from "../../ui/export-link"
import { Panel } from "../../ui/panel"
import { ScopeNote } from "../../ui/scope-note"
import { Stat, Stats } from "../../ui/stats"
import { Empty, Loaded } from "../../ui/states"
import { useContentUsage } from "./use-content-usage"

const col = createColumnHelper<ContentUsageRow>()

export function ContentUsagePage() {
  const { filters } = useFilters()
  const usage = useContentUsage(filters)
  return (
    <>
      <PageHeader title="Content usage">Which assets reps share, with how many people, and whether anyone opened them.</PageHeader>
      <FilterBar scope={usage.data?.scope} />
      <Loaded query={usage} loading="Loading content usage" failed="Content usage could not be loaded">
        {(data) => <ContentUsageReport data={data} stale={usage.isPlaceholderData} />}
      </Loaded>
    </>
  )
}

function ContentUsageReport({ data, stale }: { data: ContentUsage; stale: boolean }) {
  const { filters } = useFilters()
  const location = useLocation()
  const t = data.totals
  const viewRate = t.shares ? t.views / t.shares : null
  const columns = [
    col.accessor("title", {
      header: "Asset",
      cell: (c) => (
        <div className="cell-title">
          <Link to={`/content-usage/${c.row.original.assetId}${location.search}`}>{c.getValue()}</Link>
          {c.row.original.archived && <span className="badge">Archived</span>}
          {c.row.original.tags.length > 0 && <span className="tags">{c.row.original.tags.slice(0, 4).join(" · ")}</span>}
        </div>
      ),
    }),
    col.accessor("kind", { header: "Kind", cell: (c) => kindName(c.getValue()) }),
    col.accessor("shares", { header: "Shares", cell: (c) => count(c.getValue()), ...numeric }),
    col.accessor("reps", { header: "Reps", cell: (c) => count(c.getValue()), ...numeric }),
    col.accessor("contacts", { header: "Contacts", cell: (c) => count(c.getValue()), ...numeric }),
    col.accessor("views", { header: "Views", cell: (c) => count(c.getValue()), ...numeric }),
    col.accessor("botViews", { header: "Scanner hits", cell: (c) => count(c.getValue()), ...numeric }),
    col.accessor("helped", { header: "Helped", cell: (c) => count(c.getValue()), ...numeric }),
    col.accessor("notHelped", { header: "Didn't help", cell: (c) => count(c.getValue()), ...numeric }),
    col.accessor("lastUsedAt", { header: "Last used", cell: (c) => <span className="nowrap">{dateTime(c.getValue())}</span>, sortUndefined: "last" }),
  ]
  const peak = data.weekly.reduce((m, w) => (w.shares > m.shares ? w : m), { week: "", shares: 0, views: 0 })

  return (
    <div className={stale ? "report stale" : "report"} aria-busy={stale}>
      <ScopeNote scope={data.scope} />
      <Stats label="Content usage totals">
        <Stat label="Shares" value={count(t.shares)} />
        <Stat label="Reps sharing" value={count(t.reps)} />
        <Stat label="Contacts reached" value={count(t.contacts)} />
        <Stat label="Views" value={count(t.views)} hint={viewRate === null ? undefined : `${viewRate.toFixed(2)} per share`} />
        <Stat label="Scanner hits" value={count(t.botViews)} hint="mail scanners and bots, not counted as views" />
      </Stats>

      <Panel title="Shares and views per week" description="Views are tracked-link opens that looked like a person.">
        {data.weekly.length === 0 ? (
          <Empty title="No shares in this period">Widen the period or clear a filter to see the trend.</Empty>
        ) : (
          <Chart summary={`Weekly shares and views from ${data.scope.from} to ${data.scope.to}; the busiest week (${peak.week}) had ${peak.shares} shares.`}>
            <ComposedChart data={data.weekly} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={palette.grid} vertical={false} />
              <XAxis dataKey="week" tickFormatter={shortDay} {...axisProps} />
              <YAxis allowDecimals={false} {...axisProps} width={44} />
              <Tooltip labelFormatter={(w) => `Week of ${shortDay(String(w))}`} />
              <Legend />
              <Bar isAnimationActive={false} dataKey="shares" name="Shares" fill={palette.blue} radius={[3, 3, 0, 0]} maxBarSize={36} />
              <Line isAnimationActive={false} dataKey="views" name="Views" stroke={palette.teal} strokeWidth={2} dot={false} type="monotone" />
            </ComposedChart>
          </Chart>
        )}
      </Panel>

      <Panel
        title="Assets"
        description="Open an asset to see each share: who sent it, to whom, when, and whether it was viewed."
        actions={<ExportLink table="content-usage" filters={filters} what="asset usage" />}
      >
        <DataTable
          label="Asset usage"
          data={data.rows}
          columns={columns}
          initialSort={[{ id: "shares", desc: true }]}
          empty={
            <Empty title="No assets match these filters">
              Add assets in the Content library, or widen the period and clear filters. Reps share assets from the Relay sidebar.
            </Empty>
          }
        />
      </Panel>
    </div>
  )
}

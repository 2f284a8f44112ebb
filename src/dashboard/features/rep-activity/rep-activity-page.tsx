import { createColumnHelper } from "@tanstack/react-table"
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts"
import type { RepActivity } from "../../../shared/contracts/analytics"
import { FilterBar } from "../filters/filter-bar"
import { useFilters } from "../filters/use-filters"
import { PageHeader } from "../../layout/shell"
import { count, shortDay } from "../../format"
import { Chart, axisProps, palette } from "../../ui/chart"
import { DataTable, numeric } from "../../ui/data-table"
import { ExportLink } from "../../ui/export-link"
import { Panel } from "../../ui/panel"
import { ScopeNote } from "../../ui/scope-note"
import { Stat, Stats } from "../../ui/stats"
import { Empty, Loaded } from "../../ui/states"
import { useRepActivity } from "./use-rep-activity"

type Row = RepActivity["rows"][number]
const kinds = [
  { key: "calls", label: "Calls", color: palette.blue },
  { key: "emails", label: "Emails", color: palette.teal },
  { key: "linkedinMessages", label: "LinkedIn messages", color: palette.violet },
  { key: "meetings", label: "Meetings", color: palette.amber },
  { key: "notes", label: "Notes", color: palette.slate },
  { key: "shares", label: "Content shares", color: palette.rose },
] as const

const col = createColumnHelper<Row>()
const columns = [
  col.accessor("repName", { header: "Rep" }),
  col.accessor("team", { header: "Team", cell: (c) => c.getValue() ?? "–" }),
  ...kinds.map((k) => col.accessor(k.key, { header: k.label, cell: (c) => count(c.getValue()), ...numeric })),
  col.accessor((r) => kinds.reduce((s, k) => s + r[k.key], 0), {
    id: "total",
    header: "Total",
    cell: (c) => <strong>{count(c.getValue())}</strong>,
    ...numeric,
  }),
]

export function RepActivityPage() {
  const { filters } = useFilters()
  const activity = useRepActivity(filters)
  return (
    <>
      <PageHeader title="Rep activity">What reps logged from the Relay sidebar: calls, emails, messages, meetings, notes and content shared.</PageHeader>
      <FilterBar scope={activity.data?.scope} />
      <Loaded query={activity} loading="Loading rep activity" failed="Rep activity could not be loaded">
        {(data) => <RepActivityBody data={data} stale={activity.isPlaceholderData} />}
      </Loaded>
    </>
  )
}

function RepActivityBody({ data, stale }: { data: RepActivity; stale: boolean }) {
  const { filters } = useFilters()
  const totals = Object.fromEntries(kinds.map((k) => [k.key, data.rows.reduce((s, r) => s + r[k.key], 0)])) as Record<(typeof kinds)[number]["key"], number>
  const all = kinds.reduce((s, k) => s + totals[k.key], 0)
  return (
    <div className={stale ? "report stale" : "report"} aria-busy={stale}>
      <ScopeNote scope={data.scope} />
      <Stats label="Activity totals" dense>
        <Stat label="All activity" value={count(all)} hint={`${count(data.rows.length)} ${data.rows.length === 1 ? "rep" : "reps"}`} />
        {kinds.map((k) => (
          <Stat key={k.key} label={k.label} value={count(totals[k.key])} />
        ))}
      </Stats>
      <Panel title="Activity per week">
        {data.weekly.length === 0 ? (
          <Empty title="Nothing logged in this period">Reps log calls, emails and meetings from the Relay sidebar; widen the period or clear filters.</Empty>
        ) : (
          <Chart
            summary={`Weekly activity from ${data.scope.from} to ${data.scope.to}: ${kinds.map((k) => `${count(totals[k.key])} ${k.label.toLowerCase()}`).join(", ")}.`}
          >
            <BarChart data={data.weekly} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={palette.grid} vertical={false} />
              <XAxis dataKey="week" tickFormatter={shortDay} {...axisProps} />
              <YAxis allowDecimals={false} {...axisProps} width={44} />
              <Tooltip labelFormatter={(w) => `Week of ${shortDay(String(w))}`} />
              <Legend />
              {kinds.map((k, i) => (
                <Bar
                  isAnimationActive={false}
                  key={k.key}
                  dataKey={k.key}
                  name={k.label}
                  stackId="a"
                  fill={k.color}
                  maxBarSize={40}
                  radius={i === kinds.length - 1 ? [3, 3, 0, 0] : undefined}
                />
              ))}
            </BarChart>
          </Chart>
        )}
      </Panel>
      <Panel
        title="By rep"
        actions={
          <>
            <ExportLink table="rep-activity" filters={filters} what="activity by rep" />
            <ExportLink table="activities" filters={filters} label="Every activity" what="CSV, one row per logged activity" />
            <ExportLink table="shares" filters={filters} label="Every share" what="CSV, one row per content share" />
          </>
        }
      >
        <DataTable
          label="Activity by rep"
          data={data.rows}
          columns={columns}
          initialSort={[{ id: "total", desc: true }]}
          empty={<Empty title="No rep logged anything in this period">Widen the period or clear the rep and team filters.</Empty>}
        />
      </Panel>
    </div>
  )
}

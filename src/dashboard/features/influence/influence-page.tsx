import { createColumnHelper } from "@tanstack/react-table"
import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, Tooltip, XAxis, YAxis } from "recharts"
import type { ContentInfluence, Rate } from "../../../shared/contracts/analytics"
import { FilterBar } from "../filters/filter-bar"
import { useFilters, useUrlValue } from "../filters/use-filters"
import { PageHeader } from "../../layout/shell"
import { count, dateTime, percent, rateWithInterval, stageLabel } from "../../format"
import { kindName } from "../../../shared/asset-words"
import { Chart, axisProps, palette } from "../../ui/chart"
import { DataTable, numeric } from "../../ui/data-table"
import { ExportLink } from "../../ui/export-link"
import { NumberSetting } from "../../ui/number-setting"
import { Panel } from "../../ui/panel"
import { ScopeNote } from "../../ui/scope-note"
import { Stat, Stats } from "../../ui/stats"
import { Empty, Loaded } from "../../ui/states"
import { useContentInfluence } from "./use-content-influence"

interface FlatRow {
  assetId: string
  title: string
  kind: string
  step: string
  received: Rate
  comparison: Rate
  lift: number | null
}

const col = createColumnHelper<FlatRow>()
const lift = (a: Rate, b: Rate) => (a.rate === null || b.rate === null ? null : a.rate - b.rate)
const step = (t: { from: string; to: string }) => `${stageLabel(t.from)} → ${stageLabel(t.to)}`
const signed = (x: number | null) => (x === null ? "–" : `${x > 0 ? "+" : ""}${Math.round(x * 100)} pts`)

const columns = [
  col.accessor("title", {
    header: "Asset",
    cell: (c) => (
      <div className="cell-title">
        <span>{c.getValue()}</span>
        <span className="tags">{kindName(c.row.original.kind)}</span>
      </div>
    ),
  }),
  col.accessor("step", { header: "Step" }),
  col.accessor((r) => r.received.rate, {
    id: "received",
    header: "Rate with asset",
    cell: (c) => rateWithInterval(c.row.original.received),
    sortUndefined: "last",
    ...numeric,
  }),
  col.accessor((r) => r.received.n, { id: "receivedN", header: "Recipients", cell: (c) => count(c.getValue()), ...numeric }),
  col.accessor((r) => r.comparison.rate, {
    id: "comparison",
    header: "Rate without",
    cell: (c) => rateWithInterval(c.row.original.comparison),
    sortUndefined: "last",
    ...numeric,
  }),
  col.accessor((r) => r.comparison.n, { id: "comparisonN", header: "Comparison group", cell: (c) => count(c.getValue()), ...numeric }),
  col.accessor("lift", { header: "Difference", cell: (c) => signed(c.getValue()), sortUndefined: "last", ...numeric }),
]

export function InfluencePage() {
  const { filters } = useFilters()
  const [windowParam, setWindow] = useUrlValue("windowDays", "30")
  const windowDays = Math.min(365, Math.max(1, Number.parseInt(windowParam, 10) || 30))
  const influence = useContentInfluence(filters, windowDays)
  return (
    <>
      <PageHeader title="Content influence">
        How often contacts who received content moved to the next stage, against contacts in the same stage who received none.
      </PageHeader>
      <FilterBar scope={influence.data?.scope}>
        <NumberSetting label="Window" unit="days" value={windowDays} min={1} max={365} onChange={(n) => setWindow(String(n))} />
      </FilterBar>
      <p className="caveat" role="note">
        <strong>Association, not proof.</strong> Reps choose whom to send content to, so these groups differ in more than the content. Read a difference as a
        lead worth testing, not as the content's effect.
      </p>
      <Loaded query={influence} loading="Loading content influence" failed="Content influence could not be loaded">
        {(data) => <InfluenceReport data={data} windowDays={windowDays} stale={influence.isPlaceholderData} />}
      </Loaded>
    </>
  )
}

function InfluenceReport({ data, windowDays, stale }: { data: ContentInfluence; windowDays: number; stale: boolean }) {
  const { filters } = useFilters()
  const chartData = data.overall.map((t) => ({
    step: step(t),
    received: (t.received.rate ?? 0) * 100,
    receivedError:
      t.received.rate === null
        ? [0, 0]
        : [(t.received.rate - (t.received.low ?? t.received.rate)) * 100, ((t.received.high ?? t.received.rate) - t.received.rate) * 100],
    comparison: (t.comparison.rate ?? 0) * 100,
    comparisonError:
      t.comparison.rate === null
        ? [0, 0]
        : [(t.comparison.rate - (t.comparison.low ?? t.comparison.rate)) * 100, ((t.comparison.high ?? t.comparison.rate) - t.comparison.rate) * 100],
  }))
  const rows: FlatRow[] = data.rows.flatMap((r) =>
    r.transitions.map((t) => ({
      assetId: r.assetId,
      title: r.title,
      kind: r.kind,
      step: step(t),
      received: t.received,
      comparison: t.comparison,
      lift: lift(t.received, t.comparison),
    })),
  )
  const summary = data.overall.map((t) => `${step(t)}: ${rateWithInterval(t.received)} with content, ${rateWithInterval(t.comparison)} without`).join("; ")

  return (
    <div className={stale ? "report stale" : "report"} aria-busy={stale}>
      <ScopeNote scope={data.scope} />
      <Stats label="Stage-to-stage rates, any asset against none">
        {data.overall.map((t) => (
          <Stat
            key={`${t.from}-${t.to}`}
            label={step(t)}
            value={percent(t.received.rate)}
            hint={
              <>
                with content (n = {count(t.received.n)}) · {percent(t.comparison.rate)} without (n = {count(t.comparison.n)})
              </>
            }
          />
        ))}
      </Stats>

      <Panel
        title="Any asset against none"
        description={`Share of contacts in a stage during the period who reached the next stage within ${windowDays} days. Whiskers show 95% intervals. Contacts whose ${windowDays} days are not over yet (clock started after ${dateTime(data.countedUntil)}) are left out of both groups.`}
      >
        {data.overall.every((t) => t.received.n === 0 && t.comparison.n === 0) ? (
          <Empty title="No contacts were in these stages in this period">Widen the period or clear filters.</Empty>
        ) : (
          <>
            <Chart summary={summary}>
              <BarChart data={chartData} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} barCategoryGap="28%">
                <CartesianGrid stroke={palette.grid} vertical={false} />
                <XAxis dataKey="step" {...axisProps} />
                <YAxis unit="%" domain={[0, 100]} {...axisProps} width={48} />
                <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} />
                <Legend />
                <Bar isAnimationActive={false} dataKey="received" name="Received content" fill={palette.blue} radius={[3, 3, 0, 0]} maxBarSize={56}>
                  <ErrorBar dataKey="receivedError" width={6} stroke={palette.axis} />
                </Bar>
                <Bar isAnimationActive={false} dataKey="comparison" name="Comparison: no content" fill={palette.slate} radius={[3, 3, 0, 0]} maxBarSize={56}>
                  <ErrorBar dataKey="comparisonError" width={6} stroke={palette.axis} />
                </Bar>
              </BarChart>
            </Chart>
            <table className="data-table compact-table">
              <caption className="visually-hidden">Any asset against none</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col" className="num">
                    Received content
                  </th>
                  <th scope="col" className="num">
                    Sample
                  </th>
                  <th scope="col" className="num">
                    Comparison group (no content)
                  </th>
                  <th scope="col" className="num">
                    Sample
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.overall.map((t) => (
                  <tr key={`${t.from}-${t.to}`}>
                    <th scope="row">{step(t)}</th>
                    <td className="num">{rateWithInterval(t.received)}</td>
                    <td className="num">
                      {count(t.received.hits)} of {count(t.received.n)}
                    </td>
                    <td className="num">{rateWithInterval(t.comparison)}</td>
                    <td className="num">
                      {count(t.comparison.hits)} of {count(t.comparison.n)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Panel>

      <Panel
        title="By asset"
        description="Each asset's recipients against the same comparison group. Small samples give wide intervals: compare the ranges, not just the rates."
        actions={<ExportLink table="content-influence" filters={filters} extra={{ windowDays }} what="content influence" />}
      >
        <DataTable
          label="Content influence by asset"
          data={rows}
          columns={columns}
          initialSort={[{ id: "receivedN", desc: true }]}
          empty={
            <Empty title="No asset was shared with contacts in these stages">Widen the period, or ask reps to share content from the Relay sidebar.</Empty>
          }
        />
      </Panel>
    </div>
  )
}

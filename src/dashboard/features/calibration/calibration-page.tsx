import { createColumnHelper } from "@tanstack/react-table"
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts"
import type { Calibration } from "../../../shared/contracts/analytics"
import { FilterBar } from "../filters/filter-bar"
import { useFilters, useUrlValue } from "../filters/use-filters"
import { PageHeader } from "../../layout/shell"
import { count, humanize, percent, rateWithInterval } from "../../format"
import { Chart, axisProps, palette } from "../../ui/chart"
import { DataTable, numeric } from "../../ui/data-table"
import { ExportLink } from "../../ui/export-link"
import { NumberSetting } from "../../ui/number-setting"
import { Panel } from "../../ui/panel"
import { ScopeNote } from "../../ui/scope-note"
import { Stat, Stats } from "../../ui/stats"
import { Empty, Loaded } from "../../ui/states"
import { ThresholdPreviewPanel } from "./threshold-preview"
import { useCalibration } from "./use-calibration"

type Band = Calibration["bands"][number]
type Rule = Calibration["rules"][number]

const band = createColumnHelper<Band>()
const bandColumns = [
  band.accessor("min", { header: "Score", cell: (c) => c.row.original.label }),
  band.accessor("contacts", { header: "Contacts", cell: (c) => count(c.getValue()), ...numeric }),
  band.accessor("mqls", { header: "MQLs", cell: (c) => count(c.getValue()), ...numeric }),
  band.accessor("accepted", { header: "Accepted", cell: (c) => count(c.getValue()), ...numeric }),
  band.accessor("rejected", { header: "Rejected", cell: (c) => count(c.getValue()), ...numeric }),
  band.accessor((b) => b.acceptance.rate, {
    id: "acceptance",
    header: "Acceptance (95% interval)",
    cell: (c) => rateWithInterval(c.row.original.acceptance),
    sortUndefined: "last",
    ...numeric,
  }),
  band.accessor("sqls", { header: "SQLs", cell: (c) => count(c.getValue()), ...numeric }),
  band.accessor("customers", { header: "Customers", cell: (c) => count(c.getValue()), ...numeric }),
  band.display({
    id: "reasons",
    header: "Rejection reasons",
    cell: (c) => {
      const reasons = [...c.row.original.rejections].sort((a, b) => b.count - a.count)
      return reasons.length === 0 ? (
        <span className="muted">–</span>
      ) : (
        <ul className="reasons">
          {reasons.map((r) => (
            <li key={r.reason}>
              {humanize(r.reason)} <span className="muted">{r.count}</span>
            </li>
          ))}
        </ul>
      )
    },
  }),
]

const rule = createColumnHelper<Rule>()
const points = (x: number | null) => (x === null ? "–" : x.toFixed(1))
const ruleColumns = [
  rule.accessor("rule", { header: "Rule", cell: (c) => <span className="nowrap">{c.getValue()}</span> }),
  rule.accessor("kind", { header: "Kind", cell: (c) => humanize(c.getValue()) }),
  rule.accessor("acceptedShare", {
    header: "Of accepted leads",
    cell: (c) => <ShareBar value={c.getValue()} n={c.row.original.acceptedLeads} tone="good" />,
    sortUndefined: "last",
  }),
  rule.accessor("rejectedShare", {
    header: "Of rejected leads",
    cell: (c) => <ShareBar value={c.getValue()} n={c.row.original.rejectedLeads} tone="bad" />,
    sortUndefined: "last",
  }),
  rule.accessor((r) => (r.acceptedShare ?? 0) - (r.rejectedShare ?? 0), {
    id: "gap",
    header: "Difference",
    cell: (c) => `${c.getValue() > 0 ? "+" : ""}${Math.round(c.getValue() * 100)} pts`,
    ...numeric,
  }),
  rule.accessor("acceptedPoints", {
    header: "Mean points (acc. / rej.)",
    cell: (c) => `${points(c.getValue())} / ${points(c.row.original.rejectedPoints)}`,
    sortUndefined: "last",
    ...numeric,
  }),
]

function ShareBar({ value, n, tone }: { value: number | null; n: number; tone: "good" | "bad" }) {
  return (
    <span className="share-bar">
      <span className={`share-bar-track ${tone}`} aria-hidden="true">
        <span style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
      </span>
      <span className="share-bar-text">
        {percent(value)} <span className="muted">({count(n)})</span>
      </span>
    </span>
  )
}

export function CalibrationPage() {
  const { filters } = useFilters()
  const [bandParam, setBand] = useUrlValue("bandSize", "10")
  const bandSize = Math.min(50, Math.max(5, Number.parseInt(bandParam, 10) || 10))
  const calibration = useCalibration(filters, bandSize)
  return (
    <>
      <PageHeader title="Score calibration">
        Does the lead score agree with sales? Acceptance by score band, and the rules behind accepted and rejected leads.
      </PageHeader>
      <FilterBar scope={calibration.data?.scope}>
        <NumberSetting label="Band size" unit="points" value={bandSize} min={5} max={50} onChange={(n) => setBand(String(n))} />
      </FilterBar>
      <Loaded query={calibration} loading="Loading score calibration" failed="Score calibration could not be loaded">
        {(data) => <CalibrationBody data={data} bandSize={bandSize} stale={calibration.isPlaceholderData} />}
      </Loaded>
    </>
  )
}

function CalibrationBody({ data, bandSize, stale }: { data: Calibration; bandSize: number; stale: boolean }) {
  const { filters } = useFilters()
  const decided = data.decided.accepted + data.decided.rejected
  const chartData = data.bands.map((b) => ({
    ...b,
    undecided: Math.max(0, b.mqls - b.accepted - b.rejected),
    rate: b.acceptance.rate === null ? null : b.acceptance.rate * 100,
  }))
  const thresholdBand = data.bands.find((b) => data.threshold >= b.min && data.threshold <= b.max)
  const mqls = data.bands.reduce((s, b) => s + b.mqls, 0)

  return (
    <div className={stale ? "report stale" : "report"} aria-busy={stale}>
      <ScopeNote scope={data.scope} />
      <Stats label="Calibration totals">
        <Stat label="MQL threshold" value={data.threshold} hint="points, current setting" />
        <Stat label="MQLs" value={count(mqls)} />
        <Stat
          label="Accepted by sales"
          value={count(data.decided.accepted)}
          tone="good"
          hint={decided ? `${percent(data.decided.accepted / decided)} of decided` : undefined}
        />
        <Stat
          label="Rejected by sales"
          value={count(data.decided.rejected)}
          tone="bad"
          hint={decided ? `${percent(data.decided.rejected / decided)} of decided` : undefined}
        />
      </Stats>

      <ThresholdPreviewPanel current={data.threshold} />

      <Panel
        title="Outcomes by score band"
        description="Score at the time a lead became an MQL (current score for the rest). The line is the share of decided MQLs sales accepted."
      >
        {data.bands.every((b) => b.contacts === 0) ? (
          <Empty title="No scored contacts in this period">Widen the period or clear filters. Scores appear once marketing events arrive.</Empty>
        ) : (
          <Chart
            summary={`MQLs by score band in bands of ${bandSize} points; ${count(data.decided.accepted)} accepted, ${count(data.decided.rejected)} rejected.`}
            height={300}
          >
            <ComposedChart data={chartData} margin={{ top: 24, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={palette.grid} vertical={false} />
              <XAxis dataKey="label" {...axisProps} />
              <YAxis yAxisId="n" allowDecimals={false} {...axisProps} width={44} />
              <YAxis yAxisId="rate" orientation="right" unit="%" domain={[0, 100]} {...axisProps} width={48} />
              <Tooltip formatter={(v, name) => (name === "Acceptance" ? `${Number(v).toFixed(0)}%` : v)} />
              <Legend />
              {thresholdBand && (
                <ReferenceLine
                  yAxisId="n"
                  x={thresholdBand.label}
                  stroke={palette.violet}
                  strokeDasharray="4 3"
                  label={{ value: `Threshold ${data.threshold}`, position: "top", fill: palette.violet, fontSize: 12 }}
                />
              )}
              <Bar isAnimationActive={false} yAxisId="n" dataKey="accepted" name="Accepted" stackId="mql" fill={palette.teal} maxBarSize={40} />
              <Bar isAnimationActive={false} yAxisId="n" dataKey="rejected" name="Rejected" stackId="mql" fill={palette.rose} maxBarSize={40} />
              <Bar
                isAnimationActive={false}
                yAxisId="n"
                dataKey="undecided"
                name="Not decided"
                stackId="mql"
                fill={palette.slate}
                radius={[3, 3, 0, 0]}
                maxBarSize={40}
              />
              <Line
                isAnimationActive={false}
                yAxisId="rate"
                dataKey="rate"
                name="Acceptance"
                stroke={palette.blue}
                strokeWidth={2}
                connectNulls
                type="monotone"
              />
            </ComposedChart>
          </Chart>
        )}
      </Panel>

      <Panel
        title="Score bands"
        description="Rejection reasons per band show what the score misses."
        actions={<ExportLink table="calibration-bands" filters={filters} extra={{ bandSize }} what="score bands" />}
      >
        <DataTable
          label="Score bands"
          data={data.bands}
          columns={bandColumns}
          pageSize={20}
          empty={<Empty title="No bands">No scored contacts in this period.</Empty>}
        />
      </Panel>

      <Panel
        title="Rules behind accepted and rejected leads"
        description="Share of accepted and of rejected leads that earned points from each rule. A rule common among rejected leads may be worth fewer points."
        actions={<ExportLink table="calibration-rules" filters={filters} what="rules" />}
      >
        <DataTable
          label="Scoring rules by outcome"
          data={data.rules}
          columns={ruleColumns}
          initialSort={[{ id: "gap", desc: false }]}
          empty={<Empty title="No decided leads yet">When reps accept or reject MQLs in the sidebar, the rules behind those leads show here.</Empty>}
        />
      </Panel>
    </div>
  )
}

import { createColumnHelper } from "@tanstack/react-table"
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts"
import type { HandoffReport } from "../../../shared/contracts/analytics"
import { FilterBar } from "../filters/filter-bar"
import { useFilters } from "../filters/use-filters"
import { PageHeader } from "../../layout/shell"
import { count, day, hours, humanize, percent, rateWithInterval, shortDay } from "../../format"
import { Chart, axisProps, palette } from "../../ui/chart"
import { DataTable, numeric } from "../../ui/data-table"
import { ExportLink } from "../../ui/export-link"
import { Panel } from "../../ui/panel"
import { ScopeNote } from "../../ui/scope-note"
import { Stat, Stats } from "../../ui/stats"
import { Empty, Loaded } from "../../ui/states"
import { useHandoff } from "./use-handoff"

type RepRow = HandoffReport["slaByRep"][number]
type WeekRow = HandoffReport["slaByWeek"][number]
type ConversionRow = HandoffReport["byCampaign"][number]

const rep = createColumnHelper<RepRow>()
const repColumns = [
  rep.accessor("repName", { header: "Rep" }),
  rep.accessor("team", { header: "Team", cell: (c) => c.getValue() ?? "–" }),
  rep.accessor("mqls", { header: "MQLs", cell: (c) => count(c.getValue()), ...numeric }),
  rep.accessor("met", { header: "Met", cell: (c) => count(c.getValue()), ...numeric }),
  rep.accessor("missed", { header: "Missed", cell: (c) => count(c.getValue()), ...numeric }),
  rep.accessor("waiting", { header: "Waiting", cell: (c) => count(c.getValue()), ...numeric }),
  rep.accessor("rate", { header: "SLA met", cell: (c) => percent(c.getValue()), sortUndefined: "last", ...numeric }),
]

const week = createColumnHelper<WeekRow>()
const weekColumns = [
  week.accessor("week", { header: "Week of", cell: (c) => day(c.getValue()) }),
  week.accessor("mqls", { header: "MQLs", cell: (c) => count(c.getValue()), ...numeric }),
  week.accessor("met", { header: "Met", cell: (c) => count(c.getValue()), ...numeric }),
  week.accessor("missed", { header: "Missed", cell: (c) => count(c.getValue()), ...numeric }),
  week.accessor("waiting", { header: "Waiting", cell: (c) => count(c.getValue()), ...numeric }),
  week.accessor("rate", { header: "SLA met", cell: (c) => percent(c.getValue()), sortUndefined: "last", ...numeric }),
]

const conv = createColumnHelper<ConversionRow>()
const conversionColumns = (keyHeader: string) => [
  conv.accessor("key", { header: keyHeader }),
  conv.accessor("mqls", { header: "MQLs", cell: (c) => count(c.getValue()), ...numeric }),
  conv.accessor("sqls", { header: "SQLs", cell: (c) => count(c.getValue()), ...numeric }),
  conv.accessor((r) => r.conversion.rate, {
    id: "conversion",
    header: "MQL → SQL (95% interval)",
    cell: (c) => rateWithInterval(c.row.original.conversion),
    sortUndefined: "last",
    ...numeric,
  }),
  conv.accessor("avgRating", {
    header: "Lead quality",
    cell: (c) => (c.getValue() === null ? "–" : `${c.getValue()!.toFixed(1)} / 5`),
    sortUndefined: "last",
    ...numeric,
  }),
  conv.accessor("ratings", { header: "Ratings", cell: (c) => count(c.getValue()), ...numeric }),
]

export function HandoffPage() {
  const { filters } = useFilters()
  const handoff = useHandoff(filters)
  return (
    <>
      <PageHeader title="Handoff and SLA">What happened to the leads marketing passed to sales, and how fast reps followed up.</PageHeader>
      <FilterBar scope={handoff.data?.scope} />
      <Loaded query={handoff} loading="Loading handoff and SLA" failed="The handoff report could not be loaded">
        {(data) => <HandoffBody data={data} stale={handoff.isPlaceholderData} />}
      </Loaded>
    </>
  )
}

function HandoffBody({ data, stale }: { data: HandoffReport; stale: boolean }) {
  const { filters } = useFilters()
  const m = data.mqls
  const decided = m.accepted + m.rejected
  const met = data.slaByWeek.reduce((s, w) => s + w.met, 0)
  const missed = data.slaByWeek.reduce((s, w) => s + w.missed, 0)
  const slaRate = met + missed ? met / (met + missed) : null
  const rejections = [...data.rejections].sort((a, b) => b.count - a.count).map((r) => ({ ...r, label: humanize(r.reason) }))

  return (
    <div className={stale ? "report stale" : "report"} aria-busy={stale}>
      <ScopeNote scope={data.scope} />
      <Stats label="Handoff totals">
        <Stat label="MQLs created" value={count(m.created)} />
        <Stat label="Accepted" value={count(m.accepted)} hint={decided ? `${percent(m.accepted / decided)} of decided` : undefined} tone="good" />
        <Stat
          label="Rejected"
          value={count(m.rejected)}
          hint={`${count(m.recycled)} recycled to marketing`}
          tone={m.rejected > m.accepted ? "bad" : undefined}
        />
        <Stat label="Waiting for a decision" value={count(m.waiting)} />
        <Stat
          label={`Followed up within ${data.slaHours} h`}
          value={percent(slaRate)}
          hint={`${count(met)} met · ${count(missed)} missed`}
          tone={slaRate !== null && slaRate < 0.8 ? "warn" : undefined}
        />
        <Stat
          label="Median first touch"
          value={hours(data.firstTouch.medianHours)}
          hint={`90th percentile ${hours(data.firstTouch.p90Hours)} · n = ${count(data.firstTouch.n)}`}
        />
      </Stats>

      <div className="grid-2">
        <Panel title="SLA per week" description={`MQLs by week they became MQLs: followed up within ${data.slaHours} hours, late, or still waiting.`}>
          {data.slaByWeek.length === 0 ? (
            <Empty title="No MQLs in this period">Widen the period, or lower the MQL threshold on the Scoring page if no lead ever qualifies.</Empty>
          ) : (
            <Chart summary={`SLA per week: ${count(met)} MQLs followed up in time, ${count(missed)} late.`}>
              <BarChart data={data.slaByWeek} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid stroke={palette.grid} vertical={false} />
                <XAxis dataKey="week" tickFormatter={shortDay} {...axisProps} />
                <YAxis allowDecimals={false} {...axisProps} width={40} />
                <Tooltip labelFormatter={(w) => `Week of ${shortDay(String(w))}`} />
                <Legend />
                <Bar isAnimationActive={false} dataKey="met" name="Met" stackId="sla" fill={palette.teal} maxBarSize={36} />
                <Bar isAnimationActive={false} dataKey="missed" name="Missed" stackId="sla" fill={palette.rose} maxBarSize={36} />
                <Bar isAnimationActive={false} dataKey="waiting" name="Waiting" stackId="sla" fill={palette.slate} radius={[3, 3, 0, 0]} maxBarSize={36} />
              </BarChart>
            </Chart>
          )}
        </Panel>
        <Panel title="Why reps rejected MQLs" description="Reasons reps gave when they sent a lead back.">
          {rejections.length === 0 ? (
            <Empty title="No rejections in this period">When reps reject an MQL in the sidebar, their reasons show here.</Empty>
          ) : (
            <Chart summary={`Rejection reasons: ${rejections.map((r) => `${r.label} ${r.count}`).join(", ")}.`}>
              <BarChart data={rejections} layout="vertical" margin={{ top: 8, right: 24, bottom: 0, left: 8 }}>
                <CartesianGrid stroke={palette.grid} horizontal={false} />
                <XAxis type="number" allowDecimals={false} {...axisProps} />
                <YAxis type="category" dataKey="label" width={130} {...axisProps} />
                <Tooltip />
                <Bar isAnimationActive={false} dataKey="count" name="Rejections" fill={palette.amber} radius={[0, 3, 3, 0]} maxBarSize={26} />
              </BarChart>
            </Chart>
          )}
        </Panel>
      </div>

      <Panel title="SLA by rep" actions={<ExportLink table="handoff-reps" filters={filters} what="SLA by rep" />}>
        <DataTable
          label="SLA by rep"
          data={data.slaByRep}
          columns={repColumns}
          initialSort={[{ id: "mqls", desc: true }]}
          empty={<Empty title="No rep received an MQL in this period">Widen the period or clear the rep and team filters.</Empty>}
        />
      </Panel>
      <Panel title="SLA by week" actions={<ExportLink table="handoff-weeks" filters={filters} what="SLA by week" />}>
        <DataTable
          label="SLA by week"
          data={data.slaByWeek}
          columns={weekColumns}
          initialSort={[{ id: "week", desc: true }]}
          pageSize={10}
          empty={<Empty title="No MQLs in this period">Widen the period.</Empty>}
        />
      </Panel>
      {/* Side by side only where both tables have room for their five columns. */}
      <div className="grid-2 wide-only">
        <Panel
          title="By campaign"
          description="First-touch campaign of the lead."
          actions={<ExportLink table="handoff-campaigns" filters={filters} what="conversion by campaign" />}
        >
          <DataTable
            label="Conversion by campaign"
            data={data.byCampaign}
            columns={conversionColumns("Campaign")}
            initialSort={[{ id: "mqls", desc: true }]}
            pageSize={10}
            empty={<Empty title="No campaign data">Send the campaign with marketing events to see conversion by campaign.</Empty>}
          />
        </Panel>
        <Panel
          title="By source"
          description="First-touch source of the lead."
          actions={<ExportLink table="handoff-sources" filters={filters} what="conversion by source" />}
        >
          <DataTable
            label="Conversion by source"
            data={data.bySource}
            columns={conversionColumns("Source")}
            initialSort={[{ id: "mqls", desc: true }]}
            pageSize={10}
            empty={<Empty title="No source data">Events carry their source system; none arrived for these leads.</Empty>}
          />
        </Panel>
      </div>
    </div>
  )
}

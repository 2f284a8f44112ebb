import { Link, useLocation, useParams } from "react-router-dom"
import { createColumnHelper } from "@tanstack/react-table"
import type { AssetShareRow } from "../../../shared/contracts/analytics"
import { FilterBar } from "../filters/filter-bar"
import { useFilters } from "../filters/use-filters"
import { PageHeader } from "../../layout/shell"
import { count, dateTime, humanize } from "../../format"
import { kindName } from "../../../shared/asset-words"
import { DataTable, numeric } from "../../ui/data-table"
import { ExportLink } from "../../ui/export-link"
import { Panel } from "../../ui/panel"
import { ScopeNote } from "../../ui/scope-note"
import { Stat, Stats } from "../../ui/stats"
import { Empty, Loaded } from "../../ui/states"
import { useAssetShares } from "./use-asset-shares"

const col = createColumnHelper<AssetShareRow>()

const columns = [
  col.accessor("sharedAt", { header: "Shared", cell: (c) => <span className="nowrap">{dateTime(c.getValue())}</span> }),
  col.accessor((r) => r.rep.name, { id: "rep", header: "Rep", cell: (c) => <span className="nowrap">{c.getValue()}</span> }),
  col.accessor((r) => r.contact.name, {
    id: "contact",
    header: "Shared with",
    cell: (c) => (
      <div className="cell-title">
        <span>{c.getValue()}</span>
        <span className="tags break">{[c.row.original.contact.company, c.row.original.contact.email].filter(Boolean).join(" · ")}</span>
      </div>
    ),
  }),
  col.accessor("channel", { header: "Channel", cell: (c) => humanize(c.getValue()) }),
  col.accessor((r) => r.views > 0, {
    id: "viewed",
    header: "Viewed",
    cell: (c) =>
      c.getValue() ? (
        <span className="pill good">Viewed {c.row.original.views > 1 ? `×${c.row.original.views}` : ""}</span>
      ) : (
        <span className="pill">Not yet</span>
      ),
  }),
  col.accessor("firstViewedAt", { header: "First viewed", cell: (c) => <span className="nowrap">{dateTime(c.getValue())}</span> }),
  col.accessor("botViews", { header: "Scanner hits", cell: (c) => count(c.getValue()), ...numeric }),
]

/** Drill-down from the usage table: every share of one asset under the same filters. */
export function AssetSharesPage() {
  const { assetId = "" } = useParams()
  const { filters } = useFilters()
  const location = useLocation()
  const shares = useAssetShares(assetId, filters)
  const first = shares.data?.pages[0]
  const rows = shares.data?.pages.flatMap((p) => p.rows) ?? []
  const viewed = rows.filter((r) => r.views > 0).length

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/content-usage${location.search}`}>← Content usage</Link>
      </nav>
      <PageHeader title={first ? first.asset.title : "Asset shares"}>
        {first ? `${kindName(first.asset.kind)} · every share in the period, newest first.` : "Every share of this asset in the period."}
      </PageHeader>
      <FilterBar scope={first?.scope} />
      <Loaded query={shares} loading="Loading shares" failed="The shares of this asset could not be loaded">
        {(data) => (
          <div className="report">
            <ScopeNote scope={data.pages[0]!.scope} />
            <Stats label="Shares of this asset">
              <Stat label={shares.hasNextPage ? "Shares loaded" : "Shares"} value={count(rows.length)} />
              <Stat label="Viewed" value={count(viewed)} hint={rows.length ? `${Math.round((viewed / rows.length) * 100)}% of shares` : undefined} />
              <Stat label="Reps" value={count(new Set(rows.map((r) => r.rep.id)).size)} />
              <Stat label="Contacts" value={count(new Set(rows.map((r) => r.contact.id)).size)} />
            </Stats>
            <Panel title="Shares" actions={<ExportLink table="asset-shares" filters={filters} extra={{ asset: assetId }} what="shares of this asset" />}>
              <DataTable
                label="Shares of this asset"
                data={rows}
                columns={columns}
                pageSize={25}
                empty={<Empty title="Nobody shared this asset in this period">Widen the period or clear filters.</Empty>}
                footer={
                  shares.hasNextPage ? (
                    <button type="button" className="button" onClick={() => void shares.fetchNextPage()} disabled={shares.isFetchingNextPage}>
                      {shares.isFetchingNextPage ? "Loading…" : "Load more shares"}
                    </button>
                  ) : undefined
                }
              />
              {shares.isFetchNextPageError && (
                <p role="alert" className="error-text">
                  More shares could not be loaded. Press “Load more shares” to try again.
                </p>
              )}
            </Panel>
          </div>
        )}
      </Loaded>
    </>
  )
}

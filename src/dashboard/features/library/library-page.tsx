import { createColumnHelper } from "@tanstack/react-table"
import { useDebounced } from "../../../sidebar/use-debounced"
import { assetKinds, type Asset } from "../../../shared/contracts/assets"
import type { Me } from "../../../shared/contracts/me"
import { useUrlValue } from "../filters/use-filters"
import { canManage } from "../session/use-me"
import { PageHeader } from "../../layout/shell"
import { dateTime, personaLabel, stageLabel } from "../../format"
import { kindName } from "../../../shared/asset-words"
import { useLibraryStore } from "../../stores/library"
import { DataTable } from "../../ui/data-table"
import { Panel } from "../../ui/panel"
import { Empty, Loaded } from "../../ui/states"
import { AssetForm } from "./asset-form"
import { ImportPanel } from "./import-panel"
import { useArchiveAsset } from "./use-archive-asset"
import { useAssets } from "./use-assets"
import { WebLink } from "../../ui/web-link"

const col = createColumnHelper<Asset>()

export function LibraryPage({ me }: { me: Me }) {
  const manage = canManage(me)
  const [q, setQ] = useUrlValue("q")
  const [kind, setKind] = useUrlValue("kind")
  const [archived, setArchived] = useUrlValue("archived")
  const query = { q: useDebounced(q, 250), kind, includeArchived: archived === "1" }
  const assets = useAssets(query)
  const { editing, importing, edit, setImporting } = useLibraryStore()
  const archive = useArchiveAsset()
  const editingAsset = editing && editing !== "new" ? (assets.data?.items.find((a) => a.id === editing) ?? null) : null

  const columns = [
    col.accessor("title", {
      header: "Title",
      cell: (c) => (
        <div className="cell-title">
          <WebLink url={c.row.original.url}>{c.getValue()}</WebLink>
          {c.row.original.archived && <span className="badge">Archived</span>}
          {c.row.original.description && <span className="tags clamp">{c.row.original.description}</span>}
        </div>
      ),
    }),
    col.accessor("kind", { header: "Kind", cell: (c) => <span className="nowrap">{kindName(c.getValue())}</span> }),
    col.display({
      id: "tags",
      header: "Tags",
      cell: (c) => {
        const a = c.row.original
        const tags = [...a.stages.map(stageLabel), ...a.personas.map(personaLabel), ...a.industries, ...a.topics]
        return tags.length ? (
          <ul className="tag-list">
            {tags.map((t, i) => (
              <li key={`${t}-${i}`}>{t}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">none</span>
        )
      },
    }),
    col.accessor("updatedAt", { header: "Updated", cell: (c) => <span className="nowrap">{dateTime(c.getValue())}</span> }),
    ...(manage
      ? [
          col.display({
            id: "actions",
            header: () => <span className="visually-hidden">Actions</span>,
            cell: (c) => {
              const a = c.row.original
              return (
                <div className="row-actions">
                  <button type="button" className="button subtle small" onClick={() => edit(a.id)} aria-label={`Edit ${a.title}`}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button subtle small"
                    disabled={archive.isPending}
                    aria-label={`${a.archived ? "Restore" : "Archive"} ${a.title}`}
                    onClick={() => {
                      if (a.archived || window.confirm(`Archive “${a.title}”? Reps will no longer find it; links already sent keep working.`))
                        archive.mutate({ id: a.id, archived: !a.archived })
                    }}
                  >
                    {a.archived ? "Restore" : "Archive"}
                  </button>
                </div>
              )
            },
          }),
        ]
      : []),
  ]

  return (
    <>
      <PageHeader
        title="Content library"
        actions={
          manage ? (
            <>
              <button type="button" className="button" onClick={() => setImporting(!importing)}>
                Import CSV
              </button>
              <button type="button" className="button primary" onClick={() => edit("new")}>
                New asset
              </button>
            </>
          ) : undefined
        }
      >
        The enablement content reps find and share from the Relay sidebar.
      </PageHeader>
      {!manage && (
        <p className="scope-note" role="note">
          You can browse the library; only marketers and admins can add, edit or archive assets.
        </p>
      )}
      {manage && importing && <ImportPanel onClose={() => setImporting(false)} />}
      {manage && editing && (editing === "new" || editingAsset) && <AssetForm key={editing} asset={editingAsset} onDone={() => edit(null)} />}
      {archive.isError && (
        <p role="alert" className="error-text">
          Could not change the asset: {archive.error.message}
        </p>
      )}
      <Panel title="Assets">
        <div className="toolbar" role="search">
          <label className="field compact grow">
            <span>Search</span>
            <input type="search" value={q} onChange={(e) => setQ(e.target.value, true)} placeholder="Title, description or tag" />
          </label>
          <label className="field compact">
            <span>Kind</span>
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">All kinds</option>
              {assetKinds.map((k) => (
                <option key={k} value={k}>
                  {kindName(k)}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={archived === "1"} onChange={(e) => setArchived(e.target.checked ? "1" : "")} /> Show archived
          </label>
        </div>
        <Loaded query={assets} loading="Loading the library" failed="The library could not be loaded">
          {(data) => (
            <div className={assets.isPlaceholderData ? "stale" : undefined}>
              <DataTable
                label="Assets"
                data={data.items}
                columns={columns}
                pageSize={20}
                empty={
                  q || kind ? (
                    <Empty title="No asset matches">Try other words, or clear the kind filter.</Empty>
                  ) : (
                    <Empty title="The library is empty">
                      {manage ? "Add an asset with “New asset”, or import a CSV of your content." : "Ask a marketer to add the team's content."}
                    </Empty>
                  )
                }
              />
              {data.items.length === 100 && <p className="muted small">Showing the first 100 matches; search to narrow them down.</p>}
            </div>
          )}
        </Loaded>
      </Panel>
    </>
  )
}

import { useState, type ChangeEvent } from "react"
import { count } from "../../format"
import { assetCsvColumns } from "../../../shared/contracts/asset-csv"
import { parseAssetCsv } from "./asset-csv"
import { importChunkSize, useImportAssets } from "./use-import-assets"

/** Importing assets from a CSV: parsed here, sent in chunks of 500, with a progress bar and the rows refused. */
export function ImportPanel({ onClose }: { onClose: () => void }) {
  const run = useImportAssets()
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [fileName, setFileName] = useState("")

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = "" // choosing the same file again starts another import
    if (!file) return
    setFileName(file.name)
    setFileError(null)
    run.reset()
    let parsed
    try {
      parsed = parseAssetCsv(await file.text())
    } catch (err) {
      setFileError(`${file.name} could not be read as CSV: ${(err as Error).message}`)
      return
    }
    if (parsed.total === 0) {
      setFileError(`${file.name} has no rows under its header.`)
      return
    }
    setProgress({ done: 0, total: Math.ceil(parsed.valid.length / importChunkSize) })
    run.mutate({ parsed, onProgress: (done, total) => setProgress({ done, total }) })
  }

  const summary = run.data
  const pct = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : summary ? 100 : 0

  return (
    <section className="panel import-panel" aria-labelledby="import-title">
      <header className="panel-header">
        <div>
          <h2 id="import-title">Import assets from CSV</h2>
          <p className="panel-description">
            Columns: {assetCsvColumns.join(", ")}. Title, url and kind are required; separate list values with “|”. A row with an existing id updates that
            asset.
          </p>
        </div>
        <div className="panel-actions">
          <button type="button" className="button subtle" onClick={onClose} disabled={run.isPending}>
            Close
          </button>
        </div>
      </header>
      <label className="file-pick">
        <span className="button">Choose a CSV file…</span>
        <input type="file" accept=".csv,text/csv" onChange={choose} disabled={run.isPending} aria-label="CSV file to import" />
        {fileName && <span className="muted">{fileName}</span>}
      </label>
      {fileError && (
        <p role="alert" className="error-text">
          {fileError}
        </p>
      )}
      {(run.isPending || summary || run.isError) && (
        <div className="import-progress">
          <label>
            <span>{run.isPending ? `Importing… chunk ${progress?.done ?? 0} of ${progress?.total ?? 0}` : "Import finished"}</span>
            <progress max={100} value={pct} aria-label="Import progress">
              {pct}%
            </progress>
          </label>
        </div>
      )}
      {run.isError && (
        <p role="alert" className="error-text">
          {run.error.message}
        </p>
      )}
      {summary && (
        <div className="import-summary" role="status">
          <p>
            <strong>
              {count(summary.inserted + summary.updated)} of {count(summary.total)} rows imported
            </strong>
            : {count(summary.inserted)} added, {count(summary.updated)} updated, {count(summary.rejected.length)} rejected.
          </p>
          {summary.rejected.length > 0 && (
            <table className="data-table compact-table">
              <caption>Rejected rows</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Line
                  </th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {summary.rejected.slice(0, 200).map((r, i) => (
                  <tr key={`${r.line}-${i}`}>
                    <td className="num">{r.line}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {summary.rejected.length > 200 && (
            <p className="muted">…and {count(summary.rejected.length - 200)} more. Fix these rows and import the file again.</p>
          )}
        </div>
      )}
    </section>
  )
}

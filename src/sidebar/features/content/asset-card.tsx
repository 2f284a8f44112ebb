// One piece of content with its two ways to use it. Every click is one share (one tracked link):
// "Insert" puts it at the rep's caret in the open compose, "Copy link" puts it on the clipboard.
import { useId, useRef, useState } from "react"
import type { Asset } from "../../../shared/contracts/assets"
import type { Site } from "../../../shared/page-context"
import { isWebUrl } from "../../../sites/compose"
import { errorMessage } from "../../errors"
import type { ComposeTarget } from "./compose-target"
import { kindLabel } from "./labels"
import { useShareAsset } from "./use-share"

const NOT_A_WEB_LINK = "The backend answered a link that is not http or https; Relay does not insert or copy it."

const CLOSED = "The message box closed before the link could be inserted."

export const INSERT_HINT = "Open a reply or a new message to insert"

export interface AssetCardProps {
  asset: Asset
  reasons?: string[]
  contactId: string
  site: Site
  compose: ComposeTarget
  /** The id of the hint shown when there is nowhere to insert, for aria-describedby. */
  hintId?: string
  onStatus: (message: string) => void
}

type Busy = "insert" | "copy" | null

export function AssetCard({ asset, reasons = [], contactId, site, compose, hintId, onStatus }: AssetCardProps) {
  const titleId = useId()
  const share = useShareAsset()
  const [busy, setBusy] = useState<Busy>(null)
  const [manualUrl, setManualUrl] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  // One click, one share. The buttons are disabled while a share is in flight (and this ref covers the
  // moment before that renders); the second click of a double click (detail 2) is ignored as well,
  // because the worker often answers before it arrives.
  const inFlight = useRef(false)

  const run = async (kind: Exclude<Busy, null>) => {
    if (inFlight.current) return
    inFlight.current = true
    setBusy(kind)
    setError(null)
    setManualUrl(null)
    try {
      if (kind === "insert") {
        if (!compose.available) throw new Error(CLOSED)
        const { url } = await share.mutateAsync({ asset, contactId, channel: site })
        if (!isWebUrl(url)) throw new Error(NOT_A_WEB_LINK)
        // The shell writes it at the caret the rep left in the compose (the click here did not move it).
        if (!(await compose.insert({ url, text: asset.title }))) throw new Error(CLOSED)
        onStatus("Link inserted")
      } else {
        const { url } = await share.mutateAsync({ asset, contactId, channel: "copy" })
        if (!isWebUrl(url)) throw new Error(NOT_A_WEB_LINK)
        try {
          await navigator.clipboard.writeText(url)
          onStatus("Link copied")
        } catch {
          // No clipboard access (the page lost focus, a browser policy): let the rep copy it by hand.
          setManualUrl(url)
          onStatus("Couldn't copy automatically — copy the link below")
        }
      }
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      inFlight.current = false
      setBusy(null)
    }
  }

  const canInsert = compose.available
  return (
    <li>
      <article className="asset" aria-labelledby={titleId}>
        <div className="asset-head">
          <h4 id={titleId} className="asset-title">
            {asset.title}
          </h4>
          <span className="badge asset-kind">{kindLabel(asset.kind)}</span>
        </div>
        {asset.description && <p className="asset-preview">{asset.description}</p>}
        {reasons.length > 0 && (
          <ul className="asset-reasons" aria-label="Why it fits">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
        <div className="asset-actions">
          <button
            type="button"
            className="button button-small"
            disabled={!canInsert || busy !== null}
            aria-busy={busy === "insert" || undefined}
            aria-describedby={!canInsert ? hintId : undefined}
            title={!canInsert ? INSERT_HINT : undefined}
            onClick={(e) => e.detail < 2 && void run("insert")}
          >
            Insert
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy !== null}
            aria-busy={busy === "copy" || undefined}
            onClick={(e) => e.detail < 2 && void run("copy")}
          >
            Copy link
          </button>
        </div>
        {manualUrl && <ManualCopy url={manualUrl} />}
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
      </article>
    </li>
  )
}

/** The tracked link, selected in a read-only field, for when the clipboard is not available. */
function ManualCopy({ url }: { url: string }) {
  const id = useId()
  return (
    <div className="field asset-manual">
      <label htmlFor={id}>Tracked link (press Ctrl+C / ⌘C)</label>
      <input
        id={id}
        type="text"
        readOnly
        value={url}
        ref={(el) => {
          if (el && document.activeElement !== el) {
            el.focus()
            el.select()
          }
        }}
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  )
}

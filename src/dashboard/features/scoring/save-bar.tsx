import { count } from "../../format"
import type { useSaveSettings } from "./use-save-settings"
import type { useSettingsPreview } from "./use-settings-preview"

/**
 * Below the form: what the draft would do (the MQL preview, marked stale once the draft changes), whether it was
 * saved, and the discard / preview / save buttons.
 */
export function SaveBar({
  preview,
  save,
  dirty,
  current,
  discard,
  askPreview,
}: {
  preview: ReturnType<typeof useSettingsPreview>
  save: ReturnType<typeof useSaveSettings>
  dirty: boolean
  /** The preview shown was asked for this very draft. */
  current: boolean
  discard: () => void
  askPreview: () => void
}) {
  return (
    <div className="save-bar" aria-label="Save">
      <div className="save-bar-status" aria-live="polite">
        {preview.isPending ? (
          <span>Counting MQLs under these rules…</span>
        ) : preview.isError ? (
          <span className="error-text" role="alert">
            Preview failed: {preview.error.message}
          </span>
        ) : preview.data ? (
          <span className={current ? undefined : "stale"}>
            Under these rules{" "}
            <strong>
              {count(preview.data.proposed.mqls)} of {count(preview.data.contacts)} contacts
            </strong>{" "}
            would be MQLs (threshold {preview.data.proposed.mqlThreshold}), against <strong>{count(preview.data.current.mqls)}</strong> now;{" "}
            {count(preview.data.changedContacts)} would change sides.
            {preview.data.sampled && ` Estimated from ${count(preview.data.sampleSize)} contacts.`}
            {!current && " The rules changed since: preview again."}
          </span>
        ) : save.isSuccess && !dirty ? (
          <span className="good-text">Saved. Contacts are rescored under the new rules.</span>
        ) : save.isError ? (
          <span className="error-text" role="alert">
            Not saved: {save.error.message}
          </span>
        ) : dirty ? (
          <span>Unsaved changes. Preview them to see how many contacts would be MQLs.</span>
        ) : (
          <span className="muted">No changes.</span>
        )}
      </div>
      <div className="save-bar-actions">
        <button type="button" className="button subtle" disabled={!dirty || save.isPending} onClick={discard}>
          Discard changes
        </button>
        <button type="button" className="button" disabled={!dirty || preview.isPending} onClick={askPreview}>
          Preview MQLs
        </button>
        <button type="submit" className="button primary" disabled={!dirty || save.isPending}>
          {save.isPending ? "Saving…" : "Save and rescore"}
        </button>
      </div>
    </div>
  )
}

import { useDebounced } from "../../../sidebar/use-debounced"
import { Link } from "react-router-dom"
import { useThresholdStore } from "../../stores/threshold"
import { count, percent, rateWithInterval } from "../../format"
import { Panel } from "../../ui/panel"
import { ErrorBox } from "../../ui/states"
import { useThresholdPreview } from "./use-threshold-preview"

/** Moving the MQL threshold to T: how many MQLs the last 90 days would have made, and what acceptance history suggests. */
export function ThresholdPreviewPanel({ current }: { current: number }) {
  const draft = useThresholdStore((s) => s.draft)
  const setDraft = useThresholdStore((s) => s.setDraft)
  const proposed = draft ?? current
  // One request per pause, not one per slider step.
  const asked = useDebounced(proposed, 250)
  const preview = useThresholdPreview(asked)
  const p = preview.data
  const change = p ? p.proposed.mqls - p.current.mqls : 0

  return (
    <Panel
      title="Try another threshold"
      description="What the last 90 days would have looked like with a different MQL threshold. Nothing changes until you save it on the Scoring page."
      className="threshold-panel"
    >
      <div className="threshold-controls">
        <label className="field grow">
          <span>Proposed MQL threshold</span>
          <input type="range" min={1} max={100} value={proposed} onChange={(e) => setDraft(Number(e.target.value))} />
        </label>
        <label className="field compact">
          <span>Threshold</span>
          <input
            type="number"
            min={1}
            max={100}
            value={proposed}
            onChange={(e) => {
              const n = Number(e.target.value)
              if (Number.isInteger(n) && n >= 1 && n <= 100) setDraft(n)
            }}
          />
        </label>
        {draft !== null && draft !== current && (
          <button type="button" className="button subtle" onClick={() => setDraft(null)}>
            Back to current ({current})
          </button>
        )}
      </div>
      {preview.isError ? (
        <ErrorBox title="The preview could not be computed" error={preview.error} retry={() => void preview.refetch()} />
      ) : !p ? (
        <div className="skeleton-block row-shape" role="status" aria-label="Computing the preview" />
      ) : (
        <div className={preview.isPlaceholderData || asked !== proposed ? "threshold-result stale" : "threshold-result"} aria-live="polite">
          <dl className="stats compact">
            <div className="stat">
              <dt>
                MQLs in {p.periodDays} days at {p.current.threshold} (current)
              </dt>
              <dd>
                <span className="stat-value">{count(p.current.mqls)}</span>
              </dd>
            </div>
            <div className="stat stat-accent">
              <dt>Estimated MQLs at {p.proposed.threshold}</dt>
              <dd>
                <span className="stat-value">{count(p.proposed.mqls)}</span>
                <span className="stat-hint">
                  {change === 0 ? "same as now" : `${change > 0 ? "+" : ""}${count(change)} against now`}
                  {/* Why the estimate at the current threshold can differ from the MQLs made: leads at T today that never crossed. */}
                  {p.proposed.notYetMqls > 0 &&
                    ` · includes ${count(p.proposed.notYetMqls)} ${p.proposed.notYetMqls === 1 ? "lead" : "leads"} at ${p.proposed.threshold} or more now that ${p.proposed.notYetMqls === 1 ? "is not an MQL" : "are not MQLs"}`}
                </span>
              </dd>
            </div>
            <div className="stat">
              <dt>Expected acceptance</dt>
              <dd>
                <span className="stat-value">{percent(p.proposed.expectedAcceptance.rate)}</span>
                <span className="stat-hint">
                  {p.proposed.expectedAcceptance.n === 0
                    ? "no decided leads at this score yet"
                    : `95% interval ${rateWithInterval(p.proposed.expectedAcceptance).replace(/^[^(]*\(|\)$/g, "")}, from ${count(p.proposed.expectedAcceptance.n)} decided leads`}
                </span>
              </dd>
            </div>
            <div className="stat">
              <dt>Expected accepted</dt>
              <dd>
                <span className="stat-value">{p.proposed.expectedAccepted === null ? "–" : count(Math.round(p.proposed.expectedAccepted))}</span>
                <span className="stat-hint">of {count(p.proposed.mqls)} MQLs</span>
              </dd>
            </div>
          </dl>
          <p className="muted small">
            Counted over the last {p.periodDays} days, whatever the period above. To apply a threshold, change it on the <Link to="/scoring">Scoring</Link>{" "}
            page.
          </p>
        </div>
      )}
    </Panel>
  )
}

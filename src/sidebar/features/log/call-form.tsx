// "Log call": outcome (connected unless the rep picks another), duration and notes, then one
// "Save call". Opens with focus on the outcome, so the shortcut then Enter logs a connected call.
import { useEffect, useId, useRef, useState, type FormEvent } from "react"
import { callOutcomes } from "../../../shared/contracts/activities"
import { outcomeLabels, parseMinutes, type CallFields, type CallOutcome } from "./activity"
import { formKeys, ignoreRepeatClick } from "./form-keys"

export function CallForm({ busy, onSave, onCancel }: { busy: boolean; onSave: (f: CallFields) => void; onCancel: () => void }) {
  const legendId = useId()
  const durationId = useId()
  const notesId = useId()
  const errorId = useId()
  const [outcome, setOutcome] = useState<CallOutcome>("connected")
  const [minutes, setMinutes] = useState("")
  const [notes, setNotes] = useState("")
  const [error, setError] = useState<string | null>(null)
  const checked = useRef<HTMLInputElement>(null)
  useEffect(() => checked.current?.focus(), [])

  const save = () => {
    const m = parseMinutes(minutes)
    if (m === null) return setError("Enter the duration in minutes, from 0 to 1440.")
    setError(null)
    onSave({ outcome, minutes: m, notes })
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save()
  }

  return (
    <form className="log-form" aria-label="Log a call" noValidate onSubmit={submit} onKeyDown={formKeys(save, onCancel)}>
      <fieldset className="choices" role="radiogroup" aria-labelledby={legendId}>
        <legend id={legendId}>Outcome</legend>
        {callOutcomes.map((o) => (
          <label key={o} className="choice">
            <input
              ref={o === outcome ? checked : undefined}
              type="radio"
              name="outcome"
              value={o}
              checked={o === outcome}
              onChange={() => setOutcome(o)}
            />
            {outcomeLabels[o]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={durationId}>Duration (minutes)</label>
        <input
          id={durationId}
          type="number"
          inputMode="numeric"
          min={0}
          max={1440}
          value={minutes}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      {error && <p id={errorId} role="alert" className="field-error">{error}</p>}
      <div className="field">
        <label htmlFor={notesId}>Notes</label>
        <textarea id={notesId} rows={3} maxLength={10_000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy} onClick={ignoreRepeatClick}>Save call</button>
        <button type="button" className="button button-secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  )
}

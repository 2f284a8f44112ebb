// What a call and a meeting share: a duration in minutes and notes (with their validation), and the
// save/cancel row.
import { useId, useState } from "react"
import { parseMinutes } from "./activity"
import { ignoreRepeatClick } from "./form-keys"

/** The duration and notes state, and `read()` that validates them (null while the duration is wrong). */
export function useTimedFields(initialMinutes: string) {
  const [minutes, setMinutes] = useState(initialMinutes)
  const [notes, setNotes] = useState("")
  const [error, setError] = useState<string | null>(null)
  const read = () => {
    const m = parseMinutes(minutes)
    setError(m === null ? "Enter the duration in minutes, from 0 to 1440." : null)
    return m === null ? null : { minutes: m, notes }
  }
  return { minutes, setMinutes, notes, setNotes, error, read }
}

export function TimedFields({ fields }: { fields: ReturnType<typeof useTimedFields> }) {
  const durationId = useId()
  const notesId = useId()
  const errorId = useId()
  const { minutes, setMinutes, notes, setNotes, error } = fields
  return (
    <>
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
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor={notesId}>Notes</label>
        <textarea id={notesId} rows={3} maxLength={10_000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
    </>
  )
}

export function FormActions({ saveLabel, busy, onCancel }: { saveLabel: string; busy: boolean; onCancel: () => void }) {
  return (
    <div className="actions">
      <button type="submit" className="button" disabled={busy} onClick={ignoreRepeatClick}>
        {saveLabel}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  )
}

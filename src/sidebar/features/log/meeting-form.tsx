// "Log meeting": title, duration and notes, then "Save meeting".
import { useEffect, useId, useRef, useState, type FormEvent } from "react"
import { parseMinutes, type MeetingFields } from "./activity"
import { formKeys, ignoreRepeatClick } from "./form-keys"

export function MeetingForm({ busy, onSave, onCancel }: { busy: boolean; onSave: (f: MeetingFields) => void; onCancel: () => void }) {
  const titleId = useId()
  const durationId = useId()
  const notesId = useId()
  const errorId = useId()
  const [title, setTitle] = useState("")
  const [minutes, setMinutes] = useState("30")
  const [notes, setNotes] = useState("")
  const [error, setError] = useState<string | null>(null)
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => first.current?.focus(), [])

  const save = () => {
    const m = parseMinutes(minutes)
    if (m === null) return setError("Enter the duration in minutes, from 0 to 1440.")
    setError(null)
    onSave({ title, minutes: m, notes })
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save()
  }

  return (
    <form className="log-form" aria-label="Log a meeting" noValidate onSubmit={submit} onKeyDown={formKeys(save, onCancel)}>
      <div className="field">
        <label htmlFor={titleId}>Title</label>
        <input id={titleId} ref={first} type="text" maxLength={300} placeholder="Meeting" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
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
        <button type="submit" className="button" disabled={busy} onClick={ignoreRepeatClick}>Save meeting</button>
        <button type="button" className="button button-secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  )
}

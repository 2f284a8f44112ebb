// "Add note": one text area, then "Save note" (or Ctrl/⌘+Enter).
import { useEffect, useId, useRef, useState, type FormEvent } from "react"
import { formKeys } from "./form-keys"
import { FormActions } from "./timed-fields"

export function NoteForm({ busy, onSave, onCancel }: { busy: boolean; onSave: (text: string) => void; onCancel: () => void }) {
  const noteId = useId()
  const errorId = useId()
  const [text, setText] = useState("")
  const [error, setError] = useState<string | null>(null)
  const first = useRef<HTMLTextAreaElement>(null)
  useEffect(() => first.current?.focus(), [])

  const save = () => {
    if (!text.trim()) return setError("Write the note first.")
    setError(null)
    onSave(text)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save()
  }

  return (
    <form className="log-form" aria-label="Add a note" noValidate onSubmit={submit} onKeyDown={formKeys(save, onCancel)}>
      <div className="field">
        <label htmlFor={noteId}>Note</label>
        <textarea
          id={noteId}
          ref={first}
          rows={4}
          maxLength={10_000}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      )}
      <FormActions saveLabel="Save note" busy={busy} onCancel={onCancel} />
    </form>
  )
}

// "Log meeting": title, duration and notes, then "Save meeting".
import { useEffect, useId, useRef, useState, type FormEvent } from "react"
import type { MeetingFields } from "./activity"
import { formKeys } from "./form-keys"
import { FormActions, TimedFields, useTimedFields } from "./timed-fields"

export function MeetingForm({ busy, onSave, onCancel }: { busy: boolean; onSave: (f: MeetingFields) => void; onCancel: () => void }) {
  const titleId = useId()
  const [title, setTitle] = useState("")
  const fields = useTimedFields("30")
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => first.current?.focus(), [])

  const save = () => {
    const timed = fields.read()
    if (timed) onSave({ title, ...timed })
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
      <TimedFields fields={fields} />
      <FormActions saveLabel="Save meeting" busy={busy} onCancel={onCancel} />
    </form>
  )
}

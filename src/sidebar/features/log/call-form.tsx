// "Log call": outcome (connected unless the rep picks another), duration and notes, then one
// "Save call". Opens with focus on the outcome, so the shortcut then Enter logs a connected call.
import { useEffect, useId, useRef, useState, type FormEvent } from "react"
import { callOutcomes } from "../../../shared/vocabulary"
import { outcomeLabels, type CallOutcome } from "../../../shared/activity-words"
import type { CallFields } from "./activity"
import { formKeys } from "./form-keys"
import { FormActions, TimedFields, useTimedFields } from "./timed-fields"

export function CallForm({ busy, onSave, onCancel }: { busy: boolean; onSave: (f: CallFields) => void; onCancel: () => void }) {
  const legendId = useId()
  const [outcome, setOutcome] = useState<CallOutcome>("connected")
  const fields = useTimedFields("")
  const checked = useRef<HTMLInputElement>(null)
  useEffect(() => checked.current?.focus(), [])

  const save = () => {
    const timed = fields.read()
    if (timed) onSave({ outcome, ...timed })
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
            <input ref={o === outcome ? checked : undefined} type="radio" name="outcome" value={o} checked={o === outcome} onChange={() => setOutcome(o)} />
            {outcomeLabels[o]}
          </label>
        ))}
      </fieldset>
      <TimedFields fields={fields} />
      <FormActions saveLabel="Save call" busy={busy} onCancel={onCancel} />
    </form>
  )
}

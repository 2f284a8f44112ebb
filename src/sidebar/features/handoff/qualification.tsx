// BANT — budget, authority, need, timeline — as the rep qualifies the lead. Saved through the
// outbox; blank fields are cleared on the backend.
import { useId, useRef, useState, type FormEvent } from "react"
import type { Contact } from "../../../shared/contracts/contacts"
import type { Bant } from "../../../shared/contracts/handoff"
import { errorMessage } from "../../errors"
import { SyncState } from "../../shared/sync-state"
import { latestState, useOutboxStatus } from "../../shared/use-outbox-status"
import { useSaveBant } from "./use-bant"

const fields = [
  { key: "budget", label: "Budget", hint: "e.g. approved for Q3" },
  { key: "authority", label: "Authority", hint: "who signs" },
  { key: "need", label: "Need", hint: "the problem to solve" },
  { key: "timeline", label: "Timeline", hint: "when they want to decide" },
] as const

type BantKey = (typeof fields)[number]["key"]

export function Qualification({ contact }: { contact: Pick<Contact, "id" | "bant"> }) {
  const headingId = useId()
  const baseId = useId()
  const save = useSaveBant(contact.id)
  const outbox = useOutboxStatus()
  const [values, setValues] = useState<Record<BantKey, string>>(() => ({
    budget: contact.bant.budget ?? "",
    authority: contact.bant.authority ?? "",
    need: contact.bant.need ?? "",
    timeline: contact.bant.timeline ?? "",
  }))
  const [saved, setSaved] = useState(false)
  const busy = useRef(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy.current) return
    busy.current = true
    const bant: Bant = Object.fromEntries(fields.map((f) => [f.key, values[f.key].trim() || null]))
    try {
      await save.mutateAsync(bant)
      setSaved(true)
    } catch {
      // Shown from save.error below.
    } finally {
      busy.current = false
    }
  }

  const state = saved ? latestState(outbox.data, (i) => i.kind === "bant" && i.contactId === contact.id) : undefined
  return (
    <section className="card qualify" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        Qualification
      </h3>
      <form className="log-form" noValidate onSubmit={(e) => void submit(e)}>
        {fields.map((f) => (
          <div key={f.key} className="field">
            <label htmlFor={`${baseId}-${f.key}`}>{f.label}</label>
            <input
              id={`${baseId}-${f.key}`}
              type="text"
              maxLength={500}
              placeholder={f.hint}
              value={values[f.key]}
              onChange={(e) => {
                setValues((v) => ({ ...v, [f.key]: e.target.value }))
                setSaved(false)
              }}
            />
          </div>
        ))}
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            Save qualification
          </button>
          <span role="status" className="sync-slot">
            <SyncState state={state} />
          </span>
        </div>
        {save.isError && (
          <p role="alert" className="notice notice-error">
            Couldn't save: {errorMessage(save.error)}
          </p>
        )}
      </form>
    </section>
  )
}

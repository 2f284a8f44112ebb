// The MQL → SQL handoff: accept the lead, or send it back to marketing with a reason (and a note
// they can act on). Shown while the contact is an MQL, and after a decision until the rep moves on.
// What the decision led to is read from the contact's stage, which is the server's once it has the
// decision (use-handoff.ts), not worked out here.
import { useCallback, useId, useRef, useState, type FormEvent } from "react"
import type { Stage } from "../../../shared/contracts/common"
import type { Contact } from "../../../shared/contracts/contacts"
import type { HandoffInput } from "../../../shared/contracts/handoff"
import { stageNames } from "../../../shared/lifecycle"
import { rejectReasons } from "../../../shared/vocabulary"
import { errorMessage } from "../../errors"
import { SyncState } from "../../shared/sync-state"
import { itemState, useOutboxStatus, type ItemState } from "../../shared/use-outbox-status"
import { rejectReasonLabels, type RejectReason } from "./labels"
import { useHandoff, useServerStage } from "./use-handoff"

type Decided = { id: string; decision: "accept" } | { id: string; decision: "reject"; reason: RejectReason }

export function HandoffPanel({ contact }: { contact: Pick<Contact, "id" | "name" | "stage"> }) {
  const headingId = useId()
  const handoff = useHandoff(contact.id)
  const outbox = useOutboxStatus()
  const [decided, setDecided] = useState<Decided | null>(null)
  const [rejecting, setRejecting] = useState(false)
  const busy = useRef(false)
  const state = decided ? itemState(outbox.data, decided.id) : undefined
  const undecided = useCallback(() => setDecided(null), [])
  useServerStage(contact.id, state, outbox.data, undecided)

  const decide = async (input: HandoffInput & { id: string }) => {
    if (busy.current) return
    busy.current = true
    try {
      await handoff.mutateAsync(input)
      setDecided(input.decision === "accept" ? { id: input.id, decision: "accept" } : { id: input.id, decision: "reject", reason: input.reason })
      setRejecting(false)
    } catch {
      // Shown from handoff.error below; the rep can try again.
    } finally {
      busy.current = false
    }
  }

  if (!decided && contact.stage !== "mql") return null
  return (
    <section className="card handoff" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        Handoff
      </h3>
      {decided ? (
        <div className="handoff-done">
          <p role="status">{outcome(decided, state, contact)}</p>
          <SyncState state={state} saved="Synced" />
        </div>
      ) : (
        <>
          <p className="muted">Marketing passed this lead to sales. Accept it, or send it back with a reason.</p>
          {!rejecting && (
            <div className="actions">
              <button
                type="button"
                className="button"
                disabled={handoff.isPending}
                onClick={() => void decide({ id: crypto.randomUUID(), decision: "accept" })}
              >
                Accept
              </button>
              <button type="button" className="button button-secondary" disabled={handoff.isPending} onClick={() => setRejecting(true)}>
                Reject
              </button>
            </div>
          )}
          {rejecting && (
            <RejectForm
              busy={handoff.isPending}
              onCancel={() => setRejecting(false)}
              onSend={(reason, note) => void decide({ id: crypto.randomUUID(), decision: "reject", reason, ...(note ? { note } : {}) })}
            />
          )}
          {handoff.isError && (
            <p role="alert" className="notice notice-error">
              Couldn't send the decision: {errorMessage(handoff.error)}
            </p>
          )}
        </>
      )}
    </section>
  )
}

/** The decision and the stage it left the contact in; a refused decision left it as the server has it (the badge). */
function outcome(decided: Decided, state: ItemState | undefined, contact: Pick<Contact, "name" | "stage">) {
  const what = decided.decision === "accept" ? "Accepted" : `Rejected (${rejectReasonLabels[decided.reason]})`
  if (state === "failed") return `${what} — not recorded.`
  return `${what} — ${where(contact.stage, contact.name)}.`
}

const where = (stage: Stage, name: string) => (stage === "recycled" ? "recycled to marketing" : `${name} is now ${stageNames[stage]}`)

function RejectForm({ busy, onSend, onCancel }: { busy: boolean; onSend: (reason: RejectReason, note: string) => void; onCancel: () => void }) {
  const legendId = useId()
  const noteId = useId()
  const errorId = useId()
  const [reason, setReason] = useState<RejectReason | null>(null)
  const [note, setNote] = useState("")
  const [error, setError] = useState(false)
  const firstRadio = useRef<HTMLInputElement>(null)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!reason) {
      setError(true)
      firstRadio.current?.focus()
      return
    }
    onSend(reason, note.trim())
  }

  return (
    <form className="log-form" aria-label="Reject the lead" noValidate onSubmit={submit}>
      <fieldset
        className="choices"
        role="radiogroup"
        aria-labelledby={legendId}
        aria-invalid={error && !reason ? true : undefined}
        aria-describedby={error && !reason ? errorId : undefined}
      >
        <legend id={legendId}>Reason</legend>
        {rejectReasons.map((r, i) => (
          <label key={r} className="choice">
            <input ref={i === 0 ? firstRadio : undefined} type="radio" name="reject-reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
            {rejectReasonLabels[r]}
          </label>
        ))}
      </fieldset>
      {error && !reason && (
        <p id={errorId} role="alert" className="field-error">
          Choose a reason so marketing knows why.
        </p>
      )}
      <div className="field">
        <label htmlFor={noteId}>Note for marketing</label>
        <textarea id={noteId} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          Send rejection
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

// How good this lead was, for marketing: a 1–5 rating and why. Each send is one feedback record.
import { useId, useRef, useState, type FormEvent } from "react"
import type { Contact } from "../../../shared/contracts/contacts"
import { errorMessage } from "../../errors"
import { SyncState } from "../../shared/sync-state"
import { itemState, useOutboxStatus } from "../../shared/use-outbox-status"
import { useSendFeedback } from "./use-feedback"

const ratings = [1, 2, 3, 4, 5] as const

export function LeadQuality({ contact }: { contact: Pick<Contact, "id"> }) {
  const headingId = useId()
  const legendId = useId()
  const whyId = useId()
  const errorId = useId()
  const feedback = useSendFeedback(contact.id)
  const outbox = useOutboxStatus()
  const [rating, setRating] = useState<number | null>(null)
  const [reason, setReason] = useState("")
  const [missing, setMissing] = useState(false)
  const [sent, setSent] = useState<{ id: string; rating: number } | null>(null)
  const busy = useRef(false)
  const firstRadio = useRef<HTMLInputElement>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!rating) {
      setMissing(true)
      firstRadio.current?.focus()
      return
    }
    if (busy.current) return
    busy.current = true
    const id = crypto.randomUUID()
    const why = reason.trim()
    try {
      await feedback.mutateAsync({ id, rating, ...(why ? { reason: why } : {}) })
      setSent({ id, rating })
      setRating(null)
      setReason("")
    } catch {
      // Shown from feedback.error below.
    } finally {
      busy.current = false
    }
  }

  return (
    <section className="card lead-quality" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        Feedback for marketing
      </h3>
      <form className="log-form" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset
          className="rating"
          role="radiogroup"
          aria-labelledby={legendId}
          aria-invalid={missing && !rating ? true : undefined}
          aria-describedby={missing && !rating ? errorId : undefined}
        >
          <legend id={legendId}>Lead quality</legend>
          <div className="rating-options">
            {ratings.map((n) => (
              <label key={n} className={`rating-option${rating === n ? " rating-selected" : ""}`}>
                <input
                  ref={n === 1 ? firstRadio : undefined}
                  type="radio"
                  name="lead-quality"
                  value={n}
                  aria-label={`${n} of 5`}
                  checked={rating === n}
                  onChange={() => setRating(n)}
                />
                <span aria-hidden="true">{n}</span>
              </label>
            ))}
          </div>
          <p className="muted small">1 = not a real lead, 5 = exactly who we want.</p>
        </fieldset>
        {missing && !rating && (
          <p id={errorId} role="alert" className="field-error">
            Pick a rating from 1 to 5.
          </p>
        )}
        <div className="field">
          <label htmlFor={whyId}>Why?</label>
          <textarea id={whyId} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={feedback.isPending}>
            Send feedback
          </button>
          <span role="status" className="sync-slot">
            {sent && (
              <>
                Rated {sent.rating} of 5. <SyncState state={itemState(outbox.data, sent.id)} saved="Sent to marketing" />
              </>
            )}
          </span>
        </div>
        {feedback.isError && (
          <p role="alert" className="notice notice-error">
            Couldn't send: {errorMessage(feedback.error)}
          </p>
        )}
      </form>
    </section>
  )
}

// One-click logging for the contact on screen, above the tabs so it is always at hand. Each
// click makes one activity with a fresh id; the buttons are disabled while it is being handed to
// the worker, and the worker dedupes by id, so a double click logs once.
import { useCallback, useId, useRef, useState } from "react"
import type { ActivityInput, ActivityType } from "../../../shared/contracts/activities"
import type { Contact } from "../../../shared/contracts/contacts"
import { usePageContext, useTakeCommand } from "../../channel"
import { errorMessage } from "../../errors"
import { activityText, callActivity, emailActivity, linkedinActivity, meetingActivity, noteActivity } from "./activity"
import { CallForm } from "./call-form"
import { LogConfirmation } from "./log-confirmation"
import { MeetingForm } from "./meeting-form"
import { NoteForm } from "./note-form"
import { useLogActivity } from "./use-log-activity"

type FormKind = "call" | "meeting" | "note"

export function LogBar({ contact }: { contact: Pick<Contact, "id" | "name"> }) {
  const page = usePageContext()
  const log = useLogActivity()
  const includeId = useId()
  const hintId = useId()
  const [form, setForm] = useState<FormKind | null>(null)
  const [includeText, setIncludeText] = useState(false)
  const [done, setDone] = useState<ActivityInput | null>(null)
  const [failure, setFailure] = useState<{ activity: ActivityInput; message: string } | null>(null)
  // Set synchronously on click: a second click can land before React re-renders the disabled button.
  const busy = useRef(false)
  const openers = useRef<Partial<Record<FormKind, HTMLButtonElement | null>>>({})

  const stamp = () => ({ id: crypto.randomUUID(), contactId: contact.id, now: new Date() })

  const submit = async (activity: ActivityInput) => {
    if (busy.current) return
    busy.current = true
    setFailure(null)
    try {
      await log.mutateAsync(activity)
      setDone(activity)
      if (form && activity.type === form) {
        setForm(null)
        openers.current[form]?.focus()
      }
    } catch (e) {
      setFailure({ activity, message: errorMessage(e) })
    } finally {
      busy.current = false
    }
  }

  const toggleForm = (kind: FormKind) => setForm((open) => (open === kind ? null : kind))
  const closeForm = () => {
    if (form) openers.current[form]?.focus()
    setForm(null)
  }
  // The "log-call" shortcut (Alt+Shift+L): the call form, focused on the outcome, so Enter logs it.
  useTakeCommand("log-call", () => setForm("call"))
  const clearDone = useCallback(() => setDone(null), [])

  const pending = log.isPending
  // One-click buttons ignore the second click of a double click (`detail` 2), on top of the busy guard.
  const canInclude = !!page.snippet?.trim()
  const formButton = (kind: FormKind) => (
    <button
      type="button"
      className={`button button-secondary log-button${form === kind ? " log-button-open" : ""}`}
      aria-expanded={form === kind}
      disabled={pending}
      ref={(el) => void (openers.current[kind] = el)}
      onClick={() => toggleForm(kind)}
    >
      {activityText[kind].button}
    </button>
  )

  return (
    <section className="card log-bar" aria-label="Log activity">
      <div className="log-buttons">
        {formButton("call")}
        <button
          type="button"
          className="button button-secondary log-button"
          disabled={pending}
          onClick={(e) => e.detail < 2 && void submit(emailActivity(page, { ...stamp(), includeText }))}
        >
          {activityText.email.button}
        </button>
        <button
          type="button"
          className="button button-secondary log-button"
          disabled={pending}
          onClick={(e) => e.detail < 2 && void submit(linkedinActivity(page, { ...stamp(), includeText }))}
        >
          {activityText.linkedin_message.button}
        </button>
        {formButton("meeting")}
        {formButton("note")}
      </div>
      <div className="log-include">
        <input
          id={includeId}
          type="checkbox"
          checked={includeText && canInclude}
          disabled={!canInclude}
          aria-describedby={hintId}
          onChange={(e) => setIncludeText(e.target.checked)}
        />
        <label htmlFor={includeId}>Include the visible text</label>
        <span id={hintId} className="muted small">
          {canInclude ? "for emails and messages; off by default" : "nothing visible to include here"}
        </span>
      </div>

      {form === "call" && <CallForm busy={pending} onCancel={closeForm} onSave={(f) => void submit(callActivity(f, stamp()))} />}
      {form === "meeting" && <MeetingForm busy={pending} onCancel={closeForm} onSave={(f) => void submit(meetingActivity(f, stamp()))} />}
      {form === "note" && <NoteForm busy={pending} onCancel={closeForm} onSave={(t) => void submit(noteActivity(t, stamp()))} />}

      {failure && (
        <div role="alert" className="notice notice-error">
          <p>
            Couldn't log the {activityText[failure.activity.type as ActivityType].noun}: {failure.message}
          </p>
          {/* The same activity (same id) again: if the first try did reach the outbox, it is stored once. */}
          <button type="button" className="button" disabled={pending} onClick={() => void submit(failure.activity)}>
            Try again
          </button>
        </div>
      )}
      {done && <LogConfirmation key={done.id} activity={done} contactName={contact.name} onClose={clearDone} />}
    </section>
  )
}

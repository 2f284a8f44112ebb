// Under the sidebar's header: how many writes are waiting to sync, and every write the backend
// refused for good (a 4xx) with its reason and what the rep can do about it. Never hidden: a log
// that did not make it must not look as if it did.
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useId, useRef } from "react"
import type { OutboxItemView } from "../../../shared/messages"
import { errorMessage } from "../../errors"
import { reconcile } from "../../shared/contact-cache"
import { useOutboxDiscard } from "./use-outbox-discard"
import { useOutboxRetry } from "./use-outbox-retry"
import { useOutboxStatus } from "../../shared/use-outbox-status"

export function OutboxBar() {
  const client = useQueryClient()
  const status = useOutboxStatus()
  const headingId = useId()
  const seen = useRef<Map<string, string> | null>(null)

  useEffect(() => {
    const data = status.data
    if (!data) return
    // Writes the outbox held last time and no longer does were sent (or discarded): refetch their contacts.
    const now = new Map(data.items.map((i) => [i.id, i.contactId]))
    const gone = [...(seen.current ?? new Map<string, string>())].filter(([id]) => !now.has(id)).map(([, contactId]) => contactId)
    seen.current = now
    void reconcile(client, data, gone)
  }, [status.data, client])

  const pending = status.data?.pending ?? 0
  const failed = status.data?.failed ?? []
  if (pending === 0 && failed.length === 0) return null
  return (
    <div className="outbox-bar">
      {pending > 0 && (
        <p role="status" className="outbox-pending">
          <span className="outbox-dot" aria-hidden="true" />
          {pending} waiting to sync
        </p>
      )}
      {failed.length > 0 && (
        <section className="outbox-failed" aria-labelledby={headingId}>
          <h2 id={headingId} className="outbox-failed-title">
            {failed.length === 1 ? "1 item couldn't sync" : `${failed.length} items couldn't sync`}
          </h2>
          <ul className="outbox-failed-list">
            {failed.map((item) => (
              <FailedItem key={item.id} item={item} />
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

function FailedItem({ item }: { item: OutboxItemView }) {
  const summaryId = useId()
  const retry = useOutboxRetry()
  const discard = useOutboxDiscard()
  const busy = retry.isPending || discard.isPending
  const actionError = retry.error ?? discard.error
  return (
    <li className="outbox-failed-item" aria-labelledby={summaryId}>
      <p id={summaryId} className="outbox-summary">
        {item.summary}
      </p>
      <p className="outbox-reason">{item.error || "The server refused it."}</p>
      {actionError && (
        <p role="alert" className="outbox-reason">
          {errorMessage(actionError)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button-small" aria-describedby={summaryId} disabled={busy} onClick={() => retry.mutate(item.id)}>
          Retry
        </button>
        <button
          type="button"
          className="button button-small button-secondary"
          aria-describedby={summaryId}
          disabled={busy}
          onClick={() => discard.mutate({ id: item.id, kind: item.kind })}
        >
          Discard
        </button>
      </div>
    </li>
  )
}

import { useId, useState } from "react"
import type { ContactContext } from "../../../shared/contracts/contacts"
import { errorMessage } from "../../errors"
import { timelineTypeLabel } from "../../../shared/activity-words"
import { Timeline } from "./timeline"
import { useHistory } from "./use-history"

export function History({ context, now }: { context: ContactContext; now: Date }) {
  const headingId = useId()
  const filterId = useId()
  const [eventType, setEventType] = useState("")
  const firstPage = { items: context.events, nextCursor: context.nextCursor }
  const history = useHistory(context.contact.id, eventType || undefined, firstPage)
  const items = history.data?.pages.flatMap((p) => p.items) ?? []
  const types = Object.entries(context.counts.byType)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || timelineTypeLabel(a[0]).localeCompare(timelineTypeLabel(b[0])))

  return (
    <section className="card history" aria-labelledby={headingId}>
      <div className="history-head">
        <h3 id={headingId}>History</h3>
        <span className="muted small">
          {context.counts.marketing} marketing · {context.counts.sales} sales
        </span>
      </div>
      {types.length > 0 && (
        <div className="field">
          <label htmlFor={filterId}>Filter history</label>
          <select id={filterId} value={eventType} onChange={(e) => setEventType(e.target.value)}>
            <option value="">All activity</option>
            {types.map(([type, n]) => (
              <option key={type} value={type}>
                {timelineTypeLabel(type)} ({n})
              </option>
            ))}
          </select>
        </div>
      )}
      {history.isPending ? (
        <p className="muted" aria-busy="true">
          Loading history…
        </p>
      ) : history.isError && items.length === 0 ? (
        <div role="alert" className="notice notice-error">
          <p>Couldn't load the history: {errorMessage(history.error)}</p>
          <button type="button" className="button" onClick={() => void history.refetch()}>
            Try again
          </button>
        </div>
      ) : items.length === 0 ? (
        <p className="muted">No history yet.</p>
      ) : (
        <Timeline items={items} now={now} />
      )}
      {history.isFetchNextPageError && (
        <p role="alert" className="notice notice-error">
          Couldn't load more: {errorMessage(history.error)}
        </p>
      )}
      {history.hasNextPage && (
        <button type="button" className="button button-secondary load-more" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {history.isFetchingNextPage ? "Loading more…" : "Load more"}
        </button>
      )}
    </section>
  )
}

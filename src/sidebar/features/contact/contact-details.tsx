// Everything Relay knows about one contact: who, the score and why, the SLA clock, the history.
import type { ContactContext } from "../../../shared/contracts/contacts"
import { shortDateTime } from "../../format"
import { useNow } from "../../use-now"
import { History } from "../history/history"
import { ContactHeader } from "./contact-header"
import { ScoreCard } from "./score-card"
import { SlaStatus } from "./sla-status"

export interface Freshness {
  refreshing?: boolean
  offlineSince?: string
  refreshError?: string
  onRetry?: () => void
}

export function ContactDetails({ context, freshness = {} }: { context: ContactContext; freshness?: Freshness }) {
  const now = useNow()
  return (
    <div className="contact" aria-busy={freshness.refreshing || undefined}>
      {freshness.offlineSince && (
        <p role="status" className="notice notice-offline">
          Offline — showing saved data from {shortDateTime(new Date(freshness.offlineSince), now)}
        </p>
      )}
      {freshness.refreshError && (
        <div role="alert" className="notice notice-error">
          <p>Couldn't refresh from Relay: {freshness.refreshError}</p>
          {freshness.onRetry && (
            <button type="button" className="button" onClick={freshness.onRetry}>Try again</button>
          )}
        </div>
      )}
      <ContactHeader contact={context.contact} />
      <SlaStatus sla={context.sla} now={now} />
      <ScoreCard score={context.score} />
      <History context={context} now={now} />
    </div>
  )
}

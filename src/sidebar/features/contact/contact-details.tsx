// Everything Relay knows about one contact: who it is and the log buttons (always at hand), then
// tabs — the overview (the SLA clock and handoff, the score and why, the history) and qualification.
import type { ContactContext } from "../../../shared/contracts/contacts"
import { shortDateTime } from "../../format"
import { useNow } from "../../use-now"
import { LogBar } from "../log/log-bar"
import { ContactHeader } from "./contact-header"
import { ContactTabs } from "./tabs"

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
            <button type="button" className="button" onClick={freshness.onRetry}>
              Try again
            </button>
          )}
        </div>
      )}
      {/* Who it is comes first, so a log can never be made against the wrong person unseen. */}
      <ContactHeader contact={context.contact} />
      <LogBar contact={context.contact} />
      <ContactTabs context={context} now={now} />
    </div>
  )
}

// Everything Relay knows about one contact: who it is and the log buttons (always at hand), then
// tabs — the overview (the SLA clock and handoff, the score and why, the history) and qualification.
// A composition point outside features/: the layout hands it to the contact feature to render.
import type { ContactContext } from "../shared/contracts/contacts"
import { ContactTabs } from "./contact-tabs"
import { ContactHeader } from "./features/contact/contact-header"
import type { Freshness } from "./features/contact/contact-view"
import { LogBar } from "./features/log/log-bar"
import { shortDateTime } from "./format"
import { useNow } from "./use-now"

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

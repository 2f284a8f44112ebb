// One contact's view for each state of its query: loading, signed out, offline, errors, or the details.
import { ContactDetails } from "./contact-details"
import { ErrorState, Loading, SignedOut } from "./states"
import type { ContactView } from "./use-contact-context"

export function ViewFor({ view, retry }: { view: ContactView; retry: () => void }) {
  switch (view.kind) {
    case "loading":
      return <Loading />
    case "signed_out":
      return <SignedOut />
    case "offline":
      return <ErrorState title="You're offline" message="Relay has no saved copy of this contact yet." onRetry={retry} />
    case "not_found":
      return <ErrorState title="Contact not found" message="It may have been removed from Relay." onRetry={retry} />
    case "error":
      return (
        <ErrorState
          title={view.code === "forbidden" ? "You don't have access to this contact" : "Relay couldn't load this contact"}
          message={view.message}
          onRetry={retry}
        />
      )
    case "contact":
      return (
        <ContactDetails
          context={view.data}
          freshness={{ refreshing: view.refreshing, offlineSince: view.offlineSince, refreshError: view.refreshError, onRetry: retry }}
        />
      )
  }
}

// One contact's view for each state of its query: loading, signed out, offline, errors, or the details.
import type { ComponentType } from "react"
import type { ContactContext } from "../../../shared/contracts/contacts"
import { ErrorState, Loading, SignedOut } from "./states"
import type { ContactView } from "./use-contact-context"

/** How current the shown context is: refreshing, the saved copy while offline, or a failed refresh. */
export interface Freshness {
  refreshing?: boolean
  offlineSince?: string
  refreshError?: string
  onRetry?: () => void
}

/**
 * What renders a known contact. It puts several features together (log, history, handoff, content),
 * so it comes from the sidebar's composition point (src/sidebar/contact-details.tsx through the layout)
 * rather than being imported here: features do not import one another.
 */
export type DetailsView = ComponentType<{ context: ContactContext; freshness: Freshness }>

export function ViewFor({ view, retry, Details }: { view: ContactView; retry: () => void; Details: DetailsView }) {
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
        <Details
          context={view.data}
          freshness={{ refreshing: view.refreshing, offlineSince: view.offlineSince, refreshError: view.refreshError, onRetry: retry }}
        />
      )
  }
}

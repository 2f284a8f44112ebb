// What the sidebar shows for the selected person: their context, or the state that stands in for it.
import type { Person } from "../../../shared/page-context"
import type { PersonKey } from "../../../shared/messages"
import { personId, personKey, usePersonStore } from "../../stores/person"
import { ContactDetails } from "./contact-details"
import { ErrorState, Loading, SignedOut } from "./states"
import { UnknownPerson } from "./unknown-person"
import { useContact } from "./use-contact"
import { useContactContext, type ContactView } from "./use-contact-context"

export function ContactPanel({ person }: { person: Person }) {
  const key = personKey(person)
  const matched = usePersonStore((s) => s.matches[personId(person)])
  const match = usePersonStore((s) => s.match)
  if (matched) return <MatchedContact person={person} contactId={matched} />
  if (!key) return <UnknownPerson person={person} onPick={(id) => match(personId(person), id)} />
  return <DetectedContact person={person} personKey={key} />
}

function DetectedContact({ person, personKey }: { person: Person; personKey: PersonKey }) {
  const { view, retry } = useContactContext(personKey)
  const match = usePersonStore((s) => s.match)
  if (view.kind === "not_found") return <UnknownPerson person={person} onPick={(id) => match(personId(person), id)} />
  return <ViewFor view={view} retry={retry} />
}

function MatchedContact({ person, contactId }: { person: Person; contactId: string }) {
  const { view, retry } = useContact(contactId)
  const match = usePersonStore((s) => s.match)
  return (
    <>
      <p className="matched-note muted small">
        Matched by hand to {person.name || person.email || person.linkedin}.{" "}
        <button type="button" className="link" onClick={() => match(personId(person), null)}>
          Search again
        </button>
      </p>
      <ViewFor view={view} retry={retry} />
    </>
  )
}

function ViewFor({ view, retry }: { view: ContactView; retry: () => void }) {
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

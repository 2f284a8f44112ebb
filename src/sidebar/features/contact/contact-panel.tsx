// What the sidebar shows for the selected person: their context, or the state that stands in for it.
import { isNameOnly, type Person } from "../../../shared/page-context"
import type { PersonKey } from "../../../shared/messages"
import { personId, personKey, usePersonStore } from "../../stores/person"
import { ViewFor, type DetailsView } from "./contact-view"
import { NameGuess } from "./name-guess"
import { UnknownPerson } from "./unknown-person"
import { useContact } from "./use-contact"
import { useContactContext } from "./use-contact-context"

export function ContactPanel({ person, Details }: { person: Person; Details: DetailsView }) {
  const key = personKey(person)
  const matched = usePersonStore((s) => s.matches[personId(person)])
  const match = usePersonStore((s) => s.match)
  if (matched) return <MatchedContact person={person} contactId={matched} Details={Details} />
  // Only a display name on screen: search by it and show the best match, labelled as a guess.
  if (!key && isNameOnly(person)) return <NameGuess person={person} onPick={(id) => match(personId(person), id)} Details={Details} />
  if (!key) return <UnknownPerson person={person} onPick={(id) => match(personId(person), id)} />
  return <DetectedContact person={person} personKey={key} Details={Details} />
}

function DetectedContact({ person, personKey, Details }: { person: Person; personKey: PersonKey; Details: DetailsView }) {
  const { view, retry } = useContactContext(personKey)
  const match = usePersonStore((s) => s.match)
  if (view.kind === "not_found") return <UnknownPerson person={person} onPick={(id) => match(personId(person), id)} />
  return <ViewFor view={view} retry={retry} Details={Details} />
}

function MatchedContact({ person, contactId, Details }: { person: Person; contactId: string; Details: DetailsView }) {
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
      <ViewFor view={view} retry={retry} Details={Details} />
    </>
  )
}

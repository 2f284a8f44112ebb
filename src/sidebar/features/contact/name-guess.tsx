// Someone the page shows only by name (a collapsed Outlook card, a LinkedIn header without a link):
// Relay searches its contacts by that name and shows the best match, saying plainly that it is a guess
// and letting the rep pick another match, so nothing is logged against the wrong person unseen.
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import type { ContactSummary } from "../../../shared/contracts/contacts"
import type { Person } from "../../../shared/page-context"
import { errorCode, errorMessage } from "../../errors"
import { ContactSearch } from "./contact-search"
import { ViewFor, type DetailsView } from "./contact-view"
import { stageNames } from "../../../shared/lifecycle"
import { ErrorState, Loading, SignedOut } from "./states"
import { useContact } from "./use-contact"
import { searchOptions } from "./use-search"

export function NameGuess({ person, onPick, Details }: { person: Person; onPick: (contactId: string) => void; Details: DetailsView }) {
  const name = person.name ?? ""
  const search = useQuery(searchOptions(name))
  const [choosing, setChoosing] = useState(false)
  if (search.isPending) return <Loading />
  if (search.isError) {
    if (errorCode(search.error) === "signed_out") return <SignedOut />
    return <ErrorState title="Relay couldn't search for this name" message={errorMessage(search.error)} onRetry={() => void search.refetch()} />
  }
  const [best, ...others] = search.data.items
  if (!best || choosing)
    return <ChooseMatch name={name} candidates={best ? [best, ...others] : []} onPick={onPick} onCancel={best ? () => setChoosing(false) : undefined} />
  return (
    <>
      <p role="note" className="guess-note muted small">
        Best match for “{name}” — a guess from the name on screen.{" "}
        <button type="button" className="link" onClick={() => setChoosing(true)}>
          Pick another match
        </button>
      </p>
      <GuessedContact contactId={best.id} Details={Details} />
    </>
  )
}

function GuessedContact({ contactId, Details }: { contactId: string; Details: DetailsView }) {
  const { view, retry } = useContact(contactId)
  return <ViewFor view={view} retry={retry} Details={Details} />
}

function ChooseMatch({
  name,
  candidates,
  onPick,
  onCancel,
}: {
  name: string
  candidates: ContactSummary[]
  onPick: (contactId: string) => void
  onCancel?: () => void
}) {
  return (
    <div className="unknown">
      <section className="card" aria-labelledby="relay-name-guess">
        <h2 id="relay-name-guess" className="contact-name">
          {name}
        </h2>
        <p className="muted">Only a name is on screen, so Relay can only guess who this is.</p>
        {candidates.length === 0 ? (
          <p className="badge badge-muted">No contact named “{name}” in Relay</p>
        ) : (
          <ul className="results" aria-label={`Contacts named like “${name}”`}>
            {candidates.map((c) => (
              <li key={c.id}>
                <button type="button" className="result" onClick={() => onPick(c.id)}>
                  <span className="result-name">{c.name}</span>
                  <span className="result-meta">{[c.title, c.company, stageNames[c.stage]].filter(Boolean).join(" · ")}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {onCancel && (
          <button type="button" className="link" onClick={onCancel}>
            Back to the best match
          </button>
        )}
      </section>
      <section className="card">
        <ContactSearch onPick={(c) => onPick(c.id)} />
      </section>
    </div>
  )
}

// Someone on screen Relay has no record of: what was detected, and a search to match them by hand.
import type { Person } from "../../../shared/page-context"
import { ContactSearch } from "./contact-search"

export function UnknownPerson({ person, onPick }: { person: Person; onPick: (contactId: string) => void }) {
  return (
    <div className="unknown">
      <section className="card" aria-labelledby="relay-unknown">
        <h2 id="relay-unknown" className="contact-name">
          {person.name || person.email || person.linkedin}
        </h2>
        <dl className="detected">
          {person.email && (
            <>
              <dt>Email</dt>
              <dd>{person.email}</dd>
            </>
          )}
          {person.linkedin && (
            <>
              <dt>LinkedIn</dt>
              <dd>in/{person.linkedin}</dd>
            </>
          )}
          {person.headline && (
            <>
              <dt>Headline</dt>
              <dd>{person.headline}</dd>
            </>
          )}
          {person.company && (
            <>
              <dt>Company</dt>
              <dd>{person.company}</dd>
            </>
          )}
        </dl>
        <p className="badge badge-muted">Not in Relay yet</p>
      </section>
      <section className="card">
        <ContactSearch onPick={(c) => onPick(c.id)} />
      </section>
    </div>
  )
}

import type { Contact } from "../../../shared/contracts/contacts"
import { stageNames } from "../../../shared/lifecycle"

export function ContactHeader({ contact }: { contact: Contact }) {
  const role = [contact.title, contact.company].filter(Boolean).join(" · ")
  return (
    <section className="card contact-header" aria-label="Contact">
      <div className="contact-title-row">
        <h2 className="contact-name">{contact.name}</h2>
        <span className={`badge stage stage-${contact.stage}`} title="Lifecycle stage">
          {stageNames[contact.stage]}
        </span>
      </div>
      {role && <p className="contact-role">{role}</p>}
      <p className="muted">Owner: {contact.owner?.name ?? "Unassigned"}</p>
    </section>
  )
}

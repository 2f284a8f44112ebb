// The docked panel and its slim tab. Nothing renders while nobody is on screen unless the rep
// opened Relay on purpose (shortcut), so an inbox page stays untouched.
import { useEffect, useId } from "react"
import type { PageContext, Person } from "../shared/page-context"
import { useCommandShortcut, useOpenRequest, usePageContext, useToggleShortcut } from "./channel"
import { ContactDetails } from "./contact-details"
import { ContactPanel } from "./features/contact/contact-panel"
import { OutboxBar } from "./features/log/outbox-bar"
import { relayChannel } from "./relay-channel"
import { sidebarMode, useLayoutStore } from "./stores/layout"
import { defaultPerson, displayName, personId, usePersonStore } from "./stores/person"
import { reportLayout } from "./worker-link"

const roleLabels: Record<Person["role"], string> = {
  from: "From",
  to: "To",
  cc: "Cc",
  profile: "Profile",
  counterpart: "Conversation",
}

export function SidebarLayout() {
  const context = usePageContext()
  const { hydrated, collapsed, summoned, hydrate, setCollapsed, toggle, summon } = useLayoutStore()
  const hasPeople = context.people.length > 0
  const withPeople = sidebarMode({ hydrated, collapsed, summoned }, true)
  const withNobody = sidebarMode({ hydrated, collapsed, summoned }, false)
  const mode = hasPeople ? withPeople : withNobody
  const visible = mode === "open"

  useEffect(() => {
    const channel = relayChannel()
    const openRequested = channel.open
    channel.open = false
    void hydrate(openRequested)
  }, [hydrate])
  // The frame is as wide as what it shows, and the host page makes room for it so that it covers nothing (the
  // shell does both: src/sidebar/shell.ts): the panel's width when open, the slim tab's strip when collapsed; with
  // nothing shown, the frame takes no room and the page has its whole width back.
  // The worker keeps the plan and sizes the frame itself when the shell reports the next person (or nobody).
  // Nothing to say before the preference is read: the frame starts hidden.
  useEffect(() => {
    if (hydrated) reportLayout(mode, { people: withPeople, nobody: withNobody })
  }, [hydrated, mode, withPeople, withNobody])
  useOpenRequest(() => {
    relayChannel().open = false
    if (!visible) summon()
  })
  useToggleShortcut(() => toggle(visible))
  // A command (log a call) acts on the panel: open it if it is collapsed; the log bar takes the command.
  useCommandShortcut(() => {
    if (!visible) toggle(false)
  })

  if (!hydrated) return null
  if (!visible) {
    if (!hasPeople) return null
    return (
      <button type="button" className="relay-tab" aria-label="Open Relay" aria-expanded="false" onClick={() => setCollapsed(false)}>
        <span aria-hidden="true">R</span>
      </button>
    )
  }
  return (
    <aside className="relay-panel" aria-label="Relay">
      <header className="relay-header">
        <h1 className="relay-title">Relay</h1>
        {context.people.length > 1 && <PersonSwitcher context={context} />}
        <button type="button" className="icon-button" aria-label="Collapse Relay" aria-expanded="true" onClick={() => setCollapsed(true)}>
          <span aria-hidden="true">›</span>
        </button>
      </header>
      <OutboxBar />
      <main className="relay-body">
        <Body context={context} />
      </main>
    </aside>
  )
}

function useSelectedPerson(context: PageContext): Person | undefined {
  const selected = usePersonStore((s) => s.selected)
  return context.people.find((p) => personId(p) === selected) ?? defaultPerson(context.people)
}

function PersonSwitcher({ context }: { context: PageContext }) {
  const id = useId()
  const person = useSelectedPerson(context)
  const select = usePersonStore((s) => s.select)
  return (
    <div className="switcher">
      <label htmlFor={id} className="visually-hidden">
        Person
      </label>
      <select id={id} value={person ? personId(person) : ""} onChange={(e) => select(e.target.value)}>
        {context.people.map((p) => (
          <option key={personId(p)} value={personId(p)}>
            {displayName(p)} ({roleLabels[p.role]})
          </option>
        ))}
      </select>
    </div>
  )
}

function Body({ context }: { context: PageContext }) {
  const person = useSelectedPerson(context)
  if (!person) {
    return (
      <section className="card state">
        <h2>Nobody to show here</h2>
        <p className="muted">Open an email thread, a draft or a LinkedIn profile and Relay shows who it is.</p>
      </section>
    )
  }
  // Keyed by person so per-person UI state (history filter, search text) starts fresh.
  return <ContactPanel key={personId(person)} person={person} Details={ContactDetails} />
}

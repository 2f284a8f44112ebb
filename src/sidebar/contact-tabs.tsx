// The known-contact view's tabs. To add one (e.g. "Content"), add an entry to `contactTabs`:
// an id, its label and the component that renders its panel. A panel mounts the first time its
// tab is opened and then stays mounted (hidden), so a half-typed form survives a tab switch and
// a tab nobody opens costs nothing. One of the composition points outside features/ (with
// layout.tsx and contact-details.tsx): the only place that puts several features side by side.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react"
import type { ContactContext } from "../shared/contracts/contacts"
import { ScoreCard } from "./features/contact/score-card"
import { SlaStatus } from "./features/contact/sla-status"
import { ContentTab } from "./features/content/content-tab"
import { HandoffPanel } from "./features/handoff/handoff-panel"
import { LeadQuality } from "./features/handoff/lead-quality"
import { Qualification } from "./features/handoff/qualification"
import { History } from "./features/history/history"

export interface TabProps {
  context: ContactContext
  now: Date
}

export interface ContactTab {
  id: string
  label: string
  Panel: (props: TabProps) => ReactNode
}

function OverviewTab({ context, now }: TabProps) {
  return (
    <>
      <SlaStatus sla={context.sla} now={now} />
      <HandoffPanel contact={context.contact} />
      <ScoreCard score={context.score} />
      <History context={context} now={now} />
    </>
  )
}

function QualifyTab({ context }: TabProps) {
  return (
    <>
      <Qualification contact={context.contact} />
      <LeadQuality contact={context.contact} />
    </>
  )
}

export const contactTabs: ContactTab[] = [
  { id: "overview", label: "Overview", Panel: OverviewTab },
  { id: "qualify", label: "Qualify", Panel: QualifyTab },
  { id: "content", label: "Content", Panel: ContentTab },
]

export function ContactTabs({ context, now, tabs = contactTabs }: TabProps & { tabs?: ContactTab[] }) {
  const baseId = useId()
  const [selected, setSelected] = useState(tabs[0]?.id)
  const [opened, setOpened] = useState(() => new Set(selected ? [selected] : []))
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({})

  const select = (id: string, focus = false) => {
    setSelected(id)
    setOpened((o) => (o.has(id) ? o : new Set(o).add(id)))
    if (focus) buttons.current[id]?.focus()
  }

  // Arrow keys move between tabs, Home/End jump (WAI-ARIA tabs pattern, automatic activation).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => t.id === selected)
    const next =
      e.key === "ArrowRight"
        ? (at + 1) % tabs.length
        : e.key === "ArrowLeft"
          ? (at - 1 + tabs.length) % tabs.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? tabs.length - 1
              : -1
    if (next < 0) return
    e.preventDefault()
    select(tabs[next].id, true)
  }

  const tabId = (id: string) => `${baseId}-tab-${id}`
  const panelId = (id: string) => `${baseId}-panel-${id}`
  return (
    <>
      <div role="tablist" aria-label="Contact sections" className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => void (buttons.current[t.id] = el)}
            type="button"
            role="tab"
            id={tabId(t.id)}
            className="tab"
            aria-selected={t.id === selected}
            aria-controls={panelId(t.id)}
            tabIndex={t.id === selected ? 0 : -1}
            onClick={() => select(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) =>
        opened.has(t.id) ? (
          <div key={t.id} role="tabpanel" id={panelId(t.id)} aria-labelledby={tabId(t.id)} className="tab-panel" hidden={t.id !== selected}>
            <t.Panel context={context} now={now} />
          </div>
        ) : null,
      )}
    </>
  )
}

// The history, newest first and grouped by day; marketing and sales told apart by label and colour.
import { useId } from "react"
import { clockTime, dayLabel } from "../../format"
import type { ShownItem, SyncMark } from "../../shared/contact-cache"
import { timelineTypeLabel } from "../../../shared/activity-words"
import { typeIcon } from "./event-types"

export interface DayGroup {
  label: string
  items: ShownItem[]
}

/** Newest first, duplicates (pages can overlap) dropped, grouped by local calendar day. */
export function groupByDay(items: ShownItem[], now: Date): DayGroup[] {
  const seen = new Set<string>()
  const sorted = items.filter((i) => !seen.has(i.id) && seen.add(i.id)).sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))
  const groups: DayGroup[] = []
  for (const item of sorted) {
    const label = dayLabel(new Date(item.occurredAt), now)
    const last = groups[groups.length - 1]
    if (last?.label === label) last.items.push(item)
    else groups.push({ label, items: [item] })
  }
  return groups
}

const sideLabel = { marketing: "Marketing", sales: "Sales" } as const
/** The badge on the rep's own log until the backend has it. */
const syncLabel: Record<SyncMark, string> = { pending: "waiting to sync", failed: "not synced" }

export function Timeline({ items, now }: { items: ShownItem[]; now: Date }) {
  return (
    <div className="timeline">
      {groupByDay(items, now).map((group) => (
        <DayGroupView key={group.label} group={group} />
      ))}
    </div>
  )
}

function DayGroupView({ group }: { group: DayGroup }) {
  const id = useId()
  return (
    <section className="day" aria-labelledby={id}>
      <h4 id={id} className="day-label">
        {group.label}
      </h4>
      <ol className="items">
        {group.items.map((item) => (
          <li key={item.id} className={`item item-${item.side}`}>
            <span className="item-icon" aria-hidden="true" title={timelineTypeLabel(item.type)}>
              {typeIcon(item.type)}
            </span>
            <div className="item-body">
              <div className="item-title">{item.title}</div>
              {item.detail && <div className="item-detail">{item.detail}</div>}
              <div className="item-meta">
                <span className={`side side-${item.side}`}>{sideLabel[item.side]}</span>
                <span>{timelineTypeLabel(item.type)}</span>
                <time dateTime={item.occurredAt}>{clockTime(new Date(item.occurredAt))}</time>
                {/* A rep did a sales activity; a marketing event came through a system (Marketo, HubSpot…). */}
                {item.by && (
                  <span>
                    {item.side === "marketing" ? "via" : "by"} {item.by}
                  </span>
                )}
                {item.sync && <span className={`sync sync-${item.sync}`}>{syncLabel[item.sync]}</span>}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}

import { eventTypes } from "../../../shared/contracts/events"
import type { Settings } from "../../../shared/contracts/settings"
import { humanize } from "../../format"
import { Panel } from "../../ui/panel"
import { NumberInput } from "./number-input"

export type EventType = (typeof eventTypes)[number]

/** Points per marketing event type and the most one type can earn in a day; empty points ignore the type. */
export function EngagementTable({
  events,
  setEvent,
}: {
  events: Settings["scoring"]["events"]
  setEvent: (type: EventType, field: "points" | "dailyCap", v: number | undefined) => void
}) {
  return (
    <Panel title="Engagement" description="Points per marketing event, and the most one type can earn in a day. Leave points empty to ignore an event.">
      <table className="data-table compact-table events-table">
        <caption className="visually-hidden">Points per marketing event</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col" className="num">
              Points
            </th>
            <th scope="col" className="num">
              Daily cap
            </th>
          </tr>
        </thead>
        <tbody>
          {eventTypes.map((t) => (
            <tr key={t}>
              <th scope="row">{humanize(t)}</th>
              <td className="num">
                <NumberInput
                  label={`${humanize(t)} points`}
                  hideLabel
                  value={events[t]?.points}
                  min={-100}
                  max={100}
                  onChange={(n) => setEvent(t, "points", n)}
                />
              </td>
              <td className="num">
                <NumberInput
                  label={`${humanize(t)} daily cap`}
                  hideLabel
                  value={events[t]?.dailyCap}
                  min={0}
                  max={1000}
                  onChange={(n) => setEvent(t, "dailyCap", n)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  )
}

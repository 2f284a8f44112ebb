// The follow-up clock for an MQL (the handoff SLA both teams agreed on).
import type { Sla } from "../../../shared/contracts/contacts"
import { ago } from "../../../shared/scoring"
import { duration } from "../../format"

export function SlaStatus({ sla, now }: { sla: Sla; now: Date }) {
  if (!sla.mqlAt || !sla.dueAt || (sla.state !== "pending" && sla.state !== "overdue")) return null
  const due = new Date(sla.dueAt)
  if (sla.state === "overdue" || due <= now) {
    return (
      <p role="status" className="sla sla-overdue">
        Follow-up overdue by {duration(now.getTime() - due.getTime())}
      </p>
    )
  }
  return (
    <p role="status" className="sla sla-pending">
      MQL {ago(new Date(sla.mqlAt), now)}, follow up within {sla.hours} h<span className="sla-left"> ({duration(due.getTime() - now.getTime())} left)</span>
    </p>
  )
}

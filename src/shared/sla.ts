import type { Sla } from "./contracts/contacts"

/** Sales follows up an MQL within `hours`; the clock starts when the lead became an MQL. */
export function slaState(stage: string, mqlAt: Date | null, hours: number, now: Date): Sla {
  if (!mqlAt) return { state: "none", mqlAt: null, dueAt: null, hours }
  const due = new Date(mqlAt.getTime() + hours * 3_600_000)
  const state = stage === "mql" ? (now > due ? "overdue" : "pending") : ["sql", "opportunity", "customer"].includes(stage) ? "met" : "none"
  return { state, mqlAt: mqlAt.toISOString(), dueAt: due.toISOString(), hours }
}

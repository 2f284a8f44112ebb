// The lifecycle's rules, pure: which stage each event leads to and which moves are allowed. The server is the
// only one that applies them and records every change (src/server/lifecycle/); the sidebar reads
// decisionStage only to show a decision at once, until the server's answer replaces it.
import type { Stage } from "./contracts/common"

export type Decision = "accept" | "reject"

/** What sales' decision on an MQL leads to: accepted, the lead is sales' (the SLA is met); rejected, it goes back to marketing. */
export const decisionStage = { accept: "sql", reject: "recycled" } as const satisfies Record<Decision, Stage>

/** Only an MQL waits for sales' decision. */
export const decidable = (from: string) => from === "mql"

/** The stages a score can lift to MQL: the ones marketing still nurtures. A contact sales has (or had) stays where it is. */
export const promotable: readonly string[] = ["subscriber", "lead", "recycled"] satisfies Stage[]

/** A contact crosses to MQL when its score rises from under the threshold to at least it, from a stage marketing nurtures. */
export function crossesToMql(c: { stage: string; before: number; after: number }, threshold: number) {
  return promotable.includes(c.stage) && c.before < threshold && c.after >= threshold
}

/** The stages as people read them (the sidebar's badge and handoff panel). */
export const stageNames: Record<Stage, string> = {
  subscriber: "Subscriber",
  lead: "Lead",
  mql: "MQL",
  sql: "SQL",
  opportunity: "Opportunity",
  customer: "Customer",
  recycled: "Recycled",
  disqualified: "Disqualified",
}

/** Mid-sentence: "made for the MQL stage", "made for the lead stage". */
export function stageInSentence(stage: string): string {
  const name = (stageNames as Record<string, string>)[stage]
  if (!name) return stage
  return name === name.toUpperCase() ? name : name.toLowerCase()
}

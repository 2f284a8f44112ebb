import type { Stage } from "../../../shared/contracts/common"

export const stageLabels: Record<Stage, string> = {
  subscriber: "Subscriber",
  lead: "Lead",
  mql: "MQL",
  sql: "SQL",
  opportunity: "Opportunity",
  customer: "Customer",
  recycled: "Recycled",
  disqualified: "Disqualified",
}

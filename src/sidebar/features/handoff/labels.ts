import type { rejectReasons } from "../../../shared/vocabulary"

export type RejectReason = (typeof rejectReasons)[number]

export const rejectReasonLabels: Record<RejectReason, string> = {
  not_a_fit: "Not a fit",
  no_budget: "No budget",
  wrong_person: "Wrong person",
  already_customer: "Already a customer",
  duplicate: "Duplicate",
  other: "Other",
}

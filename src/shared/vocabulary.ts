// Fixed word lists the sidebar needs at run time. Kept apart from the zod contracts (which build
// their enums from these) so the sidebar bundle does not carry zod for a few constants.
export const callOutcomes = ["connected", "left_voicemail", "no_answer", "wrong_number"] as const
export const rejectReasons = ["not_a_fit", "no_budget", "wrong_person", "already_customer", "duplicate", "other"] as const

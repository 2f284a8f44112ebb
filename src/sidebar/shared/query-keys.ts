// The react-query keys of what several features show and patch: a contact's context (the worker's
// saved copy, the live lookup, a contact picked by hand) and its history pages.
import type { PersonKey } from "../../shared/messages"

export const contactKeys = {
  all: ["contact"] as const,
  cached: (person: PersonKey) => ["contact", "cached", person] as const,
  lookup: (person: PersonKey) => ["contact", "lookup", person] as const,
  byId: (id: string) => ["contact", "id", id] as const,
}

export const historyKeys = {
  /** Every history list of one contact, or of every contact. */
  of: (contactId?: string) => (contactId ? ["history", contactId] : ["history"]),
  /** One list: its type filter ("all" for none) and the first page it was seeded with. */
  list: (contactId: string, eventType: string, seed: string) => ["history", contactId, eventType, seed] as const,
}

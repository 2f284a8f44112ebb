// Which detected person the sidebar shows, and which Relay contact the rep matched an unknown person to.
import { create } from "zustand"
import { personKey } from "../../shared/sidebar-protocol"
import type { Person, PersonRole } from "../../shared/page-context"

interface PersonState {
  /** personId() of the person the rep picked in the switcher; null follows the default. */
  selected: string | null
  /** Unknown person → the contact the rep chose from search, for this session. */
  matches: Record<string, string>
  select: (id: string | null) => void
  match: (personId: string, contactId: string | null) => void
}

export const usePersonStore = create<PersonState>()((set) => ({
  selected: null,
  matches: {},
  select: (selected) => set({ selected }),
  match: (personId, contactId) =>
    set((s) => {
      const matches = { ...s.matches }
      if (contactId) matches[personId] = contactId
      else delete matches[personId]
      return { matches }
    }),
}))

export const personId = (p: Person): string => (p.email ? `email:${p.email}` : p.linkedin ? `in:${p.linkedin}` : `name:${(p.name ?? "").toLowerCase()}`)

export { personKey }

const rank: Record<PersonRole, number> = { profile: 0, counterpart: 0, from: 1, to: 2, cc: 3 }

/** The most relevant person: the profile or counterpart, else the sender, else the first To, then Cc. */
export function defaultPerson(people: Person[]): Person | undefined {
  let best: Person | undefined
  for (const p of people) if (!best || rank[p.role] < rank[best.role]) best = p
  return best
}

export function displayName(p: Person): string {
  return p.name || p.email || (p.linkedin ? `in/${p.linkedin}` : "Unknown")
}

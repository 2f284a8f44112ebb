// Reads: the cached context at once, then the network. The sidebar renders the cached copy and
// keeps it when `lookup` answers "offline".
import { ApiError, personQuery } from "../api-client"
import type { ContactContext } from "../../shared/contracts/contacts"
import type { Cached, PersonKey } from "../../shared/messages"
import { cachedByKey, forgetKey, putContact, type RelayDb } from "../db"
import type { Handlers } from "./context"

/** The worker's saved context of a person, if any (the sidebar shows it while `lookup` asks the backend). */
export async function readCachedContext(db: RelayDb, person: PersonKey): Promise<Cached<ContactContext> | null> {
  const hit = await cachedByKey(db, personQuery(person).key)
  return hit ? { data: hit.context, cachedAt: hit.cachedAt } : null
}

export const lookupHandlers: Pick<Handlers, "lookup.cached" | "lookup" | "contact.get" | "events.page" | "search"> = {
  "lookup.cached": async (req, _s, { db }) => {
    return readCachedContext(db, req.person)
  },
  lookup: async (req, _s, { db, api }) => {
    const { key } = personQuery(req.person)
    try {
      const ctx = await api.lookup(req.person)
      await putContact(db, ctx, key)
      return ctx
    } catch (e) {
      if (e instanceof ApiError && e.code === "not_found") await forgetKey(db, key)
      throw e
    }
  },
  "contact.get": async (req, _s, { db, api }) => {
    const ctx = await api.contact(req.id)
    await putContact(db, ctx, null)
    return ctx
  },
  "events.page": (req, _s, { api }) => api.events(req.contactId, { before: req.before, type: req.eventType }),
  search: (req, _s, { api }) => api.search(req.q),
}

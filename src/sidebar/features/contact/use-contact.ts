// One contact by id (`contact.get`): the contact the rep chose from search for an unknown person.
import { queryOptions, useQuery } from "@tanstack/react-query"
import { send } from "../../../shared/send"
import { contactKeys } from "../../shared/query-keys"
import { contactView } from "./use-contact-context"

export const fetchContact = (id: string) => send({ type: "contact.get", id })

export const contactOptions = (id: string) => queryOptions({ queryKey: contactKeys.byId(id), queryFn: () => fetchContact(id), staleTime: 60_000 })

export function useContact(id: string) {
  const live = useQuery(contactOptions(id))
  return { view: contactView(live), retry: () => void live.refetch() }
}

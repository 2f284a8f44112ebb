import { route } from "../http"
import { ContactContext, ContactIdParams, EventsPage, EventsQuery, LookupQuery, SearchQuery, SearchResult } from "../../shared/contracts/contacts"
import { Bant } from "../../shared/contracts/handoff"
import * as service from "./service"

export const contactRoutes = [
  route({
    method: "GET",
    url: "/api/v1/contacts",
    tag: "contacts",
    summary: "Search contacts by name, email or company",
    query: SearchQuery,
    response: SearchResult,
    handler: ({ db, principal, query }) => service.search(db, principal, query.q, query.limit),
  }),
  route({
    method: "GET",
    url: "/api/v1/contacts/lookup",
    tag: "contacts",
    summary: "The whole sidebar context for one person, by email or LinkedIn profile; 404 when unknown",
    query: LookupQuery,
    response: ContactContext,
    handler: ({ db, principal, query }) => service.lookup(db, principal, query),
  }),
  route({
    method: "GET",
    url: "/api/v1/contacts/:id",
    tag: "contacts",
    summary: "The sidebar context for a contact id",
    params: ContactIdParams,
    response: ContactContext,
    handler: ({ db, principal, params }) => service.getContext(db, principal, params.id),
  }),
  route({
    method: "GET",
    url: "/api/v1/contacts/:id/events",
    tag: "contacts",
    summary: "History, newest first, marketing and sales together, paged",
    params: ContactIdParams,
    query: EventsQuery,
    response: EventsPage,
    handler: ({ db, principal, params, query }) => service.events(db, principal, params.id, query),
  }),
  route({
    method: "PATCH",
    url: "/api/v1/contacts/:id/bant",
    tag: "contacts",
    summary: "Update the BANT qualification fields",
    params: ContactIdParams,
    body: Bant.strict(),
    response: ContactContext,
    handler: ({ db, principal, params, body }) => service.updateBant(db, principal, params.id, body),
  }),
]

import { route } from "../http"
import { ContactIdParams } from "../../shared/contracts/contacts"
import { HandoffInput, HandoffResult, LeadFeedbackInput, LeadFeedbackResult } from "../../shared/contracts/handoff"
import * as service from "./service"

export const handoffRoutes = [
  route({
    method: "POST",
    url: "/api/v1/contacts/:id/handoff",
    tag: "handoff",
    summary: "Accept an MQL (→ sql) or reject it with a reason (→ recycled)",
    params: ContactIdParams,
    body: HandoffInput,
    response: HandoffResult,
    handler: ({ db, principal, params, body }) => service.decide(db, principal, params.id, body),
  }),
  route({
    method: "POST",
    url: "/api/v1/contacts/:id/feedback",
    tag: "handoff",
    summary: "Rate the lead's quality, 1 to 5, with a reason",
    params: ContactIdParams,
    body: LeadFeedbackInput,
    response: LeadFeedbackResult,
    status: 201,
    handler: ({ db, principal, params, body }) => service.leadFeedback(db, principal, params.id, body),
  }),
]

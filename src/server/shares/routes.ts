import { config } from "../config"
import { route } from "../http"
import { AssetFeedback, AssetFeedbackInput, Share, ShareInput, ShareList, ShareListQuery } from "../../shared/contracts/assets"
import * as service from "./service"

/**
 * Where tracked links point: PUBLIC_URL, else this server's own address. Never the request's Host header:
 * whoever sends the request chooses it, and a link a rep pastes into an email must not lead elsewhere.
 */
export function publicBase(env: Record<string, string | undefined> = process.env): string {
  return config(env).publicUrl
}

export const shareRoutes = [
  route({
    method: "POST",
    url: "/api/v1/shares",
    tag: "content",
    summary:
      "Record that a rep shared an asset with a contact and get its tracked link; idempotent on the client-made id (201 first, 200 on a repeat, 409 if the content differs); the client may bring its own link `code`, made of 16 random bytes (a code that is not random enough is a 400; one another share of this organization uses is a 409)",
    body: ShareInput,
    response: Share,
    status: 201,
    handler: async ({ db, principal, body, reply }) => {
      const r = await service.share(db, principal, body, publicBase())
      reply.status(r.created ? 201 : 200)
      return reply.send(r.share)
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/shares",
    tag: "content",
    summary: "The shares of one contact, newest first, with the asset's title, who shared it and whether the caller already said if it helped",
    query: ShareListQuery,
    response: ShareList,
    handler: ({ db, principal, query }) => service.listForContact(db, principal, query, publicBase()),
  }),
  route({
    method: "POST",
    url: "/api/v1/asset-feedback",
    tag: "content",
    summary:
      "Say whether a shared asset helped with this contact, with an optional note; only after sharing it with them (else 409); idempotent on the optional client id",
    body: AssetFeedbackInput,
    response: AssetFeedback,
    status: 201,
    handler: async ({ db, principal, body, reply }) => {
      const r = await service.feedback(db, principal, body)
      reply.status(r.created ? 201 : 200)
      return reply.send(r.feedback)
    },
  }),
]

import { route } from "../http"
import { toMe } from "../auth/service"
import { Health, Me } from "../../shared/contracts/me"

export const version = "0.1.0"

export const meRoutes = [
  route({
    method: "GET",
    url: "/api/v1/health",
    tag: "meta",
    summary: "Liveness; no token needed",
    auth: false,
    response: Health,
    handler: async () => ({ ok: true as const, version }),
  }),
  route({
    method: "GET",
    url: "/api/v1/me",
    tag: "meta",
    summary: "Who this token belongs to",
    response: Me,
    handler: async ({ principal }) => toMe(principal),
  }),
]

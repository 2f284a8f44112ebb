import type { FastifyInstance } from "fastify"
import type { Db } from "../db/client"
import { openLink } from "./service"

/**
 * GET /r/:code — the tracked link a rep pastes into an email or message. No token: the contact clicks it.
 * Not a route() spec because it answers a redirect, not JSON. HEAD gets the same redirect (link checkers
 * must see a working link) but is recorded as flagged.
 */
export function linkRoutes(app: FastifyInstance, db: Db) {
  app.route({
    method: ["GET", "HEAD"],
    url: "/r/:code",
    exposeHeadRoute: false,
    handler: async (req, reply) => {
      const { code } = req.params as { code: string }
      const { url } = await openLink(db, code, { method: req.method, userAgent: req.headers["user-agent"] })
      return reply
        .header("cache-control", "no-store")
        .header("referrer-policy", "no-referrer")
        .redirect(url, 302)
    },
  })
}

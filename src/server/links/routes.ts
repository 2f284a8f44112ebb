import type { FastifyInstance, FastifyRequest } from "fastify"
import type { Db } from "../db/client"
import { config } from "../config"
import { openLink } from "./service"
import { clientNetwork } from "./visitor"

/**
 * GET /r/:code — the tracked link a rep pastes into an email or message. No token: the contact clicks it.
 * Not a route() spec because it answers a redirect, not JSON. HEAD gets the same redirect (link checkers
 * must see a working link) but is recorded as flagged.
 */
export function linkRoutes(app: FastifyInstance, db: Db) {
  // Per client address (an IPv6 client per /64), counted apart from the API's limits: a person opens a link
  // a few times, a script that opens it hundreds of times a minute is refused before it reaches the database.
  // `purpose` names the shared counters in Redis (relay:rl:link:…) when REDIS_URL is set.
  const perAddress = {
    max: config().linkRateLimitPerMinute,
    timeWindow: 60_000,
    purpose: "link",
    keyGenerator: (r: FastifyRequest) => `ip:${clientNetwork(r.ip)}`,
  }
  app.route({
    method: ["GET", "HEAD"],
    url: "/r/:code",
    exposeHeadRoute: false,
    config: { rateLimit: app.hasDecorator("rateLimit") ? perAddress : false },
    handler: async (req, reply) => {
      const { code } = req.params as { code: string }
      const { url } = await openLink(db, code, { method: req.method, userAgent: req.headers["user-agent"], address: req.ip })
      return reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer").redirect(url, 302)
    },
  })
}

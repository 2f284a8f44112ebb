import type { FastifyInstance, FastifyRequest } from "fastify"
import * as z from "zod"
import { route } from "../http"
import { Unauthorized } from "../errors"
import { rateLimited } from "../auth/request"
import { toMe } from "../auth/service"
import { Me } from "../../shared/contracts/me"
import { SessionCreate, sessionCookie, sessionLifetimeMs, signInFailuresAllowed, signInWindowMs } from "../../shared/contracts/sessions"
import * as service from "./service"

type Limiter = ReturnType<FastifyInstance["createRateLimit"]>
const limiters = new WeakMap<FastifyInstance, Limiter>()

/**
 * Failed sign-ins per client address, kept in the rate-limit plugin's store (in memory, or Redis with REDIS_URL). Only failures count, so a
 * marketer signing in again and again is never locked out, while guessing tokens stops after a few tries.
 */
function failedSignIns(req: FastifyRequest): Limiter {
  let l = limiters.get(req.server)
  if (!l) {
    // `purpose` names the shared counters in Redis (relay:rl:sign-in:…) when REDIS_URL is set (src/server/ratelimit/redis.ts).
    const opts = { max: signInFailuresAllowed, timeWindow: signInWindowMs, keyGenerator: (r: FastifyRequest) => `ip:${r.ip}`, purpose: "sign-in" }
    l = req.server.createRateLimit(opts)
    limiters.set(req.server, l)
  }
  return l
}

export const sessionRoutes = [
  route({
    method: "POST",
    url: "/api/v1/sessions",
    tag: "meta",
    auth: false,
    status: 201,
    summary: "Dashboard sign-in: exchange an API token for an HttpOnly session cookie (relay_session); writes made with it need X-Relay-Request",
    body: SessionCreate,
    response: Me,
    handler: async ({ db, body, req, reply }) => {
      const limiter = failedSignIns(req)
      const seen = await limiter(req, { increment: false })
      if (!seen.isAllowed && seen.remaining === 0) throw rateLimited(seen.ttl)
      let signedIn: Awaited<ReturnType<typeof service.signIn>>
      try {
        signedIn = await service.signIn(db, body.token)
      } catch (err) {
        if (err instanceof Unauthorized) await limiter(req)
        throw err
      }
      reply.setCookie(sessionCookie, signedIn.secret, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: req.protocol === "https",
        maxAge: sessionLifetimeMs / 1000,
      })
      return toMe(signedIn.principal)
    },
  }),
  route({
    method: "DELETE",
    url: "/api/v1/sessions/current",
    tag: "meta",
    status: 204,
    summary: "Sign out: ends the session of the cookie this request carries and clears the cookie",
    response: z.undefined(),
    handler: async ({ db, principal, reply }) => {
      await service.signOut(db, principal)
      reply.clearCookie(sessionCookie, { path: "/" })
      return undefined
    },
  }),
]

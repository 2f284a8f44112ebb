import type { FastifyReply, FastifyRequest } from "fastify"
import type { Db } from "../db/client"
import { AppError, Forbidden, Unauthorized } from "../errors"
import { sessionCookie, writeHeader } from "../../shared/contracts/sessions"
import { sessionPrincipal } from "../sessions/service"
import { authenticate, type Principal } from "./service"

// Who is asking is settled in onRequest, before a body is read, in three steps: identify (never
// refuses), count the request against the caller's rate-limit budget, then refuse if need be. Refusing
// after counting is what makes a flood of made-up tokens from one address run into 429.

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal
    /** Why no principal could be found; thrown by requireAuth once the request has been counted. */
    authError?: AppError
  }
}

const writes = new Set(["POST", "PUT", "PATCH", "DELETE"])

/** A bearer header wins over the cookie: the extension sends one, the dashboard the other. */
export function identify(db: Db) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const header = req.headers.authorization
    const cookie = req.cookies?.[sessionCookie]
    try {
      if (header?.trim()) req.principal = await authenticate(db, header)
      else if (cookie) req.principal = await sessionPrincipal(db, cookie)
      else req.authError = new Unauthorized()
    } catch (err) {
      if (!(err instanceof AppError)) throw err
      req.authError = err
      // A cookie that no longer signs anyone in is of no use to the browser.
      if (!header?.trim() && cookie) reply.clearCookie(sessionCookie, { path: "/" })
    }
  }
}

export async function requireAuth(req: FastifyRequest) {
  const p = req.principal
  if (!p) throw req.authError ?? new Unauthorized()
  // The browser attaches the cookie to any request to us, even one a cross-site form makes; a custom
  // header it cannot add is what shows the dashboard made this one.
  if (p.via === "session" && writes.has(req.method) && !req.headers[writeHeader.toLowerCase()]) {
    throw new Forbidden(`the ${writeHeader} header is missing: a change made with the dashboard's session cookie must send "${writeHeader}: 1"`)
  }
}

/** Rate limits key on who is asking (a session counts as its API token), else the client address; never a header a client can vary. */
export function rateLimitKey(req: FastifyRequest): string {
  return req.principal ? `token:${req.principal.tokenId}` : `ip:${req.ip}`
}

/** Thrown as an AppError so the one error handler writes the usual body: {error: {code: "rate_limited", message}}. */
export function rateLimited(ttlMs: number) {
  return new AppError(429, "rate_limited", `too many requests; retry in ${Math.max(1, Math.ceil(ttlMs / 1000))} s`)
}

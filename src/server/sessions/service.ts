import { randomBytes } from "node:crypto"
import type { Db } from "../db/client"
import { Unauthorized } from "../errors"
import { type Principal, principalForToken } from "../auth/service"
import { hashToken } from "../auth/tokens"
import { sessionIdleMs, sessionLifetimeMs } from "../../shared/contracts/sessions"
import * as repo from "./repository"

export const sessionEnded = "your session has ended; sign in again"

/**
 * Exchanges an API token for a session. The cookie carries 32 random bytes; only their SHA-256 is kept,
 * as with tokens, so a database leak does not leak usable sessions.
 */
export async function signIn(db: Db, token: string): Promise<{ secret: string; principal: Principal }> {
  const p = await principalForToken(db, token)
  const secret = randomBytes(32).toString("base64url")
  await repo.deleteEndedSessions(db, p.orgId, p.userId, sessionIdleMs)
  const sessionId = await repo.insertSession(db, p, hashToken(secret), sessionLifetimeMs)
  return { secret, principal: { ...p, via: "session", sessionId } }
}

export async function sessionPrincipal(db: Db, secret: string): Promise<Principal> {
  const s = await repo.findLiveBySecretHash(db, hashToken(secret), sessionIdleMs)
  if (!s) throw new Unauthorized(sessionEnded)
  await repo.touchSession(db, s.orgId, s.sessionId)
  return { ...s, via: "session" }
}

/** Sign-out ends the session the request came with; a bearer request has none to end. */
export async function signOut(db: Db, p: Principal) {
  if (p.via === "session" && p.sessionId) await repo.revokeSession(db, p.orgId, p.sessionId)
}

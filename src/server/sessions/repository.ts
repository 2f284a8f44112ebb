import { randomUUID } from "node:crypto"
import { type Executor, one, rows, sql } from "../db/client"
import type { Principal } from "../auth/repository"

export async function insertSession(ex: Executor, p: { orgId: string; userId: string; tokenId: string }, secretHash: string, lifetimeMs: number) {
  const id = randomUUID()
  await ex.execute(sql`INSERT INTO sessions (org_id, id, user_id, token_id, secret_hash, expires_at)
    VALUES (${p.orgId}, ${id}, ${p.userId}, ${p.tokenId}, ${secretHash}, now() + ${lifetimeMs / 1000} * interval '1 second')`)
  return id
}

/**
 * Like a bearer token, a cookie arrives without its org: the hash alone finds it. Only a live session
 * answers: not revoked, within its lifetime, used within the idle timeout, and its API token not revoked
 * (revoking a token ends the sessions signed in with it).
 */
export async function findLiveBySecretHash(ex: Executor, hash: string, idleMs: number): Promise<(Principal & { sessionId: string }) | undefined> {
  return one<Principal & { sessionId: string }>(
    ex,
    sql`
    SELECT s.org_id AS "orgId", o.name AS "orgName", u.id AS "userId", u.email, u.name, u.role, s.token_id AS "tokenId", s.id AS "sessionId"
    FROM sessions s
    JOIN api_tokens t ON t.org_id = s.org_id AND t.id = s.token_id
    JOIN users u ON u.org_id = s.org_id AND u.id = s.user_id
    JOIN orgs o ON o.id = s.org_id
    WHERE s.secret_hash = ${hash} AND s.revoked_at IS NULL AND t.revoked_at IS NULL
      -- A session lives no longer than the token it was made from.
      AND (t.expires_at IS NULL OR t.expires_at > now())
      AND s.expires_at > now() AND s.last_seen_at > now() - ${idleMs / 1000} * interval '1 second'`,
  )
}

/** Slides the idle timeout; to the minute is enough, and spares a write on every request. */
export async function touchSession(ex: Executor, orgId: string, id: string) {
  await ex.execute(sql`UPDATE sessions SET last_seen_at = now()
    WHERE org_id = ${orgId} AND id = ${id} AND last_seen_at < now() - interval '1 minute'`)
}

export async function revokeSession(ex: Executor, orgId: string, id: string) {
  const r = await rows<{ id: string }>(
    ex,
    sql`UPDATE sessions SET revoked_at = now()
    WHERE org_id = ${orgId} AND id = ${id} AND revoked_at IS NULL RETURNING id`,
  )
  return r.length > 0
}

/** A user's sessions that can no longer be used; dropped at their next sign-in so the table stays small. */
export async function deleteEndedSessions(ex: Executor, orgId: string, userId: string, idleMs: number) {
  await ex.execute(sql`DELETE FROM sessions s WHERE s.org_id = ${orgId} AND s.user_id = ${userId}
    AND (s.revoked_at IS NOT NULL OR s.expires_at <= now() OR s.last_seen_at <= now() - ${idleMs / 1000} * interval '1 second'
      OR EXISTS (SELECT 1 FROM api_tokens t WHERE t.org_id = s.org_id AND t.id = s.token_id AND t.revoked_at IS NOT NULL))`)
}

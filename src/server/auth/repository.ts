import { randomUUID } from "node:crypto"
import { type Executor, one, rows, sql } from "../db/client"
import type { Role } from "../../shared/contracts/common"
import type { Settings } from "../../shared/contracts/settings"

export interface Principal {
  orgId: string
  orgName: string
  userId: string
  email: string
  name: string
  role: Role
  tokenId: string
  /** How the request proved who it is: a bearer token (the extension) or a session cookie (the dashboard).
   * Absent for principals made in-process (the admin CLI, benchmarks). */
  via?: "token" | "session"
  /** The session behind a cookie-authenticated request. */
  sessionId?: string
}

/** Where token revocations are announced (payload: the token id), so every process drops its cached principal. */
export const tokenChannel = "relay_tokens"

/** The one lookup not scoped by org: a bearer token is how we learn the org. Expired tokens are found too, to say so. */
export async function findByTokenHash(ex: Executor, hash: string): Promise<(Principal & { expiresAt: string | Date | null }) | undefined> {
  return one<Principal & { expiresAt: string | Date | null }>(
    ex,
    sql`
    SELECT t.org_id AS "orgId", o.name AS "orgName", u.id AS "userId", u.email, u.name, u.role, t.id AS "tokenId", t.expires_at AS "expiresAt"
    FROM api_tokens t
    JOIN users u ON u.org_id = t.org_id AND u.id = t.user_id
    JOIN orgs o ON o.id = t.org_id
    WHERE t.token_hash = ${hash} AND t.revoked_at IS NULL`,
  )
}

export async function touchToken(ex: Executor, orgId: string, tokenId: string) {
  // Last-used to the minute is enough, and spares a write on every request.
  await ex.execute(sql`UPDATE api_tokens SET last_used_at = now()
    WHERE org_id = ${orgId} AND id = ${tokenId} AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`)
}

export async function insertOrg(ex: Executor, name: string, id: string = randomUUID()) {
  await ex.execute(sql`INSERT INTO orgs (id, name) VALUES (${id}, ${name})`)
  return id
}

/** The settings row every org has from its first moment (settings/repository.ts reads and updates it). */
export async function insertOrgSettings(ex: Executor, orgId: string, s: Settings) {
  await ex.execute(sql`INSERT INTO org_settings (org_id, mql_threshold, sla_hours, scoring)
    VALUES (${orgId}, ${s.mqlThreshold}, ${s.slaHours}, ${JSON.stringify(s.scoring)}::jsonb)`)
}

export async function findOrgByName(ex: Executor, name: string) {
  return one<{ id: string; name: string }>(ex, sql`SELECT id, name FROM orgs WHERE name = ${name}`)
}

export async function insertUser(ex: Executor, orgId: string, u: { email: string; name: string; role: Role }, id: string = randomUUID()) {
  await ex.execute(sql`INSERT INTO users (org_id, id, email, name, role) VALUES (${orgId}, ${id}, ${u.email.toLowerCase()}, ${u.name}, ${u.role})`)
  return id
}

export async function findUserByEmail(ex: Executor, orgId: string, email: string) {
  return one<{ id: string; email: string; name: string; role: Role }>(
    ex,
    sql`
    SELECT id, email, name, role FROM users WHERE org_id = ${orgId} AND email = ${email.toLowerCase()}`,
  )
}

/** Everyone in the org, by email (a contact import names owners by email). */
export async function listUsers(ex: Executor, orgId: string) {
  return rows<{ id: string; email: string }>(ex, sql`SELECT id, email FROM users WHERE org_id = ${orgId}`)
}

export async function insertToken(ex: Executor, orgId: string, userId: string, hash: string, name: string, expiresAt: Date | null = null) {
  const id = randomUUID()
  await ex.execute(sql`INSERT INTO api_tokens (org_id, id, user_id, token_hash, name, expires_at)
    VALUES (${orgId}, ${id}, ${userId}, ${hash}, ${name}, ${expiresAt?.toISOString() ?? null})`)
  return id
}

/** Revokes and tells every process at once (NOTIFY is delivered when the statement's transaction commits). */
export async function revokeToken(ex: Executor, orgId: string, tokenId: string) {
  const r = await rows<{ id: string }>(
    ex,
    sql`
    WITH r AS (UPDATE api_tokens SET revoked_at = now() WHERE org_id = ${orgId} AND id = ${tokenId} AND revoked_at IS NULL RETURNING id)
    SELECT id, pg_notify(${tokenChannel}, id::text) FROM r`,
  )
  return r.length > 0
}

export async function listTokens(ex: Executor, orgId: string) {
  return rows<{ id: string; name: string; email: string; createdAt: string; expiresAt: string | null; lastUsedAt: string | null; revokedAt: string | null }>(
    ex,
    sql`
    SELECT t.id, t.name, u.email, t.created_at AS "createdAt", t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt", t.revoked_at AS "revokedAt"
    FROM api_tokens t JOIN users u ON u.org_id = t.org_id AND u.id = t.user_id WHERE t.org_id = ${orgId} ORDER BY t.created_at`,
  )
}

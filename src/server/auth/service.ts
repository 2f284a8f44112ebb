import type { Db } from "../db/client"
import { sql } from "../db/client"
import { NotFound, Unauthorized, Forbidden } from "../errors"
import type { Role } from "../../shared/contracts/common"
import type { Me } from "../../shared/contracts/me"
import { defaultSettings } from "../../shared/default-settings"
import * as repo from "./repository"
import { hashToken, newToken } from "./tokens"

export type { Principal } from "./repository"

/** `Authorization: Bearer <token>`: the scheme in any case, whitespace around tolerated (RFC 9110 says schemes are case-insensitive). */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.match(/^\s*Bearer\s+(\S+)\s*$/i)?.[1]
}

export async function authenticate(db: Db, header: string | undefined): Promise<repo.Principal> {
  const token = bearerToken(header)
  if (!token) throw new Unauthorized()
  return principalForToken(db, token)
}

/** The user and org behind an API token (the bearer header, or the token given at dashboard sign-in). */
export async function principalForToken(db: Db, token: string): Promise<repo.Principal> {
  const principal = await repo.findByTokenHash(db, hashToken(token))
  if (!principal) throw new Unauthorized("this API token is not valid or has been revoked")
  await repo.touchToken(db, principal.orgId, principal.tokenId)
  return { ...principal, via: "token" }
}

/** Who is asking, as GET /api/v1/me and dashboard sign-in answer it. */
export function toMe(p: repo.Principal): Me {
  return { user: { id: p.userId, email: p.email, name: p.name, role: p.role }, org: { id: p.orgId, name: p.orgName } }
}

export function requireRole(p: repo.Principal, ...roles: Role[]) {
  if (!roles.includes(p.role)) throw new Forbidden(`only ${roles.join(" or ")} users may do this`)
}

export async function createOrg(db: Db, name: string, id?: string) {
  return db.transaction(async (tx) => {
    const orgId = await repo.insertOrg(tx, name, id)
    await tx.execute(sql`INSERT INTO org_settings (org_id, mql_threshold, sla_hours, scoring)
      VALUES (${orgId}, ${defaultSettings.mqlThreshold}, ${defaultSettings.slaHours}, ${JSON.stringify(defaultSettings.scoring)}::jsonb)`)
    return orgId
  })
}

export async function createUser(db: Db, orgId: string, u: { email: string; name: string; role: Role }, id?: string) {
  return repo.insertUser(db, orgId, u, id)
}

/** Returns the token once; only its hash is kept. */
export async function createToken(db: Db, orgId: string, email: string, name = "") {
  const user = await repo.findUserByEmail(db, orgId, email)
  if (!user) throw new NotFound("user")
  const token = newToken()
  const id = await repo.insertToken(db, orgId, user.id, hashToken(token), name)
  return { id, token }
}

export async function revokeToken(db: Db, orgId: string, tokenId: string) {
  if (!(await repo.revokeToken(db, orgId, tokenId))) throw new NotFound("active token")
}

export const findOrgByName = repo.findOrgByName
export const listTokens = repo.listTokens

import type { Db } from "../db/client"
import { NotFound, Unauthorized, Forbidden } from "../errors"
import type { Role } from "../../shared/contracts/common"
import type { Me } from "../../shared/contracts/me"
import { defaultSettings } from "../../shared/default-settings"
import { cacheFor, NotifyCache } from "./notify-cache"
import * as repo from "./repository"
import { hashToken, newToken } from "./tokens"
import { dayMs } from "../../shared/days"

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

type Found = NonNullable<Awaited<ReturnType<typeof repo.findByTokenHash>>>
/**
 * Token → principal, per process, for a few seconds: every request names its token, and reading it (with
 * its user and org) was a statement per request. A revocation evicts at once through NOTIFY in every
 * process; the lifetime bounds it if a notification is lost.
 */
export const principalTtlMs = 5_000
const principals = new WeakMap<object, NotifyCache<Found>>()
const principalCache = (db: Db) => cacheFor(principals, db, () => new NotifyCache<Found>(db, repo.tokenChannel, principalTtlMs))
/** Last-used is kept to the minute: this process writes it at most once a minute per token. */
const touched = new Map<string, number>()

/** The user and org behind an API token (the bearer header, or the token given at dashboard sign-in). */
export async function principalForToken(db: Db, token: string): Promise<repo.Principal> {
  const found = await principalCache(db).load(
    hashToken(token),
    (p) => p.tokenId,
    () => repo.findByTokenHash(db, hashToken(token)),
  )
  if (!found) throw new Unauthorized("this API token is not valid or has been revoked")
  const { expiresAt, ...principal } = found
  if (expiresAt && new Date(expiresAt).getTime() <= Date.now()) {
    throw new Unauthorized(`this API token expired on ${new Date(expiresAt).toISOString()}; ask an admin for a new one`)
  }
  const now = Date.now()
  if ((touched.get(principal.tokenId) ?? 0) <= now - 60_000) {
    if (touched.size > 100_000) touched.clear()
    touched.set(principal.tokenId, now)
    await repo.touchToken(db, principal.orgId, principal.tokenId)
  }
  return { ...principal, via: "token" }
}

/** Resolves once this process listens for revocations (tests revoke from another process only then). */
export const principalCacheReady = (db: Db) => principalCache(db).ready()

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
    // An org is born with the default rules; marketers tune them in the settings.
    await repo.insertOrgSettings(tx, orgId, defaultSettings)
    return orgId
  })
}

export async function createUser(db: Db, orgId: string, u: { email: string; name: string; role: Role }, id?: string) {
  return repo.insertUser(db, orgId, u, id)
}

/** Returns the token once; only its hash is kept. Without `expiresAt` it lives until revoked. */
export async function createToken(db: Db, orgId: string, email: string, name = "", expiresAt: Date | null = null) {
  const user = await repo.findUserByEmail(db, orgId, email)
  if (!user) throw new NotFound("user")
  const token = newToken()
  const id = await repo.insertToken(db, orgId, user.id, hashToken(token), name, expiresAt)
  return { id, token, expiresAt }
}

export async function revokeToken(db: Db, orgId: string, tokenId: string) {
  if (!(await repo.revokeToken(db, orgId, tokenId))) throw new NotFound("active token")
  // This process needs no round trip through the database to forget it.
  principals.get(db)?.evict(tokenId)
}

/**
 * A token lifetime as the CLI takes it: a number of days, hours or minutes ("30d", "12h", "90m"), or an ISO
 * date in the future. Returns the moment it ends.
 */
export function parseExpiry(text: string, now = new Date()): Date {
  const m = text.trim().match(/^(\d{1,5})\s*(d|h|m)$/i)
  if (m) {
    const n = Number(m[1])
    if (n < 1) throw new Error("a token lifetime must be at least 1 minute")
    const unit = { d: dayMs, h: 3_600_000, m: 60_000 }[m[2]!.toLowerCase() as "d" | "h" | "m"]
    return new Date(now.getTime() + n * unit)
  }
  const at = /^\d{4}-\d{2}-\d{2}/.test(text.trim()) ? new Date(text.trim()) : new Date(NaN)
  if (Number.isNaN(at.getTime())) throw new Error(`--expires must be a lifetime such as 30d, 12h or 90m, or a date such as 2027-06-30; got "${text}"`)
  if (at.getTime() <= now.getTime()) throw new Error(`--expires ${text} is in the past`)
  return at
}

export const findOrgByName = repo.findOrgByName
export const listTokens = repo.listTokens

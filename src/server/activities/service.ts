import type { Db } from "../db/client"
import { BadRequest, Conflict, NotFound } from "../errors"
import type { Principal } from "../auth/service"
import type { Activity, ActivityInput } from "../../shared/contracts/activities"
import { contentHash } from "../content-hash"
import { logBatched } from "./batch"
import * as repo from "./repository"

/** What makes two submissions "the same activity": every field the rep sent, in a fixed order. */
export function bodyHash(a: ActivityInput): string {
  return contentHash([
    a.id,
    a.contactId,
    a.type,
    new Date(a.occurredAt).toISOString(),
    a.outcome ?? null,
    a.direction ?? null,
    a.durationSeconds ?? null,
    a.subject ?? null,
    a.notes ?? null,
    [...(a.assetIds ?? [])].sort(),
  ])
}

/**
 * Idempotent on the client's id: a retry returns the first result and creates nothing; the same id
 * with different content is a conflict (a client bug we must not paper over).
 */
export async function logActivity(db: Db, p: Principal, a: ActivityInput): Promise<{ created: boolean; activity: Activity }> {
  const hash = bodyHash(a)
  const r = await logBatched(db, { orgId: p.orgId, userId: p.userId, a, bodyHash: hash })
  if (!r.contactExists) throw new NotFound("contact")
  // Another org's asset ids answer like unknown ones: which ids exist elsewhere is not this org's business.
  if (r.unknownAssetIds.length) {
    throw new BadRequest(
      `assetIds: no such asset in this organization: ${r.unknownAssetIds.join(", ")}`,
      r.unknownAssetIds.map((id) => ({ path: "assetIds", message: `no such asset in this organization: ${id}` })),
    )
  }
  // Written by a concurrent retry after this statement began: it is committed by now.
  const row = r.row ?? (await repo.findById(db, p.orgId, a.id).then((x) => (x ? { ...x, created: false } : undefined)))
  if (!row) throw new Conflict("this activity id is taken") // ids are per org; cannot happen, but never return a 500
  if (row.bodyHash !== hash) throw new Conflict("an activity with this id was already logged with different content")
  return { created: row.created, activity: toActivity(row) }
}

function toActivity(r: repo.ActivityRow): Activity {
  const opt = <T>(v: T | null | undefined) => (v === null || v === undefined ? undefined : v)
  return {
    id: r.id,
    contactId: r.contactId,
    userId: r.userId,
    type: r.type,
    occurredAt: new Date(r.occurredAt).toISOString(),
    outcome: opt(r.outcome),
    direction: opt(r.direction),
    durationSeconds: opt(r.durationSeconds),
    subject: opt(r.subject),
    notes: opt(r.notes),
    assetIds: r.assetIds?.length ? r.assetIds : undefined,
    createdAt: new Date(r.createdAt).toISOString(),
  }
}

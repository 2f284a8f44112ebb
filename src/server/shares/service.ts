import { randomBytes, randomUUID } from "node:crypto"
import type { Db } from "../db/client"
import { Conflict, NotFound } from "../errors"
import type { Principal } from "../auth/service"
import type { AssetFeedback, AssetFeedbackInput, Share, ShareInput, ShareList, ShareListQuery } from "../../shared/contracts/assets"
import * as contacts from "../contacts/repository"
import { contentHash } from "../content-hash"
import * as repo from "./repository"

/** What makes two submissions "the same share": every field the rep sent, in a fixed order. */
export function shareHash(s: ShareInput): string {
  return contentHash([s.id, s.assetId, s.contactId, s.channel, new Date(s.sharedAt).toISOString()])
}

/** 16 random bytes: the code is the only thing between a stranger and a contact's link, so it must not be guessable. */
export function newCode(): string {
  return randomBytes(16).toString("base64url")
}

/**
 * Records a share and returns its tracked link. Idempotent on the client's id, like activities: a retry
 * returns the first link; the same id with different content is a conflict.
 *
 * A client-made code is taken as is (the extension pasted the link before the share reached us). One that a
 * share of this org already uses is a 409. One that another org's share uses must not tell the caller so:
 * the share is recorded under a fresh code of ours and answers with the code asked for, exactly as for a
 * code nobody has (the asked code keeps leading to the other org's asset; only a copied or forged code
 * can get here, as a random one never collides).
 */
export async function share(db: Db, p: Principal, s: ShareInput, baseUrl: string, now = new Date()): Promise<{ created: boolean; share: Share }> {
  const hash = shareHash(s)
  let row = await repo.findById(db, p.orgId, s.id)
  let created = false
  if (!row) {
    if (!(await contacts.exists(db, p.orgId, s.contactId))) throw new NotFound("contact")
    const asset = await repo.assetState(db, p.orgId, s.assetId)
    if (!asset) throw new NotFound("asset")
    if (asset.archived) throw new Conflict("this asset is archived; marketing has withdrawn it")
    if (s.code && (await repo.codeUsedInOrg(db, p.orgId, s.code))) throw new Conflict("this link code is already used by another share")
    created = await repo.insertIfNew(db, p.orgId, p.userId, s, s.code ?? newCode(), hash, now)
    row = await repo.findById(db, p.orgId, s.id)
    // Not inserted and not there: the code belongs to another org's share (ids are per org, so that is the only way).
    if (!row && s.code) {
      created = await repo.insertIfNew(db, p.orgId, p.userId, s, newCode(), hash, now, s.code)
      row = await repo.findById(db, p.orgId, s.id)
    }
    if (!row) throw new Conflict("this share id is taken")
  }
  if (row.bodyHash !== hash) throw new Conflict("a share with this id was already recorded with different content")
  // The code is part of the content when the client chose it; a retry without one accepts the stored code.
  if (s.code && row.code !== s.code) throw new Conflict("a share with this id was already recorded with different content")
  return { created, share: toShare(row, baseUrl) }
}

const linkOf = (baseUrl: string, code: string) => `${baseUrl.replace(/\/+$/, "")}/r/${code}`

function toShare(row: { id: string; assetId: string; contactId: string; channel: string; sharedAt: string | Date; code: string }, baseUrl: string): Share {
  return {
    id: row.id,
    assetId: row.assetId,
    contactId: row.contactId,
    channel: row.channel as Share["channel"],
    sharedAt: new Date(row.sharedAt).toISOString(),
    code: row.code,
    url: linkOf(baseUrl, row.code),
  }
}

/** A contact's shares (whoever made them), newest first, with this rep's feedback so the sidebar can ask for it. */
export async function listForContact(db: Db, p: Principal, q: ShareListQuery, baseUrl: string): Promise<ShareList> {
  if (!(await contacts.exists(db, p.orgId, q.contactId))) throw new NotFound("contact")
  const list = await repo.listForContact(db, p.orgId, p.userId, q.contactId, q.limit)
  return {
    items: list.map((r) => ({
      ...toShare(r, baseUrl),
      assetTitle: r.assetTitle,
      assetKind: r.assetKind,
      sharedBy: r.sharedBy ?? "",
      byMe: r.byMe,
      myFeedback: r.helped === null || r.feedbackAt === null ? null : { helped: r.helped, at: new Date(r.feedbackAt).toISOString() },
    })),
  }
}

export function feedbackHash(f: AssetFeedbackInput): string {
  return contentHash([f.id ?? null, f.assetId, f.contactId, f.helped, f.note ?? null])
}

/**
 * "Helped / didn't help" is only worth something from a rep who used the asset with this person, so
 * it needs a share first. Idempotent on the optional client id.
 */
export async function feedback(db: Db, p: Principal, f: AssetFeedbackInput): Promise<{ created: boolean; feedback: AssetFeedback }> {
  const hash = feedbackHash(f)
  const id = f.id ?? randomUUID()
  let row = f.id ? await repo.findFeedback(db, p.orgId, f.id) : undefined
  let created = false
  if (!row) {
    if (!(await contacts.exists(db, p.orgId, f.contactId))) throw new NotFound("contact")
    if (!(await repo.assetState(db, p.orgId, f.assetId))) throw new NotFound("asset")
    if (!(await repo.hasShared(db, p.orgId, p.userId, f.assetId, f.contactId))) {
      throw new Conflict("you can rate an asset for a contact only after sharing it with them")
    }
    created = await repo.insertFeedbackIfNew(db, p.orgId, p.userId, id, f, hash)
    row = await repo.findFeedback(db, p.orgId, id)
    if (!row) throw new Conflict("this feedback id is taken")
  }
  if (row.bodyHash !== hash) throw new Conflict("feedback with this id was already recorded with different content")
  return {
    created,
    feedback: {
      id: row.id,
      assetId: row.assetId,
      contactId: row.contactId,
      helped: row.helped,
      ...(row.note ? { note: row.note } : {}),
      createdAt: new Date(row.createdAt).toISOString(),
    },
  }
}

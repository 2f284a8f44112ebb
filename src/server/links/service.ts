import type { Db } from "../db/client"
import { NotFound } from "../errors"
import { insertEvents } from "../events/repository"
import { getSettings } from "../settings/service"
import { applyEvents } from "../scores/service"
import { flagReason } from "./bots"
import * as repo from "./repository"

/** Codes are 16 random bytes in base64url (22 characters); anything else is not ours and never reaches the database. */
const codeShape = /^[A-Za-z0-9_-]{16,64}$/

export interface Hit { method: string; userAgent?: string }

/**
 * A click on a tracked link: always recorded, and — when it looks like the contact rather than a scanner —
 * an asset_view marketing event that moves their score at once. Returns where to send the browser.
 */
export async function openLink(db: Db, code: string, hit: Hit, now = new Date()): Promise<{ url: string; flagged: boolean }> {
  if (!codeShape.test(code)) throw new NotFound("link")
  return db.transaction(async (tx) => {
    const t = await repo.findByCode(tx, code)
    if (!t) throw new NotFound("link")
    const userAgent = hit.userAgent?.slice(0, 500) ?? null
    const reason = flagReason({ method: hit.method, userAgent: userAgent ?? undefined, sinceShareMs: now.getTime() - new Date(t.createdAt).getTime() }) ?? null
    const viewId = await repo.insertView(tx, t, { at: now, userAgent, method: hit.method, flagReason: reason })
    // A flagged view writes no marketing event at all: the timeline shows what the person did, not what a scanner did.
    if (reason === null) {
      const inserted = await insertEvents(tx, t.orgId, [{
        contactId: t.contactId, type: "asset_view", occurredAt: now.toISOString(), campaign: null, assetId: t.assetId,
        source: "relay-link", externalId: `view-${viewId}`, properties: JSON.stringify({ shareId: t.shareId, channel: t.channel }),
      }])
      const settings = await getSettings(tx, t.orgId)
      await applyEvents(tx, t.orgId, inserted.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) })), settings, now)
    }
    return { url: t.url, flagged: reason !== null }
  })
}

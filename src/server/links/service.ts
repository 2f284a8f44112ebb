import { type Db, retriedTransaction } from "../db/client"
import { AppError, NotFound } from "../errors"
import { insertEvents } from "../events/repository"
import { getSettings } from "../settings/service"
import { applyEvents } from "../scores/service"
import { flagReason } from "./bots"
import { visitorOf } from "./visitor"
import * as repo from "./repository"

/** Codes are 16 random bytes in base64url (22 characters); anything else is not ours and never reaches the database. */
const codeShape = /^[A-Za-z0-9_-]{16,64}$/

/**
 * Clicks of one visitor on one link within this long of their counted view are repeats: reloading the page,
 * opening it again from the message, or a script hammering it. Long enough to cover one reading of an asset.
 */
export const viewWindowMs = 30 * 60_000

export interface Hit {
  method: string
  userAgent?: string
  address: string
}

/**
 * Where a stored asset URL sends the browser, or undefined when it cannot be a Location header. Rows written
 * before URLs were normalised on the way in may still hold raw text (`https://例え.jp/パス`), so the URL is
 * normalised here too: the WHATWG form is plain ASCII, punycode hosts and percent-escaped paths.
 */
export function redirectTarget(stored: string): string | undefined {
  let u: URL
  try {
    u = new URL(stored)
  } catch {
    return undefined
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return undefined
  return /^[\x21-\x7e]+$/.test(u.href) ? u.href : undefined
}

/**
 * A click on a tracked link. Counted once per visitor (address and user agent, hashed) within viewWindowMs:
 * a first click is an asset_view row — and, when it looks like the contact rather than a scanner, a
 * marketing event that moves their score at once; later clicks in the window only add to that view's
 * repeats. Nothing is recorded when there is nowhere to send the browser. Returns the Location.
 */
export async function openLink(db: Db, code: string, hit: Hit, now = new Date()): Promise<{ url: string; flagged: boolean; repeat: boolean }> {
  if (!codeShape.test(code)) throw new NotFound("link")
  return retriedTransaction(db, async (tx) => {
    const t = await repo.findByCode(tx, code)
    if (!t) throw new NotFound("link")
    const url = redirectTarget(t.url)
    if (!url) throw new AppError(404, "not_found", "this link points to an address that is not a web page; ask whoever sent it for a new link")
    const userAgent = hit.userAgent?.slice(0, 500) ?? null
    const reason = flagReason({ method: hit.method, userAgent: userAgent ?? undefined, sinceShareMs: now.getTime() - new Date(t.createdAt).getTime() }) ?? null
    const visitor = visitorOf(code, hit.address, userAgent)
    // A person's click after a scanner's (or a flagged early one) from the same browser still counts as theirs.
    const seen = await repo.recentView(tx, t, visitor, reason !== null, new Date(now.getTime() - viewWindowMs))
    if (seen) {
      await repo.addRepeat(tx, t.orgId, seen.id, now)
      return { url, flagged: reason !== null, repeat: true }
    }
    const viewId = await repo.insertView(tx, t, { at: now, userAgent, method: hit.method, flagReason: reason, visitor })
    // A flagged view writes no marketing event at all: the timeline shows what the person did, not what a scanner did.
    if (reason === null) {
      const inserted = await insertEvents(tx, t.orgId, [
        {
          contactId: t.contactId,
          type: "asset_view",
          occurredAt: now.toISOString(),
          campaign: null,
          assetId: t.assetId,
          source: "relay-link",
          externalId: `view-${viewId}`,
          properties: JSON.stringify({ shareId: t.shareId, channel: t.channel }),
        },
      ])
      const settings = await getSettings(tx, t.orgId)
      await applyEvents(
        tx,
        t.orgId,
        inserted.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) })),
        settings,
        now,
      )
    }
    return { url, flagged: reason !== null, repeat: false }
  })
}

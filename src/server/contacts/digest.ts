import type { TimelineRow } from "./repository"
import type { ScoredEvent } from "../../shared/scoring"

// What a lookup keeps of a contact's marketing events (table contact_digests, built in contacts/repository.ts
// `buildDigest`), and how it becomes the sidebar's lists. Asset titles are not kept: they are looked up on every
// read, so a renamed asset shows its new title at once.

/**
 * A contact's newest events (one more than a timeline page) and the score's recent events (the counted ones since the
 * digest's `since`, at most 2,000), each once, in the timeline's order (occurred_at, id, newest first): one array per
 * field, which JSON.parse reads in half the time of one object per event (a lookup's largest cost in Node). The newest
 * come first; a recent event older than them has no id, campaign or source.
 */
export interface DigestEvents {
  id: (string | null)[]
  type: string[]
  /** Times as the API answers them (toISOString()). */
  at: string[]
  assetId: (string | null)[]
  /** The event's own title (properties.title), else its campaign: what shows when it names no asset. */
  fallback: (string | null)[]
  campaign: (string | null)[]
  source: (string | null)[]
  /** One of the score's recent events. */
  recent: boolean[]
}

export interface Digest {
  events: DigestEvents
  counts: { type: string; n: number }[]
}

/** A digest stored in this shape (one kept by an older version is built again). */
export const current = (d: unknown): d is Digest => typeof d === "object" && d !== null && "events" in d

const label = (e: DigestEvents, i: number, titles: Record<string, string>) => {
  const asset = e.assetId[i]
  return (asset ? titles[asset] : undefined) ?? e.fallback[i] ?? null
}

/** The score's reasons' events, as the scoring reads them (each time parsed once, here), from `since` on. */
export function recentEvents(d: Digest, titles: Record<string, string>, since: Date): ScoredEvent[] {
  const e = d.events
  const from = since.getTime()
  const out: ScoredEvent[] = []
  for (let i = 0; i < e.type.length; i++) {
    if (!e.recent[i]) continue
    const at = Date.parse(e.at[i]!)
    if (at >= from) out.push({ type: e.type[i]!, occurredAt: new Date(at), label: label(e, i, titles) })
  }
  return out
}

/**
 * The first timeline page (`limit` + 1 rows, one more meaning there is a next page): the digest's newest events
 * merged with the rep activities, both already in the timeline's order. At the same moment a rep's activity comes
 * first, as its key ('s:…' after 'm:…') puts it in the SQL that pages on from here (contacts/repository.ts).
 */
export function firstPage(d: Digest, titles: Record<string, string>, sales: TimelineRow[], limit: number): TimelineRow[] {
  const e = d.events
  const marketing: TimelineRow[] = []
  for (let i = 0; i < Math.min(limit, e.type.length); i++) {
    const title = label(e, i, titles)
    const id = e.id[i]!
    marketing.push({
      // The key format of marketingKey (contacts/repository.ts), which the paging SQL compares cursors with.
      key: `m:${id.padStart(19, "0")}`,
      id,
      side: "marketing",
      type: e.type[i]!,
      occurredAt: e.at[i]!,
      title: title ?? "",
      // NULLIF(campaign, title): the campaign shows as the detail unless it is the title already.
      detail: title !== null && e.campaign[i] === title ? null : (e.campaign[i] ?? null),
      by: e.source[i]!,
    })
  }
  const page: TimelineRow[] = []
  let m = 0
  let s = 0
  while (page.length < limit && (m < marketing.length || s < sales.length)) {
    const a = marketing[m]
    const b = sales[s]
    if (!b || (a && Date.parse(String(a.occurredAt)) > Date.parse(String(b.occurredAt)))) {
      page.push(a!)
      m++
    } else {
      page.push(b)
      s++
    }
  }
  return page
}

/** Events per type and per side. */
export function counts(d: Digest, salesCounts: { type: string; n: number }[]) {
  const byType: Record<string, number> = {}
  let marketing = 0
  let sales = 0
  for (const c of d.counts) {
    byType[c.type] = (byType[c.type] ?? 0) + c.n
    marketing += c.n
  }
  for (const c of salesCounts) {
    byType[c.type] = (byType[c.type] ?? 0) + c.n
    sales += c.n
  }
  return { marketing, sales, byType }
}

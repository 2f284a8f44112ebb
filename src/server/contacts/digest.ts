import type { TimelineRow } from "./repository"

// What a lookup keeps of a contact's marketing events (table contact_digests, built in contacts/repository.ts
// `buildDigest`), and how it becomes the sidebar's lists. Asset titles are not kept: they are looked up on every
// read, so a renamed asset shows its new title at once.

export interface DigestEvent {
  type: string
  occurredAt: string
  assetId: string | null
  /** The event's own title (properties.title), else its campaign: what shows when it names no asset. */
  fallback: string | null
}

export interface Digest {
  /** The counted events since the digest's `since`, newest first, at most 2,000: the score's reasons. */
  recent: DigestEvent[]
  /** The newest events, one more than a timeline page, in the timeline's order (occurred_at, id, newest first). */
  newest: (DigestEvent & { id: string; campaign: string | null; source: string })[]
  counts: { type: string; n: number }[]
}

const label = (e: DigestEvent, titles: Record<string, string>) => (e.assetId ? titles[e.assetId] : undefined) ?? e.fallback

/** The score's reasons' events, as the scoring reads them, from `since` on. */
export function recentEvents(d: Digest, titles: Record<string, string>, since: Date) {
  const from = since.getTime()
  return d.recent.filter((e) => Date.parse(e.occurredAt) >= from).map((e) => ({ type: e.type, occurredAt: e.occurredAt, label: label(e, titles) }))
}

/**
 * The first timeline page (`limit` + 1 rows, one more meaning there is a next page): the digest's newest events
 * merged with the rep activities, both already in the timeline's order. At the same moment a rep's activity comes
 * first, as its key ('s:…' after 'm:…') puts it in the SQL that pages on from here (contacts/repository.ts).
 */
export function firstPage(d: Digest, titles: Record<string, string>, sales: TimelineRow[], limit: number): TimelineRow[] {
  const marketing: TimelineRow[] = d.newest.map((e) => {
    const title = label(e, titles)
    return {
      // The key format of marketingKey (contacts/repository.ts), which the paging SQL compares cursors with.
      key: `m:${e.id.padStart(19, "0")}`,
      id: e.id,
      side: "marketing",
      type: e.type,
      occurredAt: e.occurredAt,
      title: title ?? "",
      // NULLIF(campaign, title): the campaign shows as the detail unless it is the title already.
      detail: title !== null && e.campaign === title ? null : e.campaign,
      by: e.source,
    }
  })
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

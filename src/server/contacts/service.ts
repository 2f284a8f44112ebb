import type { Db } from "../db/client"
import { BadRequest, NotFound } from "../errors"
import type { Principal } from "../auth/service"
import type { Contact, ContactContext, EventsPage, LookupQuery, TimelineItem } from "../../shared/contracts/contacts"
import type { Stage } from "../../shared/contracts/common"
import type { Bant } from "../../shared/contracts/handoff"
import { linkedinSlug } from "../../shared/linkedin"
import { engagementNow, totalScore } from "../../shared/scoring"
import { slaState } from "../../shared/sla"
import { getSettings } from "../settings/service"
import { contactScore } from "../scores/service"
import * as repo from "./repository"

export async function lookup(db: Db, p: Principal, q: LookupQuery, now = new Date()): Promise<ContactContext> {
  let row: repo.ContactRow | undefined
  if ("email" in q) row = await repo.findByEmail(db, p.orgId, q.email)
  else {
    const slug = linkedinSlug(q.linkedin)
    if (!slug) throw new BadRequest("linkedin must be a profile slug, an /in/<slug> path or a profile URL")
    row = await repo.findByLinkedin(db, p.orgId, slug)
  }
  if (!row) throw new NotFound("contact")
  return context(db, p.orgId, row, now)
}

export async function getContext(db: Db, p: Principal, id: string, now = new Date()) {
  const row = await repo.findById(db, p.orgId, id)
  if (!row) throw new NotFound("contact")
  return context(db, p.orgId, row, now)
}

async function context(db: Db, orgId: string, row: repo.ContactRow, now: Date): Promise<ContactContext> {
  const settings = await getSettings(db, orgId)
  const [score, page, counts] = await Promise.all([
    contactScore(db, orgId, { ...row, engagementValue: Number(row.engagementValue), engagementAt: new Date(row.engagementAt) }, settings, now),
    timelinePage(db, orgId, row.id, 20),
    repo.counts(db, orgId, row.id),
  ])
  const byType: Record<string, number> = {}
  let marketing = 0
  let sales = 0
  for (const c of counts) {
    byType[c.type] = (byType[c.type] ?? 0) + c.n
    if (c.side === "marketing") marketing += c.n
    else sales += c.n
  }
  return {
    contact: toContact(row, score.total),
    score,
    sla: slaState(row.stage, row.mqlAt ? new Date(row.mqlAt) : null, settings.slaHours, now),
    events: page.items,
    nextCursor: page.nextCursor,
    counts: { marketing, sales, byType },
  }
}

export async function events(db: Db, p: Principal, id: string, q: { before?: string; limit: number; type?: string }): Promise<EventsPage> {
  if (!(await repo.exists(db, p.orgId, id))) throw new NotFound("contact")
  return timelinePage(db, p.orgId, id, q.limit, q.before, q.type)
}

async function timelinePage(db: Db, orgId: string, contactId: string, limit: number, before?: string, type?: string): Promise<EventsPage> {
  const r = await repo.timeline(db, orgId, contactId, limit, before ? decodeCursor(before) : undefined, type)
  const more = r.length > limit
  const items: TimelineItem[] = r.slice(0, limit).map(({ key: _key, ...t }) => ({ ...t, occurredAt: new Date(t.occurredAt).toISOString() }))
  const last = r[limit - 1]
  return { items, nextCursor: more && last ? encodeCursor({ at: new Date(last.occurredAt).toISOString(), key: last.key }) : null }
}

export async function search(db: Db, p: Principal, q: string, limit: number) {
  const settings = await getSettings(db, p.orgId)
  const now = new Date()
  const r = await repo.search(db, p.orgId, q, limit)
  return {
    items: r.map(({ fitScore, engagementValue, engagementAt, ...c }) => ({
      ...c,
      stage: c.stage as Stage,
      score: totalScore(fitScore, engagementNow({ value: Number(engagementValue), at: new Date(engagementAt) }, now, settings.scoring.halfLifeDays), settings.scoring).total,
    })),
  }
}

export async function updateBant(db: Db, p: Principal, id: string, bant: Bant) {
  if (!(await repo.exists(db, p.orgId, id))) throw new NotFound("contact")
  await repo.updateBant(db, p.orgId, id, bant)
  return getContext(db, p, id)
}

export function toContact(r: repo.ContactRow, score: number): Contact {
  const bant = typeof r.bant === "string" ? JSON.parse(r.bant) : r.bant
  return {
    id: r.id,
    name: [r.firstName, r.lastName].filter(Boolean).join(" ") || r.emails[0] || "Unknown",
    firstName: r.firstName,
    lastName: r.lastName,
    emails: r.emails,
    title: r.title,
    company: r.company,
    industry: r.industry,
    companySize: r.companySize,
    linkedin: r.linkedin,
    owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? "", email: r.ownerEmail ?? "" } : null,
    stage: r.stage as Stage,
    stageChangedAt: new Date(r.stageChangedAt).toISOString(),
    bant: bant ?? {},
    score,
  }
}

const encodeCursor = (c: repo.TimelineCursor) => Buffer.from(JSON.stringify(c)).toString("base64url")
function decodeCursor(s: string): repo.TimelineCursor {
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8"))
    if (typeof c?.at === "string" && typeof c?.key === "string" && !Number.isNaN(Date.parse(c.at))) return c
  } catch { /* fall through */ }
  throw new BadRequest("before is not a cursor this API returned")
}

import { type Db, type Executor, retriedTransaction, sqlState } from "../db/client"
import { BadRequest } from "../errors"
import { type Principal, requireRole } from "../auth/service"
import { EventInput, type IngestResult, maxIngestBatch } from "../../shared/contracts/events"
import { getSettings } from "../settings/service"
import { bucketKey, type EngagementState, markCrossings, scoreEvents } from "../scores/service"
import * as repo from "./repository"
import * as batchRepo from "./batch-repository"

/** The lines of a JSON array or NDJSON body, numbered from 1 as the sender counts them. */
export function splitBody(body: unknown): { line: number; value: unknown; error?: string }[] {
  if (Array.isArray(body)) return body.map((value, i) => ({ line: i + 1, value }))
  if (typeof body !== "string") throw new BadRequest("send a JSON array of events or NDJSON (one event per line)")
  const out: { line: number; value: unknown; error?: string }[] = []
  body.split("\n").forEach((text, i) => {
    if (!text.trim()) return
    try {
      out.push({ line: i + 1, value: JSON.parse(text) })
    } catch {
      out.push({ line: i + 1, value: undefined, error: "not valid JSON" })
    }
  })
  return out
}

/**
 * Bulk ingest from marketing automation. Good lines are kept and bad ones reported with their line
 * number; a (source, externalId) seen before is a duplicate, not an error, so re-sending a file is safe.
 */
export async function ingest(db: Db, p: Principal, body: unknown, now = new Date()): Promise<IngestResult> {
  requireRole(p, "marketer", "admin")
  const lines = splitBody(body)
  if (lines.length > maxIngestBatch) throw new BadRequest(`at most ${maxIngestBatch} events per request; this one has ${lines.length}`)
  const refused: IngestResult["rejected"] = []
  const good: { line: number; e: EventInput }[] = []
  const seen = new Set<string>()
  for (const l of lines) {
    if (l.error) {
      refused.push({ line: l.line, reason: l.error })
      continue
    }
    const r = EventInput.safeParse(l.value)
    if (!r.success) {
      refused.push({ line: l.line, reason: r.error.issues.map((i) => `${i.path.join(".") || "event"}: ${i.message}`).join("; ") })
      continue
    }
    const key = `${r.data.source}\u0000${r.data.externalId}`
    if (seen.has(key)) continue // repeated inside the same request: the first one wins
    seen.add(key)
    good.push({ line: l.line, e: r.data })
  }

  return retriedTransaction(db, async (tx) => {
    // Each try starts from the lines the contract refused (a deadlock's retry runs this again).
    const rejected = [...refused]
    const assets = await repo.existingAssetIds(tx, p.orgId, [...new Set(good.flatMap((g) => (g.e.assetId ? [g.e.assetId] : [])))])
    const kept = good.filter((g) => {
      if (!g.e.assetId || assets.has(g.e.assetId)) return true
      rejected.push({ line: g.line, reason: "assetId: no such asset in this organization" })
      return false
    })
    // Three statements for any batch: contacts found, locked or created and events written; the stored scores and
    // score buckets of the known contacts with new events read; scores, buckets, firmographics and first touches
    // written. Then the crossings, when there are any.
    const settings = await getSettings(tx, p.orgId)
    const staged = await store(tx, p.orgId, kept, rejected)
    const events = staged.inserted.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) }))
    const scoredIds = new Set(events.map((e) => e.contactId))
    const batch = [...staged.contacts.values()]
    // A contact this batch created is scored from scratch: no score and no buckets yet.
    const known = new Set(batch.filter((c) => !c.created && scoredIds.has(c.contactId)).map((c) => c.contactId))
    const stored = known.size
      ? await batchRepo.readScores(tx, p.orgId, [...known], [...new Set(events.filter((e) => known.has(e.contactId)).map(bucketKey))])
      : { scores: new Map(), buckets: new Map<string, number>() }
    const states = batch.filter((c) => scoredIds.has(c.contactId)).map((c) => scoreState(c, stored.scores.get(c.contactId), now))
    const scored = scoreEvents(states, events, stored.buckets, settings.scoring, now)
    const writes: batchRepo.ContactWrite[] = []
    for (const c of batch) {
      const fields = staged.fields.get(c.contactId)
      if (fields || c.touch) writes.push({ contactId: c.contactId, fields, touch: c.touch ?? undefined })
    }
    const scores = states.map((s) => ({ contactId: s.id, fit: s.fit, value: s.value, at: s.at }))
    await batchRepo.writeBatch(tx, p.orgId, scored.buckets, scores, writes)
    const marked = await markCrossings(tx, p.orgId, scored, settings, now)
    rejected.sort((a, b) => a.line - b.line)
    return {
      accepted: staged.inserted.length,
      duplicates: lines.length - rejected.length - staged.inserted.length,
      rejected,
      contactsCreated: staged.created,
      newMqls: marked.length,
    }
  })
}

/** A contact's score state from its stored score; a contact just created has none (its score before this batch is 0). */
const scoreState = (c: batchRepo.BatchContact, stored: { fit: number; value: number; at: Date } | undefined, now: Date): EngagementState => ({
  id: c.contactId,
  stage: c.stage as EngagementState["stage"],
  title: c.title,
  industry: c.industry,
  companySize: c.companySize,
  ...(stored ?? { fit: 0, value: 0, at: now }),
})

type Line = { line: number; e: EventInput }
interface Staged {
  /** By contact id: the batch's contacts as the last stage that saw them left them. */
  contacts: Map<string, batchRepo.BatchContact>
  /** Firmographics sent for contacts that already existed, by contact id (a later line's value wins). */
  fields: Map<string, NonNullable<EventInput["contact"]>>
  inserted: Awaited<ReturnType<typeof batchRepo.stageBatch>>["inserted"]
  created: number
}

/** Contacts and events of some lines, in one statement. */
async function write(tx: Executor, orgId: string, lines: Line[]): Promise<Staged> {
  const people = new Map<string, EventInput["contact"]>()
  for (const g of lines) {
    const sent = people.get(g.e.email)
    if (g.e.contact) people.set(g.e.email, sent ? { ...sent, ...g.e.contact } : g.e.contact)
    else if (!people.has(g.e.email)) people.set(g.e.email, undefined)
  }
  const r = await batchRepo.stageBatch(
    tx,
    orgId,
    people,
    lines.map((g) => ({
      email: g.e.email,
      type: g.e.type,
      occurredAt: g.e.occurredAt,
      campaign: g.e.campaign ?? null,
      assetId: g.e.assetId ?? null,
      source: g.e.source,
      externalId: g.e.externalId,
      properties: JSON.stringify(g.e.properties ?? {}),
    })),
  )
  const contacts = new Map(r.contacts.map((c) => [c.contactId, c]))
  const fields = new Map<string, NonNullable<EventInput["contact"]>>()
  for (const c of r.contacts) {
    const sent = people.get(c.email)
    if (!c.created && sent && Object.keys(sent).length > 0) fields.set(c.contactId, sent)
  }
  return { contacts, fields, inserted: r.inserted, created: r.contacts.filter((c) => c.created).length }
}

/**
 * Two stages of one batch, one after the other (halves of a batch): the later one's view of a contact wins. Its first
 * touch moved in both halves is found from the events (the halves each compared theirs with the one stored before).
 */
function merge(a: Staged, b: Staged): Staged {
  const contacts = new Map(a.contacts)
  for (const [id, c] of b.contacts) {
    const before = a.contacts.get(id)
    const touch = !before?.touch ? c.touch : !c.touch ? before.touch : "find"
    contacts.set(id, { ...c, created: c.created || (before?.created ?? false), touch })
  }
  const fields = new Map(a.fields)
  for (const [id, f] of b.fields) fields.set(id, { ...fields.get(id), ...f })
  return { contacts, fields, inserted: [...a.inserted, ...b.inserted], created: a.created + b.created }
}

const nothing = (): Staged => ({ contacts: new Map(), fields: new Map(), inserted: [], created: 0 })

/**
 * Writes the lines in a savepoint. The contract refuses what PostgreSQL would; should PostgreSQL still refuse
 * a value as data (SQLSTATE class 22), the batch is halved until the refused lines stand alone, so that even
 * then a bad line costs only itself: about 2·log2(n) extra statements per bad line, and none when all is well.
 */
async function store(tx: Db, orgId: string, lines: Line[], rejected: IngestResult["rejected"]): Promise<Staged> {
  if (lines.length === 0) return nothing()
  try {
    return await tx.transaction((sp) => write(sp, orgId, lines))
  } catch (err) {
    const refused = dataError(err)
    if (!refused) throw err
    if (lines.length === 1) {
      rejected.push({ line: lines[0]!.line, reason: `the database cannot store this event: ${refused}` })
      return nothing()
    }
    const half = Math.ceil(lines.length / 2)
    const a = await store(tx, orgId, lines.slice(0, half), rejected)
    const b = await store(tx, orgId, lines.slice(half), rejected)
    return merge(a, b)
  }
}

/** PostgreSQL's message when it refused a value as data (SQLSTATE class 22), else undefined. */
function dataError(err: unknown): string | undefined {
  const code = sqlState(err)
  if (!code?.startsWith("22")) return undefined
  const e = err as { cause?: { message?: unknown }; message?: unknown }
  return String(e.cause?.message ?? e.message ?? code)
}

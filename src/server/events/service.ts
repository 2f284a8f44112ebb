import type { Db, Executor } from "../db/client"
import { BadRequest } from "../errors"
import { type Principal, requireRole } from "../auth/service"
import { EventInput, type IngestResult, maxIngestBatch } from "../../shared/contracts/events"
import { getSettings } from "../settings/service"
import { applyEvents } from "../scores/service"
import * as repo from "./repository"

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
  const rejected: IngestResult["rejected"] = []
  const good: { line: number; e: EventInput }[] = []
  const seen = new Set<string>()
  for (const l of lines) {
    if (l.error) {
      rejected.push({ line: l.line, reason: l.error })
      continue
    }
    const r = EventInput.safeParse(l.value)
    if (!r.success) {
      rejected.push({ line: l.line, reason: r.error.issues.map((i) => `${i.path.join(".") || "event"}: ${i.message}`).join("; ") })
      continue
    }
    const key = `${r.data.source}\u0000${r.data.externalId}`
    if (seen.has(key)) continue // repeated inside the same request: the first one wins
    seen.add(key)
    good.push({ line: l.line, e: r.data })
  }

  return db.transaction(async (tx) => {
    const assets = await repo.existingAssetIds(tx, p.orgId, [...new Set(good.flatMap((g) => (g.e.assetId ? [g.e.assetId] : [])))])
    const kept = good.filter((g) => {
      if (!g.e.assetId || assets.has(g.e.assetId)) return true
      rejected.push({ line: g.line, reason: "assetId: no such asset in this organization" })
      return false
    })
    const { inserted, created } = await store(tx, p.orgId, kept, rejected)
    // New contacts get their first touch here; known ones keep theirs unless an older event just arrived.
    await repo.attributeContacts(tx, p.orgId, [...new Set(inserted.map((e) => e.contactId))])
    const settings = await getSettings(tx, p.orgId)
    const { newMqls } = await applyEvents(
      tx,
      p.orgId,
      inserted.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) })),
      settings,
      now,
    )
    rejected.sort((a, b) => a.line - b.line)
    return { accepted: inserted.length, duplicates: lines.length - rejected.length - inserted.length, rejected, contactsCreated: created, newMqls }
  })
}

type Line = { line: number; e: EventInput }
type Stored = { inserted: Awaited<ReturnType<typeof repo.insertEvents>>; created: number }

/** Contacts and events of some lines, as a few multi-row statements. */
async function write(tx: Executor, orgId: string, lines: Line[]): Promise<Stored> {
  const people = new Map<string, EventInput["contact"]>()
  for (const g of lines) if (!people.has(g.e.email) || g.e.contact) people.set(g.e.email, { ...people.get(g.e.email), ...g.e.contact })
  const { ids, created } = await repo.upsertContactsByEmail(tx, orgId, people)
  const inserted = await repo.insertEvents(
    tx,
    orgId,
    lines.map((g) => ({
      contactId: ids.get(g.e.email)!,
      type: g.e.type,
      occurredAt: g.e.occurredAt,
      campaign: g.e.campaign ?? null,
      assetId: g.e.assetId ?? null,
      source: g.e.source,
      externalId: g.e.externalId,
      properties: JSON.stringify(g.e.properties ?? {}),
    })),
  )
  return { inserted, created }
}

/**
 * Writes the lines in a savepoint. The contract refuses what PostgreSQL would; should PostgreSQL still refuse
 * a value as data (SQLSTATE class 22), the batch is halved until the refused lines stand alone, so that even
 * then a bad line costs only itself: about 2·log2(n) extra statements per bad line, and none when all is well.
 */
async function store(tx: Db, orgId: string, lines: Line[], rejected: IngestResult["rejected"]): Promise<Stored> {
  if (lines.length === 0) return { inserted: [], created: 0 }
  try {
    return await tx.transaction((sp) => write(sp, orgId, lines))
  } catch (err) {
    const refused = dataError(err)
    if (!refused) throw err
    if (lines.length === 1) {
      rejected.push({ line: lines[0]!.line, reason: `the database cannot store this event: ${refused}` })
      return { inserted: [], created: 0 }
    }
    const half = Math.ceil(lines.length / 2)
    const a = await store(tx, orgId, lines.slice(0, half), rejected)
    const b = await store(tx, orgId, lines.slice(half), rejected)
    return { inserted: [...a.inserted, ...b.inserted], created: a.created + b.created }
  }
}

/** PostgreSQL's message when it refused a value as data (SQLSTATE class 22), else undefined. */
function dataError(err: unknown): string | undefined {
  const e = err as { cause?: { code?: unknown; message?: unknown }; code?: unknown; message?: unknown }
  const code = e.cause?.code ?? e.code
  if (typeof code !== "string" || !/^22[0-9A-Z]{3}$/.test(code)) return undefined
  return String(e.cause?.message ?? e.message ?? code)
}

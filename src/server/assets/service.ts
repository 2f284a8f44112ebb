import { randomUUID } from "node:crypto"
import type { Db } from "../db/client"
import { BadRequest, Conflict, NotFound } from "../errors"
import { type Principal, requireRole } from "../auth/service"
import * as z from "zod"
import {
  type Asset,
  AssetInput,
  type AssetInputParsed,
  type AssetImportResult,
  type AssetSearchQuery,
  type AssetUpdate,
  maxAssetImportRows,
} from "../../shared/contracts/assets"
import * as repo from "./repository"

/** Marketing owns the library; reps read and share it. */
const editors = ["marketer", "admin"] as const

export async function search(db: Db, p: Principal, q: AssetSearchQuery): Promise<{ items: Asset[] }> {
  const text = q.q?.trim() || undefined
  const r = await repo.search(db, p.orgId, text, text ? prefixQuery(text) : undefined, q)
  return { items: r.map(toAsset) }
}

/**
 * "secur pric" → 'secur':* & 'pric':*. Built from letters and digits only, so to_tsquery can never
 * fail on what a person typed; at most eight words.
 */
export function prefixQuery(text: string): string | undefined {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8)
  return words.length ? words.map((w) => `'${w}':*`).join(" & ") : undefined
}

export async function get(db: Db, p: Principal, id: string): Promise<Asset> {
  const a = await repo.findById(db, p.orgId, id)
  if (!a) throw new NotFound("asset")
  return toAsset(a)
}

export async function create(db: Db, p: Principal, input: AssetInputParsed): Promise<Asset> {
  requireRole(p, ...editors)
  const row = await repo.insert(db, p.orgId, input.id ?? randomUUID(), input)
  if (!row) throw new Conflict("an asset with this id already exists")
  return toAsset(row)
}

export async function update(db: Db, p: Principal, id: string, patch: AssetUpdate): Promise<Asset> {
  requireRole(p, ...editors)
  const row = await repo.update(db, p.orgId, id, patch)
  if (!row) throw new NotFound("asset")
  return toAsset(row)
}

/** Archived assets stay resolvable (links already sent keep working) but leave search and recommendations. */
export async function archive(db: Db, p: Principal, id: string): Promise<Asset> {
  return update(db, p, id, { archived: true })
}

const importChunk = 1000

/**
 * Bulk import for the admin CLI (CSV): every row is checked first and a bad one names its row number,
 * then rows go in as multi-row statements in one transaction. Rows with an id update that asset.
 */
export async function importAssets(db: Db, orgId: string, input: AssetInput[]): Promise<{ inserted: number; updated: number }> {
  const parsed = input.map((row, i) => {
    const r = AssetInput.safeParse(row)
    if (!r.success) throw new BadRequest(`row ${i + 1}: ${r.error.issues.map((x) => `${x.path.join(".") || "row"}: ${x.message}`).join("; ")}`)
    return { ...r.data, id: r.data.id ?? randomUUID() }
  })
  const seen = new Set<string>()
  parsed.forEach((a, i) => {
    if (seen.has(a.id)) throw new BadRequest(`row ${i + 1}: id ${a.id} appears twice in this import`)
    seen.add(a.id)
  })
  return db.transaction(async (tx) => {
    let inserted = 0
    for (let i = 0; i < parsed.length; i += importChunk) inserted += await repo.upsertMany(tx, orgId, parsed.slice(i, i + importChunk))
    return { inserted, updated: parsed.length - inserted }
  })
}

/** The import body before its rows are checked: each row is checked on its own below. */
const ImportEnvelope = z.object({
  rows: z.array(z.unknown()).max(maxAssetImportRows, `at most ${maxAssetImportRows} rows per call; send the rest in another`),
})

/**
 * The dashboard's CSV import: unlike the CLI, a bad row is reported by its index and the good rows go in
 * anyway, through importAssets() in one transaction.
 */
export async function importRows(db: Db, p: Principal, body: unknown): Promise<AssetImportResult> {
  requireRole(p, ...editors)
  const { rows } = ImportEnvelope.parse(body)
  const rejected: AssetImportResult["rejected"] = []
  const good: AssetInput[] = []
  const firstRowOfId = new Map<string, number>()
  for (const [i, row] of rows.entries()) {
    const r = AssetInput.safeParse(row)
    if (!r.success) {
      rejected.push({ row: i, message: r.error.issues.map((x) => `${x.path.join(".") || "row"}: ${x.message}`).join("; ") })
    } else if (r.data.id && firstRowOfId.has(r.data.id)) {
      rejected.push({ row: i, message: `id ${r.data.id} is already used by row ${firstRowOfId.get(r.data.id)} of this import` })
    } else {
      if (r.data.id) firstRowOfId.set(r.data.id, i)
      good.push(row as AssetInput)
    }
  }
  const { inserted, updated } = await importAssets(db, p.orgId, good)
  return { inserted, updated, rejected }
}

export function toAsset(r: repo.AssetRow): Asset {
  return {
    id: r.id,
    title: r.title,
    url: r.url,
    kind: r.kind,
    description: r.description,
    stages: r.stages,
    personas: r.personas,
    industries: r.industries,
    topics: r.topics,
    archived: r.archived,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  }
}

import { type Executor, one, pgArray, rows, sql } from "../db/client"
import type { assets } from "../db/schema"
import type { SQL } from "drizzle-orm"
import type { AssetInputParsed, AssetUpdate } from "../../shared/contracts/assets"

/** An asset as assetColumns reads it: the schema's columns, aliased to their camelCase keys. */
export type AssetRow = Pick<
  typeof assets.$inferSelect,
  "id" | "title" | "url" | "kind" | "description" | "stages" | "personas" | "industries" | "topics" | "archived" | "createdAt" | "updatedAt"
>

export const assetColumns = sql`a.id, a.title, a.url, a.kind, a.description, a.stages, a.personas, a.industries, a.topics, a.archived,
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`

export async function findById(ex: Executor, orgId: string, id: string) {
  return one<AssetRow>(ex, sql`SELECT ${assetColumns} FROM assets a WHERE a.org_id = ${orgId} AND a.id = ${id}`)
}

/** Inserts one asset; undefined when the id is taken. */
export async function insert(ex: Executor, orgId: string, id: string, a: AssetInputParsed) {
  return one<AssetRow>(
    ex,
    sql`
    INSERT INTO assets AS a (org_id, id, title, url, kind, description, stages, personas, industries, topics)
    VALUES (${orgId}, ${id}, ${a.title}, ${a.url}, ${a.kind}, ${a.description}, ${pgArray(a.stages)}::text[], ${pgArray(a.personas)}::text[],
      ${pgArray(a.industries)}::text[], ${pgArray(a.topics)}::text[])
    ON CONFLICT (org_id, id) DO NOTHING
    RETURNING ${assetColumns}`,
  )
}

/**
 * Many assets in one statement (CSV import). A row whose id exists is updated in place, so re-importing
 * the same file changes nothing twice. Returns how many rows were new.
 */
export async function upsertMany(ex: Executor, orgId: string, assets: (AssetInputParsed & { id: string })[]) {
  if (assets.length === 0) return 0
  const r = await rows<{ inserted: boolean }>(
    ex,
    sql`
    INSERT INTO assets (org_id, id, title, url, kind, description, stages, personas, industries, topics)
    SELECT ${orgId}, x.id, x.title, x.url, x.kind, x.description, x.stages, x.personas, x.industries, x.topics
    FROM jsonb_to_recordset(${JSON.stringify(assets)}::jsonb)
      AS x(id uuid, title text, url text, kind text, description text, stages text[], personas text[], industries text[], topics text[])
    ON CONFLICT (org_id, id) DO UPDATE SET title = EXCLUDED.title, url = EXCLUDED.url, kind = EXCLUDED.kind, description = EXCLUDED.description,
      stages = EXCLUDED.stages, personas = EXCLUDED.personas, industries = EXCLUDED.industries, topics = EXCLUDED.topics, updated_at = now()
    RETURNING (xmax = 0) AS inserted`,
  )
  return r.filter((x) => x.inserted).length
}

export async function update(ex: Executor, orgId: string, id: string, u: AssetUpdate) {
  const sets: SQL[] = []
  if (u.title !== undefined) sets.push(sql`title = ${u.title}`)
  if (u.url !== undefined) sets.push(sql`url = ${u.url}`)
  if (u.kind !== undefined) sets.push(sql`kind = ${u.kind}`)
  if (u.description !== undefined) sets.push(sql`description = ${u.description}`)
  if (u.stages !== undefined) sets.push(sql`stages = ${pgArray(u.stages)}::text[]`)
  if (u.personas !== undefined) sets.push(sql`personas = ${pgArray(u.personas)}::text[]`)
  if (u.industries !== undefined) sets.push(sql`industries = ${pgArray(u.industries)}::text[]`)
  if (u.topics !== undefined) sets.push(sql`topics = ${pgArray(u.topics)}::text[]`)
  if (u.archived !== undefined) sets.push(sql`archived = ${u.archived}`)
  sets.push(sql`updated_at = now()`)
  return one<AssetRow>(ex, sql`UPDATE assets AS a SET ${sql.join(sets, sql`, `)} WHERE a.org_id = ${orgId} AND a.id = ${id} RETURNING ${assetColumns}`)
}

export interface SearchFilters {
  kind?: string
  stage?: string
  includeArchived: boolean
  limit: number
}

/**
 * Full-text search on the generated `search` column. The web-search query reads what a person types
 * ("pricing -enterprise", quoted phrases); the prefix query catches words still being typed ("secur").
 * Without words it lists by title.
 */
export async function search(ex: Executor, orgId: string, text: string | undefined, prefix: string | undefined, f: SearchFilters) {
  const filters = sql`a.org_id = ${orgId}
    ${f.includeArchived ? sql`` : sql`AND NOT a.archived`}
    ${f.kind ? sql`AND a.kind = ${f.kind}` : sql``}
    ${f.stage ? sql`AND ${f.stage}::text = ANY(a.stages)` : sql``}`
  if (!text) {
    return rows<AssetRow>(ex, sql`SELECT ${assetColumns} FROM assets a WHERE ${filters} ORDER BY a.title, a.id LIMIT ${f.limit}`)
  }
  const prefixQuery = prefix ? sql`to_tsquery('english', ${prefix})` : sql`NULL::tsquery`
  return rows<AssetRow>(
    ex,
    sql`
    WITH q AS (SELECT websearch_to_tsquery('english', ${text}) AS w, ${prefixQuery} AS p, lower(${text}) AS t)
    SELECT ${assetColumns}
    FROM assets a, q
    WHERE ${filters} AND (a.search @@ q.w OR a.search @@ q.p OR q.t = ANY(a.topics))
    ORDER BY (CASE WHEN a.search @@ q.w THEN ts_rank(a.search, q.w) ELSE 0 END
      + CASE WHEN a.search @@ q.p THEN 0.5 * ts_rank(a.search, q.p) ELSE 0 END
      + CASE WHEN q.t = ANY(a.topics) THEN 0.1 ELSE 0 END) DESC, a.title, a.id
    LIMIT ${f.limit}`,
  )
}

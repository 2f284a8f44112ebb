import { type Executor, one, pgArray, preparedRows, sql } from "../db/client"
import type { activities } from "../db/schema"
import type { ActivityInput } from "../../shared/contracts/activities"

/** An activity as `columns` reads it: the schema's columns, aliased to their camelCase keys. */
export type ActivityRow = Omit<typeof activities.$inferSelect, "orgId">

const columnsOf = (t?: string) =>
  sql.raw(
    [
      ["id", "id"],
      ["contact_id", "contactId"],
      ["user_id", "userId"],
      ["type", "type"],
      ["occurred_at", "occurredAt"],
      ["outcome", "outcome"],
      ["direction", "direction"],
      ["duration_seconds", "durationSeconds"],
      ["subject", "subject"],
      ["notes", "notes"],
      ["asset_ids", "assetIds"],
      ["body_hash", "bodyHash"],
      ["created_at", "createdAt"],
    ]
      .map(([c, k]) => `${t ? `${t}.` : ""}${c} AS "${k}"`)
      .join(", "),
  )
const columns = columnsOf()

export interface LogResult {
  contactExists: boolean
  /** The asset ids sent that are not this org's, sorted; the activity is not written when there are any. */
  unknownAssetIds: string[]
  /** The activity with this id: the one just written (`created`), or the one already there. Absent when nothing was written. */
  row?: ActivityRow & { created: boolean }
}

/** One activity to log: whose, by whom, what was sent and the hash of it. */
export interface LogItem {
  orgId: string
  userId: string
  a: ActivityInput
  bodyHash: string
}

/**
 * Logs several activities (of any orgs, distinct ids) in one statement, so that one round trip, one commit and
 * one run of the rollup triggers serve them all. For each, in the order given: checks the contact and the
 * assets, inserts unless the id exists, and reads back the stored activity. The statement's text never changes
 * (every column is one array parameter), so it is prepared once per connection. A row another request inserted
 * after this statement's snapshot is neither written nor seen here (`row` absent while the contact and assets
 * are fine): read it with findById.
 */
export async function logMany(ex: Executor, items: LogItem[]): Promise<LogResult[]> {
  const col = <T>(f: (x: LogItem) => T | null | undefined) => pgArray(items.map((x) => (f(x) === null || f(x) === undefined ? null : String(f(x)))))
  const values = {
    org: col((x) => x.orgId),
    id: col((x) => x.a.id),
    contact: col((x) => x.a.contactId),
    user: col((x) => x.userId),
    type: col((x) => x.a.type),
    at: col((x) => x.a.occurredAt),
    outcome: col((x) => x.a.outcome),
    direction: col((x) => x.a.direction),
    duration: col((x) => x.a.durationSeconds),
    subject: col((x) => x.a.subject),
    notes: col((x) => x.a.notes),
    assets: col((x) => pgArray(x.a.assetIds ?? [])),
    hash: col((x) => x.bodyHash),
  }
  type Found = { k: number; contactExists: boolean; unknownAssetIds: string[] | string } & Partial<ActivityRow> & { created: boolean | null }
  const found = await preparedRows<Found, typeof values>(
    ex,
    "relay_activity_log_many",
    values,
    (v) => sql`
    WITH i AS (
      SELECT * FROM unnest(${v.org}::uuid[], ${v.id}::uuid[], ${v.contact}::uuid[], ${v.user}::uuid[], ${v.type}::text[], ${v.at}::timestamptz[],
        ${v.outcome}::text[], ${v.direction}::text[], ${v.duration}::int[], ${v.subject}::text[], ${v.notes}::text[], ${v.assets}::text[], ${v.hash}::text[])
        WITH ORDINALITY AS t(org_id, id, contact_id, user_id, type, occurred_at, outcome, direction, duration_seconds, subject, notes, asset_ids, body_hash, k)
    ),
    c AS (
      SELECT i.*, EXISTS (SELECT 1 FROM contacts WHERE org_id = i.org_id AND id = i.contact_id) AS ok,
        (SELECT coalesce(array_agg(x::text ORDER BY x), '{}') FROM unnest(i.asset_ids::uuid[]) AS x
          WHERE NOT EXISTS (SELECT 1 FROM assets s WHERE s.org_id = i.org_id AND s.id = x)) AS bad
      FROM i
    ),
    ins AS (
      INSERT INTO activities (org_id, id, contact_id, user_id, type, occurred_at, outcome, direction, duration_seconds, subject, notes, asset_ids, body_hash)
      SELECT org_id, id, contact_id, user_id, type, occurred_at, outcome, direction, duration_seconds, subject, notes, asset_ids::uuid[], body_hash
      FROM c WHERE ok AND cardinality(bad) = 0 ORDER BY k
      ON CONFLICT (org_id, id) DO NOTHING
      RETURNING org_id, ${columns}
    ),
    found AS (
      SELECT *, true AS created FROM ins
      UNION ALL
      SELECT a.org_id, ${columnsOf("a")}, false FROM c JOIN activities a ON a.org_id = c.org_id AND a.id = c.id
      WHERE NOT EXISTS (SELECT 1 FROM ins WHERE ins.org_id = c.org_id AND ins.id = c.id)
    )
    SELECT c.k::int AS k, c.ok AS "contactExists", c.bad AS "unknownAssetIds", f.id, f."contactId", f."userId", f.type, f."occurredAt", f.outcome,
      f.direction, f."durationSeconds", f.subject, f.notes, f."assetIds", f."bodyHash", f."createdAt", f.created
    FROM c LEFT JOIN found f ON f.org_id = c.org_id AND f.id = c.id ORDER BY c.k`,
  )
  return found.map(({ k: _k, contactExists, unknownAssetIds, created, ...row }) => ({
    contactExists,
    unknownAssetIds: typeof unknownAssetIds === "string" ? parseTextArray(unknownAssetIds) : unknownAssetIds,
    row: row.id ? { ...(row as ActivityRow), created: created === true } : undefined,
  }))
}

/** `{a,b}` as a driver without array parsing hands it over. */
const parseTextArray = (s: string) => (s === "{}" ? [] : s.slice(1, -1).split(","))

export async function findById(ex: Executor, orgId: string, id: string) {
  return one<ActivityRow>(ex, sql`SELECT ${columns} FROM activities WHERE org_id = ${orgId} AND id = ${id}`)
}

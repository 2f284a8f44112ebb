import { type Executor, one, pgArray, preparedRows, sql } from "../db/client"
import type { activities } from "../db/schema"
import type { ActivityInput } from "../../shared/contracts/activities"

/** An activity as `columns` reads it: the schema's columns, aliased to their camelCase keys. */
export type ActivityRow = Omit<typeof activities.$inferSelect, "orgId">

const columns = sql`id, contact_id AS "contactId", user_id AS "userId", type, occurred_at AS "occurredAt", outcome, direction,
  duration_seconds AS "durationSeconds", subject, notes, asset_ids AS "assetIds", body_hash AS "bodyHash", created_at AS "createdAt"`

export interface LogResult {
  contactExists: boolean
  /** The asset ids sent that are not this org's, sorted; the activity is not written when there are any. */
  unknownAssetIds: string[]
  /** The activity with this id: the one just written (`created`), or the one already there. Absent when nothing was written. */
  row?: ActivityRow & { created: boolean }
}

/**
 * Checks the contact and the assets, inserts unless the id exists and reads back the stored activity, in one
 * statement: logging is one round trip. A row another request inserted after this statement's snapshot
 * is neither written nor seen here (`row` absent while the contact and assets are fine): read it with findById.
 */
export async function log(ex: Executor, orgId: string, userId: string, a: ActivityInput, bodyHash: string): Promise<LogResult> {
  const [r] = await preparedRows<{ contactExists: boolean; unknownAssetIds: string[] | string } & Partial<ActivityRow> & { created: boolean | null }>(
    ex,
    "relay_activity_log",
    sql`
    WITH c AS (SELECT EXISTS (SELECT 1 FROM contacts WHERE org_id = ${orgId} AND id = ${a.contactId}) AS ok),
    bad AS (
      SELECT coalesce(array_agg(x::text ORDER BY x), '{}') AS ids FROM unnest(${pgArray(a.assetIds ?? [])}::uuid[]) AS x
      WHERE NOT EXISTS (SELECT 1 FROM assets s WHERE s.org_id = ${orgId} AND s.id = x)
    ),
    ins AS (
      INSERT INTO activities (org_id, id, contact_id, user_id, type, occurred_at, outcome, direction, duration_seconds, subject, notes, asset_ids, body_hash)
      SELECT ${orgId}::uuid, ${a.id}::uuid, ${a.contactId}::uuid, ${userId}::uuid, ${a.type}::text, ${a.occurredAt}::timestamptz, ${a.outcome ?? null}::text,
        ${a.direction ?? null}::text, ${a.durationSeconds ?? null}::int, ${a.subject ?? null}::text, ${a.notes ?? null}::text, ${pgArray(a.assetIds ?? [])}::uuid[], ${bodyHash}::text
      FROM c, bad WHERE c.ok AND cardinality(bad.ids) = 0
      ON CONFLICT (org_id, id) DO NOTHING
      RETURNING ${columns}
    ),
    found AS (
      SELECT *, true AS created FROM ins
      UNION ALL
      SELECT ${columns}, false FROM activities WHERE org_id = ${orgId} AND id = ${a.id} AND NOT EXISTS (SELECT 1 FROM ins)
    )
    SELECT c.ok AS "contactExists", bad.ids AS "unknownAssetIds", f.* FROM c CROSS JOIN bad LEFT JOIN found f ON true`,
  )
  const { contactExists, unknownAssetIds, created, ...row } = r!
  const ids = typeof unknownAssetIds === "string" ? parseTextArray(unknownAssetIds) : unknownAssetIds
  return { contactExists, unknownAssetIds: ids, row: row.id ? { ...(row as ActivityRow), created: created === true } : undefined }
}

/** `{a,b}` as a driver without array parsing hands it over. */
const parseTextArray = (s: string) => (s === "{}" ? [] : s.slice(1, -1).split(","))

export async function findById(ex: Executor, orgId: string, id: string) {
  return one<ActivityRow>(ex, sql`SELECT ${columns} FROM activities WHERE org_id = ${orgId} AND id = ${id}`)
}

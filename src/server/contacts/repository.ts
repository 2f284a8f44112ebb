import type { SQL } from "drizzle-orm"
import { type Executor, one, pgArray, preparedRows, rows, sql } from "../db/client"
import type { contactEmails, contactScores, contacts, users } from "../db/schema"
import type { ContactSummary, TimelineItem } from "../../shared/contracts/contacts"
import type { Digest } from "./digest"
import type { Bant } from "../../shared/contracts/handoff"
import { activityTitleSql } from "./timeline-sql"

type Contact = typeof contacts.$inferSelect
type Score = Pick<typeof contactScores.$inferSelect, "fitScore" | "engagementValue" | "engagementAt">

/** A contact as contactColumns reads it: the schema's columns aliased to their keys, its owner (if any) and its emails. */
export type ContactRow = Pick<
  Contact,
  "id" | "firstName" | "lastName" | "title" | "company" | "industry" | "companySize" | "linkedin" | "stage" | "stageChangedAt" | "mqlAt" | "bant" | "ownerId"
> &
  Score & {
    ownerName: (typeof users.$inferSelect)["name"] | null
    ownerEmail: (typeof users.$inferSelect)["email"] | null
    /** Primary first. */
    emails: (typeof contactEmails.$inferSelect)["email"][]
  }

const contactColumns = sql`
  c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.title, c.company, c.industry, c.company_size AS "companySize",
  c.linkedin, c.stage, c.stage_changed_at AS "stageChangedAt", c.mql_at AS "mqlAt", c.bant, s.fit_score AS "fitScore",
  s.engagement_value AS "engagementValue", s.engagement_at AS "engagementAt",
  u.id AS "ownerId", u.name AS "ownerName", u.email AS "ownerEmail",
  ARRAY(SELECT e.email FROM contact_emails e WHERE e.org_id = c.org_id AND e.contact_id = c.id ORDER BY e.is_primary DESC, e.email) AS emails`

/** What contactColumns reads beside the contact `c`: its score `s` and its owner `u`. */
const contactJoins = sql`JOIN contact_scores s ON s.org_id = c.org_id AND s.contact_id = c.id LEFT JOIN users u ON u.org_id = c.org_id AND u.id = c.owner_id`

export async function findById(ex: Executor, orgId: string, id: string) {
  return one<ContactRow>(
    ex,
    sql`SELECT ${contactColumns} FROM contacts c ${contactJoins}
    WHERE c.org_id = ${orgId} AND c.id = ${id}`,
  )
}

export async function findByEmail(ex: Executor, orgId: string, email: string) {
  return one<ContactRow>(
    ex,
    sql`SELECT ${contactColumns} FROM contact_emails ce
    JOIN contacts c ON c.org_id = ce.org_id AND c.id = ce.contact_id ${contactJoins}
    WHERE ce.org_id = ${orgId} AND ce.email = ${email}`,
  )
}

export async function findByLinkedin(ex: Executor, orgId: string, slug: string) {
  return one<ContactRow>(
    ex,
    sql`SELECT ${contactColumns} FROM contacts c ${contactJoins}
    WHERE c.org_id = ${orgId} AND lower(c.linkedin) = lower(${slug}) ORDER BY c.created_at LIMIT 1`,
  )
}

export async function exists(ex: Executor, orgId: string, id: string) {
  return !!(await one(ex, sql`SELECT 1 FROM contacts WHERE org_id = ${orgId} AND id = ${id}`))
}

/** Name and company by trigram similarity, email by prefix; best matches first. */
export async function search(ex: Executor, orgId: string, q: string, limit: number) {
  const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  return rows<Omit<ContactSummary, "score"> & Score>(
    ex,
    sql`
    WITH hits AS (
      -- Each side stops at a bounded number of matches: a common company name must not mean
      -- ranking a million rows to show ten.
      (SELECT e.contact_id AS id, 2 AS rank FROM contact_emails e WHERE e.org_id = ${orgId} AND e.email ILIKE ${like} LIMIT 500)
      UNION ALL
      (SELECT c.id, 1 FROM contacts c WHERE c.org_id = ${orgId}
        AND (coalesce(c.first_name,'') || ' ' || coalesce(c.last_name,'') || ' ' || coalesce(c.company,'')) ILIKE ${like} LIMIT 500)
    ), best AS (SELECT id, max(rank) AS rank FROM hits GROUP BY id)
    SELECT c.id, trim(coalesce(c.first_name,'') || ' ' || coalesce(c.last_name,'')) AS name, c.title, c.company, c.stage,
      s.fit_score AS "fitScore", s.engagement_value AS "engagementValue", s.engagement_at AS "engagementAt",
      ARRAY(SELECT e.email FROM contact_emails e WHERE e.org_id = c.org_id AND e.contact_id = c.id ORDER BY e.is_primary DESC, e.email) AS emails
    FROM best JOIN contacts c ON c.org_id = ${orgId} AND c.id = best.id JOIN contact_scores s ON s.org_id = c.org_id AND s.contact_id = c.id
    ORDER BY best.rank DESC, c.last_name, c.first_name, c.id LIMIT ${limit}`,
  )
}

export interface TimelineCursor {
  at: string
  key: string
}

/** An event's asset title, looked up for that event alone: joining would hash every asset of the org on each lookup. */
const assetTitle = sql`(SELECT a.title FROM assets a WHERE a.org_id = e.org_id AND a.id = e.asset_id)`

const marketingKey = (id: SQL) => sql`'m:' || lpad(${id}::text, 19, '0')`

/** A contact's rep activities as timeline rows, newest first, the first `limit` in the index's order. */
function salesTimelineSql(orgId: string, contactId: SQL, limit: number, before?: TimelineCursor, type?: string) {
  const sKey = sql`'s:' || x.id::text`
  return sql`
      (SELECT ${sKey} AS key, x.id::text AS id, 'sales' AS side, x.type, x.occurred_at AS "occurredAt",
        ${activityTitleSql(sql`x.type`, sql`x.subject`, sql`x.outcome`)} AS title, x.notes AS detail,
        (SELECT u.name FROM users u WHERE u.org_id = x.org_id AND u.id = x.user_id) AS by
      FROM activities x
      WHERE x.org_id = ${orgId} AND x.contact_id = ${contactId} ${after(before, sql`x.occurred_at`, sKey)} ${ofType(type, sql`x.type`)}
      ORDER BY x.occurred_at DESC, x.id DESC LIMIT ${limit})`
}

const after = (before: TimelineCursor | undefined, at: SQL, key: SQL) =>
  before ? sql`AND ${at} <= ${before.at}::timestamptz AND (${at}, ${key}) < (${before.at}::timestamptz, ${before.key})` : sql``
const ofType = (type: string | undefined, column: SQL) => (type ? sql`AND ${column} = ${type}` : sql``)

/**
 * Marketing events and rep activities of one contact, newest first, keyset-paged. Each side reads only its first
 * `limit + 1` rows in its index's order (occurred_at, id: the same order as the page's key within a side), and
 * titles are looked up for those rows only.
 */
function timelineSql(orgId: string, contactId: string, limit: number, before?: TimelineCursor, type?: string) {
  const mKey = marketingKey(sql`e.id`)
  return sql`
    SELECT * FROM (
      (SELECT ${mKey} AS key, e.id::text AS id, 'marketing' AS side, e.type, e.occurred_at AS "occurredAt",
        coalesce(${assetTitle}, e.properties->>'title', e.campaign, '') AS title,
        NULLIF(e.campaign, coalesce(${assetTitle}, e.properties->>'title', e.campaign)) AS detail, e.source AS by
      FROM marketing_events e
      WHERE e.org_id = ${orgId} AND e.contact_id = ${contactId} ${after(before, sql`e.occurred_at`, mKey)} ${ofType(type, sql`e.type`)}
      ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${limit + 1})
      UNION ALL
      ${salesTimelineSql(orgId, sql`${contactId}`, limit + 1, before, type)}
    ) t
    ORDER BY t."occurredAt" DESC, t.key DESC LIMIT ${limit + 1}`
}

export type TimelineRow = TimelineItem & { key: string; occurredAt: string | Date }

/** Marketing events and rep activities, newest first, as one keyset-paged list. */
export async function timeline(ex: Executor, orgId: string, contactId: string, limit: number, before?: TimelineCursor, type?: string) {
  return rows<TimelineRow>(ex, timelineSql(orgId, contactId, limit, before, type))
}

/**
 * The titles of the assets `ids` (a uuid[]) names, as {id: title}: one primary-key probe per id (LIMIT keeps it a
 * probe; joined on = ANY, the plan read every asset of the org on each lookup).
 */
const assetTitles = (orgId: SQL | string, ids: SQL) => sql`(SELECT coalesce(json_object_agg(x.id, a.title), '{}'::json) FROM unnest(${ids}) AS x(id)
  CROSS JOIN LATERAL (SELECT title FROM assets WHERE org_id = ${orgId} AND id = x.id LIMIT 1) a)`

export type ContactTarget = { email: string } | { linkedin: string } | { id: string }

/** What a lookup goes by: the kind of key and the value looked for. */
export const targetKey = (t: ContactTarget) =>
  "email" in t
    ? { kind: "email" as const, who: t.email }
    : "linkedin" in t
      ? { kind: "linkedin" as const, who: t.linkedin }
      : { kind: "id" as const, who: t.id }

export interface ContextRow extends ContactRow {
  /**
   * The contact's digest when it still holds exactly the contact's events and reaches back to `since`; else null.
   * Also null when it is the digest `known` names: this process holds it already (see digestVersion).
   */
  digest: Digest | null
  /** What names the whole digest (contact, events, newest event and since), while it is current; else null. */
  digestVersion: string | null
  /** The titles of the assets the digest names, by id. */
  titles: Record<string, string>
  /** The first timeline page's worth of rep activities, newest first, in the timeline's order. */
  sales: TimelineRow[]
  salesCounts: { type: string; n: number }[]
}

/**
 * The sidebar context in one statement: the contact, its digest if the digest is still whole (its event count and
 * newest id are the contact's now: events are only ever added, so the same count is the same events; checked in
 * the contact's index, without reading the events), and the rep activities, read as they are (a contact has few).
 * `known`: the version of the digest the caller holds (digestVersion), whose body then does not come back.
 * A named prepared statement, parsed and planned once per connection.
 */
export async function context(ex: Executor, orgId: string, target: ContactTarget, since: Date, pageSize: number, known: string | null = null) {
  const { kind, who } = targetKey(target)
  const values = { orgId, who, since: since.toISOString(), known }
  const [row] = await preparedRows<ContextRow, typeof values>(ex, `relay_contact_context_${kind}_${pageSize}`, values, ({ orgId, who, since, known }) => {
    const find =
      kind === "email"
        ? sql`FROM contact_emails ce JOIN contacts c ON c.org_id = ce.org_id AND c.id = ce.contact_id ${contactJoins} WHERE ce.org_id = ${orgId} AND ce.email = ${who}`
        : kind === "linkedin"
          ? sql`FROM contacts c ${contactJoins}
            WHERE c.org_id = ${orgId} AND lower(c.linkedin) = lower(${who}) ORDER BY c.created_at LIMIT 1`
          : sql`FROM contacts c ${contactJoins} WHERE c.org_id = ${orgId} AND c.id = ${who}`
    const contactId = sql`(SELECT c.id FROM c)`
    return sql`
    WITH c AS (SELECT ${contactColumns} ${find}),
    d AS (
      -- A digest is built once from the events it names (buildDigest()): these four name its body.
      SELECT g.body, g.asset_ids, concat_ws(':', g.contact_id, g.events, g.last_event_id, date_part('epoch', g.since)) AS version
      FROM contact_digests g
      CROSS JOIN LATERAL (SELECT count(*)::int AS n, max(e.id) AS last FROM marketing_events e
        WHERE e.org_id = ${orgId} AND e.contact_id = g.contact_id) live
      WHERE g.org_id = ${orgId} AND g.contact_id = ${contactId}
        AND g.events = live.n AND g.last_event_id IS NOT DISTINCT FROM live.last AND g.since <= ${since}::timestamptz)
    SELECT c.*, (SELECT body FROM d WHERE version IS DISTINCT FROM ${known}::text) AS digest, (SELECT version FROM d) AS "digestVersion",
      (SELECT ${assetTitles(orgId, sql`d.asset_ids`)} FROM d) AS titles,
      (SELECT coalesce(json_agg(t ORDER BY t."occurredAt" DESC, t.key DESC), '[]'::json) FROM ${salesTimelineSql(orgId, contactId, pageSize + 1)} t) AS sales,
      (SELECT coalesce(json_agg(k), '[]'::json) FROM (
        SELECT type, count(*)::int AS n FROM activities WHERE org_id = ${orgId} AND contact_id = ${contactId} GROUP BY type) k) AS "salesCounts"
    FROM c`
  })
  return row
}

/**
 * Builds a contact's digest from its events, read once (the contact's index, then each event's row), stores it and
 * returns it with the titles of the assets it names. Two lookups building at once each store theirs; the one built
 * from fewer events fails the next lookup's check and is built again.
 */
export async function buildDigest(ex: Executor, orgId: string, contactId: string, since: Date, pageSize: number) {
  const values = { orgId, contactId, since: since.toISOString() }
  type Built = { digest: Digest; titles: Record<string, string> }
  const [row] = await preparedRows<Built, typeof values>(
    ex,
    `relay_contact_digest_${pageSize}`,
    values,
    ({ orgId, contactId, since }) => sql`
    WITH ev AS MATERIALIZED (
      SELECT e.id, e.type, e.occurred_at, e.counted, e.asset_id, e.campaign, e.source, coalesce(e.properties->>'title', e.campaign) AS fallback,
        -- As the API answers times (JavaScript's toISOString()), so that a lookup need not convert each one.
        to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
      FROM marketing_events e WHERE e.org_id = ${orgId} AND e.contact_id = ${contactId}),
    recent AS (SELECT id FROM ev WHERE counted AND occurred_at >= ${since}::timestamptz ORDER BY occurred_at DESC LIMIT 2000),
    newest AS (SELECT id FROM ev ORDER BY occurred_at DESC, id DESC LIMIT ${pageSize + 1}),
    kept AS MATERIALIZED (
      SELECT ev.*, ev.id IN (SELECT id FROM newest) AS is_new, ev.id IN (SELECT id FROM recent) AS is_recent FROM ev
      WHERE ev.id IN (SELECT id FROM newest) OR ev.id IN (SELECT id FROM recent)),
    body AS (SELECT json_build_object(
      -- One array per field, in the timeline's order (contacts/digest.ts); only the newest carry what the page shows.
      'events', (SELECT json_build_object(
        'id', coalesce(json_agg(CASE WHEN is_new THEN id::text END ORDER BY occurred_at DESC, id DESC), '[]'),
        'type', coalesce(json_agg(type ORDER BY occurred_at DESC, id DESC), '[]'),
        'at', coalesce(json_agg(at ORDER BY occurred_at DESC, id DESC), '[]'),
        'assetId', coalesce(json_agg(asset_id ORDER BY occurred_at DESC, id DESC), '[]'),
        'fallback', coalesce(json_agg(fallback ORDER BY occurred_at DESC, id DESC), '[]'),
        'campaign', coalesce(json_agg(CASE WHEN is_new THEN campaign END ORDER BY occurred_at DESC, id DESC), '[]'),
        'source', coalesce(json_agg(CASE WHEN is_new THEN source END ORDER BY occurred_at DESC, id DESC), '[]'),
        'recent', coalesce(json_agg(is_recent ORDER BY occurred_at DESC, id DESC), '[]')) FROM kept),
      'counts', (SELECT coalesce(json_agg(json_build_object('type', type, 'n', n)), '[]'::json) FROM (SELECT type, count(*)::int AS n FROM ev GROUP BY type) k)
      ) AS body,
      ARRAY(SELECT DISTINCT asset_id FROM kept WHERE asset_id IS NOT NULL) AS asset_ids,
      (SELECT count(*)::int FROM ev) AS events, (SELECT max(id) FROM ev) AS last),
    saved AS (
      INSERT INTO contact_digests (org_id, contact_id, events, last_event_id, since, body, asset_ids)
      SELECT ${orgId}, ${contactId}, events, last, ${since}::timestamptz, body, asset_ids FROM body
      ON CONFLICT (org_id, contact_id) DO UPDATE SET events = EXCLUDED.events, last_event_id = EXCLUDED.last_event_id,
        since = EXCLUDED.since, body = EXCLUDED.body, asset_ids = EXCLUDED.asset_ids)
    SELECT body AS digest,
      ${assetTitles(orgId, sql`asset_ids`)} AS titles
    FROM body`,
  )
  return row!
}

export async function updateBant(ex: Executor, orgId: string, id: string, bant: Bant) {
  await ex.execute(sql`UPDATE contacts SET bant = bant || ${JSON.stringify(bant)}::jsonb, updated_at = now() WHERE org_id = ${orgId} AND id = ${id}`)
}

/** Owners by contact id; stage changes are the lifecycle's (src/server/lifecycle/repository.ts), not this file's. */
export async function setOwners(ex: Executor, orgId: string, owners: Map<string, string>) {
  if (owners.size === 0) return
  await ex.execute(sql`
    UPDATE contacts c SET owner_id = v.owner
    FROM unnest(${pgArray([...owners.keys()])}::uuid[], ${pgArray([...owners.values()])}::uuid[]) AS v(id, owner)
    WHERE c.org_id = ${orgId} AND c.id = v.id`)
}

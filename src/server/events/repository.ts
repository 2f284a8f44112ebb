import { randomUUID } from "node:crypto"
import type { SQL } from "drizzle-orm"
import { type Executor, pgArray, pgColumn, rows, sql } from "../db/client"
import type { marketingEvents } from "../db/schema"
import type { EventInput } from "../../shared/contracts/events"

/**
 * Finds contacts by email, updates the firmographics sent for known ones, and creates the missing ones with
 * their email, in one statement (one round trip per batch instead of up to four).
 */
export async function upsertContactsByEmail(ex: Executor, orgId: string, people: Map<string, EventInput["contact"]>) {
  const emails = [...people.keys()]
  if (emails.length === 0) return { ids: new Map<string, string>(), created: 0 }
  const all = emails.map((e) => people.get(e))
  const f = firmographicColumns(all)
  const sent = all.map((c) => (c && Object.keys(c).length > 0 ? "t" : "f"))
  const r = await rows<{ email: string; contactId: string; created: boolean }>(
    ex,
    sql`
    WITH v AS (
      SELECT * FROM unnest(${pgArray(emails)}::text[], ${f.fn}::text[], ${f.ln}::text[], ${f.ti}::text[], ${f.co}::text[], ${f.ind}::text[],
        ${f.sz}::text[], ${f.li}::text[], ${pgArray(emails.map(() => randomUUID()))}::uuid[], ${pgArray(sent)}::bool[])
        AS v(email, fn, ln, ti, co, ind, sz, li, new_id, sent)
    ),
    found AS MATERIALIZED (
      SELECT v.email, ce.contact_id FROM v JOIN contact_emails ce ON ce.org_id = ${orgId} AND ce.email = v.email
    ),
    -- The batch's known contacts are locked here, first and in id order, for the whole ingest transaction: its
    -- later statements (first touch, scores) lock them again in other orders, and two batches in flight that
    -- share contacts would otherwise deadlock.
    locked AS MATERIALIZED (
      SELECT c.id FROM contacts c WHERE c.org_id = ${orgId} AND c.id IN (SELECT contact_id FROM found) ORDER BY c.id FOR NO KEY UPDATE
    ),
    -- Marketing automation knows firmographics better over time: a value sent wins, a value left out is kept.
    upd AS (
      UPDATE contacts c SET first_name = coalesce(v.fn, c.first_name), last_name = coalesce(v.ln, c.last_name), title = coalesce(v.ti, c.title),
        linkedin = coalesce(v.li, c.linkedin), company = coalesce(v.co, c.company), industry = coalesce(v.ind, c.industry),
        company_size = coalesce(v.sz::int, c.company_size), updated_at = now()
      FROM found f JOIN v ON v.email = f.email JOIN locked l ON l.id = f.contact_id
      WHERE c.org_id = ${orgId} AND c.id = f.contact_id AND v.sent
    ),
    ins AS (
      INSERT INTO contacts (org_id, id, first_name, last_name, title, company, industry, company_size, linkedin, stage)
      SELECT ${orgId}, v.new_id, v.fn, v.ln, v.ti, v.co, v.ind, v.sz::int, v.li, 'lead' FROM v
      WHERE NOT EXISTS (SELECT 1 FROM found f WHERE f.email = v.email)
      RETURNING id
    ),
    em AS (
      INSERT INTO contact_emails (org_id, email, contact_id, is_primary)
      SELECT ${orgId}, v.email, v.new_id, true FROM v JOIN ins ON ins.id = v.new_id
    )
    SELECT v.email, coalesce(f.contact_id, v.new_id) AS "contactId", f.contact_id IS NULL AS created
    FROM v LEFT JOIN found f ON f.email = v.email CROSS JOIN (SELECT count(*) FROM locked) AS l`,
  )
  return { ids: new Map(r.map((x) => [x.email, x.contactId])), created: r.filter((x) => x.created).length }
}

export type ContactFields = NonNullable<EventInput["contact"]>

/**
 * The firmographics of many contacts, one array parameter per field (NULL where not sent), under the names the
 * statements below give them.
 */
export function firmographicColumns(people: (ContactFields | undefined)[]) {
  const col = (f: (c: ContactFields) => string | number | undefined) => pgColumn(people, (p) => (p ? f(p) : undefined))
  return {
    fn: col((c) => c.firstName),
    ln: col((c) => c.lastName),
    ti: col((c) => c.title),
    co: col((c) => c.company),
    ind: col((c) => c.industry),
    sz: col((c) => c.companySize),
    li: col((c) => c.linkedin),
  }
}

export async function existingAssetIds(ex: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>()
  const r = await rows<{ id: string }>(ex, sql`SELECT id FROM assets WHERE org_id = ${orgId} AND id = ANY(${pgArray(ids)}::uuid[])`)
  return new Set(r.map((x) => x.id))
}

export type MarketingEvent = typeof marketingEvents.$inferSelect

/** An event to store: the schema's columns (NULL where absent), with `properties` as JSON text for a text[] parameter. */
export type EventRow = Pick<MarketingEvent, "contactId" | "type" | "occurredAt" | "campaign" | "assetId" | "source" | "externalId"> & { properties: string }

/** The stored fields of many events but their contact, one array parameter per column, as the insert statements name them. */
export function eventColumns(events: Omit<EventRow, "contactId">[]) {
  const col = (f: (e: Omit<EventRow, "contactId">) => string | null) => pgColumn(events, f)
  return {
    eType: col((e) => e.type),
    eAt: col((e) => e.occurredAt),
    eCampaign: col((e) => e.campaign),
    eAsset: col((e) => e.assetId),
    eSource: col((e) => e.source),
    eExternal: col((e) => e.externalId),
    eProps: col((e) => e.properties),
  }
}

/** Inserts events; a (source, external_id) seen before is skipped. Returns what was new. */
export async function insertEvents(ex: Executor, orgId: string, ev: EventRow[]) {
  if (ev.length === 0) return []
  const e = eventColumns(ev)
  return rows<Pick<MarketingEvent, "contactId" | "type" | "occurredAt">>(
    ex,
    sql`
    INSERT INTO marketing_events (org_id, contact_id, type, occurred_at, campaign, asset_id, source, external_id, properties)
    SELECT ${orgId}, c, t, o, ca, a::uuid, s, x, p::jsonb
    FROM unnest(${pgArray(ev.map((x) => x.contactId))}::uuid[], ${e.eType}::text[], ${e.eAt}::timestamptz[],
      ${e.eCampaign}::text[], ${e.eAsset}::text[], ${e.eSource}::text[],
      ${e.eExternal}::text[], ${e.eProps}::text[]) AS v(c, t, o, ca, a, s, x, p)
    ON CONFLICT (org_id, source, external_id) DO NOTHING
    RETURNING contact_id AS "contactId", type, occurred_at AS "occurredAt"`,
  )
}

/**
 * First-touch attribution: a contact's source and campaign are those of its earliest marketing event, and
 * first_touch_at its time. Found from the events (one index probe per contact, newest-last): the seed's way, after
 * writing a contact's events. Tracked-link views are the rep's doing, not marketing's, so they never count as the
 * first touch. `contactIds` is a query yielding one uuid column.
 */
export async function attributeFirstTouch(ex: Executor, orgId: string, contactIds: SQL) {
  // MATERIALIZED: the first touches are found once. Left to itself, the planner may put the probes on the
  // inner side of a nested loop over contacts and redo them per contact (seen on fresh, unanalyzed tables).
  await ex.execute(sql`
    WITH f AS MATERIALIZED (
      SELECT x.id, e.occurred_at, e.source, e.campaign FROM (${contactIds}) AS x(id)
      CROSS JOIN LATERAL (
        SELECT occurred_at, source, campaign FROM marketing_events
        WHERE org_id = ${orgId} AND contact_id = x.id AND source <> 'relay-link'
        ORDER BY occurred_at, id LIMIT 1
      ) e
    )
    UPDATE contacts c SET source = f.source, campaign = f.campaign, first_touch_at = f.occurred_at
    FROM f
    WHERE c.org_id = ${orgId} AND c.id = f.id AND (c.source, c.campaign, c.first_touch_at) IS DISTINCT FROM (f.source, f.campaign, f.occurred_at)`)
}

// The three statements of an ingest batch (events/service.ts): stageBatch() finds, locks or creates the batch's contacts
// and writes its events; readScores() reads what their scores stand on; writeBatch() writes the scores, buckets,
// firmographics and first touches that follow.
import { randomUUID } from "node:crypto"
import type { SQL } from "drizzle-orm"
import { type Executor, pgArray, pgColumn, preparedRows, sql } from "../db/client"
import type { EventInput } from "../../shared/contracts/events"
import { type ContactFields, type EventRow, eventColumns, firmographicColumns } from "./repository"

/** An event line of an ingest batch, before its contact is known: its email instead of the contact id. */
export type BatchEvent = Omit<EventRow, "contactId"> & { email: string }

/** A contact of the batch as stageBatch() left it: locked (or just created), with what its fit reads. */
export interface BatchContact {
  email: string
  contactId: string
  created: boolean
  stage: string
  title: string | null
  industry: string | null
  companySize: number | null
  /** A known contact's first touch after the batch: to be found from its events (not stored yet), or moved to one of the batch's events. */
  touch: FirstTouch | "find" | null
}

/** A first touch: the time, source and campaign of a contact's earliest marketing event (the time as PostgreSQL wrote it). */
export interface FirstTouch {
  at: string
  source: string
  campaign: string | null
}

/**
 * The first stage of an ingest batch, one statement: finds the batch's contacts by email and locks the known ones
 * (first, in id order, for the whole transaction: two batches in flight that share contacts queue instead of
 * deadlocking; FOR NO KEY UPDATE, so that activities logged for them meanwhile, whose foreign key only shares the
 * contact's key, do not wait for the batch; every writer of a contact's score locks its contact row first), inserts
 * the events (a (source, external_id) seen before is skipped), and creates the missing contacts with their email, the
 * firmographics sent and their first touch (the earliest of their new events that is not a tracked-link view), so
 * that a new contact's row is written once (its score row, inserted with it, is writeBatch()'s).
 * Returns each contact with the firmographics sent merged in (a value sent wins, one left out is kept; writeBatch()
 * stores them on known contacts) and, for a known one, whether its first touch moves, and the events that were new.
 */
export async function stageBatch(ex: Executor, orgId: string, people: Map<string, EventInput["contact"]>, events: BatchEvent[]) {
  const emails = [...people.keys()]
  if (emails.length === 0) return { contacts: [] as BatchContact[], inserted: [] as NewEventRow[] }
  const all = emails.map((e) => people.get(e))
  const r = await preparedRows<
    {
      kind: "c" | "d"
      email: string | null
      contactId: string | null
      created: boolean | null
      stage: string | null
      title: string | null
      industry: string | null
      companySize: number | null
      line: number | null
      touch: "find" | "moved" | null
      touchAt: string | null
      touchSource: string | null
      touchCampaign: string | null
    },
    Record<string, string>
  >(
    ex,
    "ingest_stage_batch",
    {
      orgId,
      emails: pgArray(emails),
      ...firmographicColumns(all),
      newId: pgArray(emails.map(() => randomUUID())),
      eEmail: pgArray(events.map((e) => e.email)),
      ...eventColumns(events),
    },
    (v) => sql`
    WITH v AS (
      SELECT * FROM unnest(${v.emails}::text[], ${v.fn}::text[], ${v.ln}::text[], ${v.ti}::text[], ${v.co}::text[], ${v.ind}::text[], ${v.sz}::int[],
        ${v.li}::text[], ${v.newId}::uuid[]) AS v(email, fn, ln, ti, co, ind, sz, li, new_id)
    ),
    -- One index probe per email (LIMIT keeps it a probe: joined, the planner may read all the org's emails instead).
    found AS MATERIALIZED (
      SELECT v.email, ce.contact_id FROM v
      CROSS JOIN LATERAL (SELECT contact_id FROM contact_emails WHERE org_id = ${v.orgId}::uuid AND email = v.email LIMIT 1) ce
    ),
    locked AS MATERIALIZED (
      SELECT c.id, c.stage, c.title, c.industry, c.company_size, c.first_touch_at
      FROM contacts c WHERE c.org_id = ${v.orgId}::uuid AND c.id IN (SELECT contact_id FROM found) ORDER BY c.id FOR NO KEY UPDATE
    ),
    p AS MATERIALIZED (
      SELECT v.*, coalesce(f.contact_id, v.new_id) AS id, f.contact_id IS NULL AS created FROM v LEFT JOIN found f ON f.email = v.email
    ),
    e AS MATERIALIZED (
      SELECT * FROM unnest(${v.eEmail}::text[], ${v.eType}::text[], ${v.eAt}::timestamptz[], ${v.eCampaign}::text[], ${v.eAsset}::text[],
        ${v.eSource}::text[], ${v.eExternal}::text[], ${v.eProps}::text[]) WITH ORDINALITY AS e(email, t, o, ca, a, s, x, p, n)
    ),
    ev AS (
      INSERT INTO marketing_events (org_id, contact_id, type, occurred_at, campaign, asset_id, source, external_id, properties)
      SELECT ${v.orgId}::uuid, p.id, e.t, e.o, e.ca, e.a::uuid, e.s, e.x, e.p::jsonb
      FROM e JOIN p ON p.email = e.email
      -- The known contacts are locked before any of their events is written.
      WHERE (SELECT count(*) FROM locked) >= 0
      ORDER BY e.n
      ON CONFLICT (org_id, source, external_id) DO NOTHING
      RETURNING id, contact_id, type, occurred_at, source, campaign, external_id
    ),
    -- Each contact's earliest new event that is not a tracked-link view: a new contact's first touch, and a known one's
    -- when it is earlier than the stored one (the stored event, older, wins a tie).
    first AS (
      SELECT DISTINCT ON (contact_id) contact_id, occurred_at, source, campaign FROM ev WHERE source <> 'relay-link' ORDER BY contact_id, occurred_at, id
    ),
    ins AS (
      INSERT INTO contacts (org_id, id, first_name, last_name, title, company, industry, company_size, linkedin, stage, source, campaign, first_touch_at)
      SELECT ${v.orgId}::uuid, p.id, p.fn, p.ln, p.ti, p.co, p.ind, p.sz, p.li, 'lead', f.source, f.campaign, f.occurred_at
      FROM p LEFT JOIN first f ON f.contact_id = p.id WHERE p.created
      RETURNING id
    ),
    em AS (
      INSERT INTO contact_emails (org_id, email, contact_id, is_primary)
      SELECT ${v.orgId}::uuid, p.email, p.id, true FROM p JOIN ins ON ins.id = p.id
    )
    SELECT 'c' AS kind, p.email, p.id AS "contactId", p.created, coalesce(l.stage, 'lead') AS stage, coalesce(p.ti, l.title) AS title,
      coalesce(p.ind, l.industry) AS industry, coalesce(p.sz, l.company_size) AS "companySize", NULL::int AS line,
      -- A known contact's first touch: unknown (to be found from its events), or moved to this batch's earliest event.
      CASE WHEN l.id IS NULL OR f.contact_id IS NULL THEN NULL WHEN l.first_touch_at IS NULL THEN 'find' WHEN f.occurred_at < l.first_touch_at THEN 'moved' END
        AS touch, f.occurred_at::text AS "touchAt", f.source AS "touchSource", f.campaign AS "touchCampaign"
    FROM p LEFT JOIN locked l ON l.id = p.id LEFT JOIN first f ON f.contact_id = p.id
    UNION ALL
    -- The lines whose event was stored before (numbered from 0), rather than every event stored: there are seldom any.
    SELECT 'd', NULL, NULL, NULL, NULL, NULL, NULL, NULL, (e.n - 1)::int, NULL, NULL, NULL, NULL
    FROM e
    WHERE NOT EXISTS (SELECT 1 FROM ev WHERE ev.source = e.s AND ev.external_id = e.x)`,
  )
  const contacts: BatchContact[] = []
  const skipped = new Set<number>()
  for (const x of r) {
    if (x.kind === "d") skipped.add(x.line!)
    else
      contacts.push({
        email: x.email!,
        contactId: x.contactId!,
        created: x.created!,
        stage: x.stage!,
        title: x.title,
        industry: x.industry,
        companySize: x.companySize === null ? null : Number(x.companySize),
        touch: x.touch === "moved" ? { at: x.touchAt!, source: x.touchSource!, campaign: x.touchCampaign } : x.touch,
      })
  }
  const ids = new Map(contacts.map((c) => [c.email, c.contactId]))
  const inserted = events.flatMap((e, i) =>
    skipped.has(i) ? [] : [{ contactId: ids.get(e.email)!, type: e.type, occurredAt: e.occurredAt, source: e.source }],
  )
  return { contacts, inserted }
}

/**
 * The second stage of an ingest batch, one statement: the stored scores of the known contacts that got new events,
 * and the score buckets (contact, type, UTC day) their new events fall in (keys as `contactId|type|day`, as
 * scoreEvents() reads them), one index probe each (LIMIT keeps it a probe: joined, the planner may hash all the org's
 * scores or buckets instead). A statement of its own, after the one that locked the contacts: its snapshot then has
 * what a batch this one waited for wrote (a statement that waits for a lock still reads other rows as of its start).
 */
export async function readScores(ex: Executor, orgId: string, contactIds: string[], bucketKeys: string[]) {
  const keys = bucketKeys.map((k) => k.split("|") as [string, string, string])
  const r = await preparedRows<
    { contactId: string; fit: number | null; value: number | string | null; at: string | null; key: string | null; points: number | null },
    Record<string, string>
  >(
    ex,
    "ingest_read_scores",
    {
      orgId,
      ids: pgArray(contactIds),
      bContact: pgArray(keys.map((k) => k[0])),
      bType: pgArray(keys.map((k) => k[1])),
      bDay: pgArray(keys.map((k) => k[2])),
      bKey: pgArray(bucketKeys),
    },
    (v) => sql`
    SELECT k.id AS "contactId", s.fit_score AS fit, s.engagement_value AS value, s.engagement_at AS at, NULL AS key, NULL::int AS points
    FROM unnest(${v.ids}::uuid[]) AS k(id)
    CROSS JOIN LATERAL (
      SELECT fit_score, engagement_value, engagement_at FROM contact_scores WHERE org_id = ${v.orgId}::uuid AND contact_id = k.id LIMIT 1
    ) s
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, k.key, b.points
    FROM unnest(${v.bContact}::uuid[], ${v.bType}::text[], ${v.bDay}::date[], ${v.bKey}::text[]) AS k(contact_id, type, day, key)
    CROSS JOIN LATERAL (
      SELECT points FROM score_buckets WHERE org_id = ${v.orgId}::uuid AND contact_id = k.contact_id AND type = k.type AND day = k.day LIMIT 1
    ) b`,
  )
  const scores = new Map<string, { fit: number; value: number; at: Date }>()
  const buckets = new Map<string, number>()
  for (const x of r) {
    if (x.key === null) scores.set(x.contactId, { fit: Number(x.fit), value: Number(x.value), at: new Date(x.at!) })
    else buckets.set(x.key, Number(x.points))
  }
  return { scores, buckets }
}

type NewEventRow = Pick<EventRow, "contactId" | "type" | "occurredAt" | "source">
type Firmographics = Omit<ContactFields, "companySize"> & { companySize?: number }

/** A contact's new score state, for a contact that got new events. */
export interface ScoreWrite {
  contactId: string
  fit: number
  value: number
  at: Date
}

/** What the last stage of an ingest batch writes on a known contact's own row. */
export interface ContactWrite {
  contactId: string
  /** Firmographics sent for a contact that was already known (a value sent wins, one left out is kept). */
  fields?: Firmographics
  /** Its new first touch, or "find": found from its events (one index probe), for a contact whose first touch is not stored yet. */
  touch?: FirstTouch | "find"
}

/** What writeBatch() sets on a contact: each column with its new value (`s`, the batch's write, and `c`, the contact). */
const written: [column: string, value: SQL][] = [
  ["first_name", sql`coalesce(s.fn, c.first_name)`],
  ["last_name", sql`coalesce(s.ln, c.last_name)`],
  ["title", sql`coalesce(s.ti, c.title)`],
  ["company", sql`coalesce(s.co, c.company)`],
  ["industry", sql`coalesce(s.ind, c.industry)`],
  ["company_size", sql`coalesce(s.sz, c.company_size)`],
  ["linkedin", sql`coalesce(s.li, c.linkedin)`],
  ["source", sql`CASE WHEN s.touched THEN s.touch_source ELSE c.source END`],
  ["campaign", sql`CASE WHEN s.touched THEN s.touch_campaign ELSE c.campaign END`],
  ["first_touch_at", sql`CASE WHEN s.touched THEN s.touch_at ELSE c.first_touch_at END`],
]

/**
 * The last stage of an ingest batch, one statement: the score buckets the batch filled, the new scores, and on the
 * known contacts that need it the firmographics sent and the first touch (as stageBatch() found it moved, or found
 * from the events, one index probe, where none is stored yet; tracked-link views never count as the first touch).
 * The contacts are the ones stageBatch() locked.
 */
export async function writeBatch(ex: Executor, orgId: string, buckets: Map<string, number>, scores: ScoreWrite[], contacts: ContactWrite[]) {
  if (buckets.size === 0 && scores.length === 0 && contacts.length === 0) return
  const keys = [...buckets.keys()].map((k) => k.split("|") as [string, string, string])
  const sc = (f: (x: ScoreWrite) => string | number) => pgColumn(scores, f)
  await preparedRows(
    ex,
    "ingest_write_batch",
    {
      orgId,
      bContact: pgArray(keys.map((k) => k[0])),
      bType: pgArray(keys.map((k) => k[1])),
      bDay: pgArray(keys.map((k) => k[2])),
      bPoints: pgArray([...buckets.values()].map(String)),
      sIds: sc((x) => x.contactId),
      fit: sc((x) => x.fit),
      value: sc((x) => x.value),
      at: sc((x) => x.at.toISOString()),
      ids: pgColumn(contacts, (x) => x.contactId),
      ...firmographicColumns(contacts.map((x) => x.fields)),
      find: pgColumn(contacts, (x) => x.touch === "find"),
      tAt: pgColumn(contacts, (x) => (typeof x.touch === "object" ? x.touch.at : undefined)),
      tSource: pgColumn(contacts, (x) => (typeof x.touch === "object" ? x.touch.source : undefined)),
      tCampaign: pgColumn(contacts, (x) => (typeof x.touch === "object" ? (x.touch.campaign ?? undefined) : undefined)),
    },
    (v) => sql`
    WITH b AS (
      INSERT INTO score_buckets (org_id, contact_id, type, day, points)
      SELECT ${v.orgId}::uuid, * FROM unnest(${v.bContact}::uuid[], ${v.bType}::text[], ${v.bDay}::date[], ${v.bPoints}::int[])
      ON CONFLICT (org_id, contact_id, type, day) DO UPDATE SET points = EXCLUDED.points
    ),
    -- = ANY: one primary-key probe per score; the plan PostgreSQL keeps for this prepared statement sees ten rows in
    -- any unnest(), and joined to it alone the planner may scan the org's scores instead.
    sc AS (
      UPDATE contact_scores s SET fit_score = v.fit, engagement_value = v.value, engagement_at = v.at
      FROM unnest(${v.sIds}::uuid[], ${v.fit}::int[], ${v.value}::float8[], ${v.at}::timestamptz[]) AS v(id, fit, value, at)
      WHERE s.org_id = ${v.orgId}::uuid AND s.contact_id = ANY(${v.sIds}::uuid[]) AND s.contact_id = v.id
        AND (s.fit_score, s.engagement_value, s.engagement_at) IS DISTINCT FROM (v.fit, v.value, v.at)
    ),
    -- MATERIALIZED: the first touches to find are found once, one index probe each.
    s AS MATERIALIZED (
      SELECT s.*, e.occurred_at IS NOT NULL AS touched, e.occurred_at AS touch_at, e.source AS touch_source, e.campaign AS touch_campaign
      FROM unnest(${v.ids}::uuid[], ${v.fn}::text[], ${v.ln}::text[], ${v.ti}::text[], ${v.co}::text[], ${v.ind}::text[], ${v.sz}::int[],
        ${v.li}::text[], ${v.find}::bool[], ${v.tAt}::timestamptz[], ${v.tSource}::text[], ${v.tCampaign}::text[])
        AS s(id, fn, ln, ti, co, ind, sz, li, find, t_at, t_source, t_campaign)
      LEFT JOIN LATERAL (
        (SELECT occurred_at, source, campaign FROM marketing_events
        WHERE s.find AND org_id = ${v.orgId}::uuid AND contact_id = s.id AND source <> 'relay-link'
        ORDER BY occurred_at, id LIMIT 1)
        UNION ALL
        SELECT s.t_at, s.t_source, s.t_campaign WHERE s.t_at IS NOT NULL
      ) e ON true
    )
    UPDATE contacts c SET ${sql.join(
      written.map(([column, value]) => sql`${sql.raw(column)} = ${value}`),
      sql`, `,
    )}, updated_at = now()
    FROM s
    WHERE c.org_id = ${v.orgId}::uuid AND c.id = ANY(${v.ids}::uuid[]) AND c.id = s.id
      -- A contact nothing changes on is left alone (a first touch that stays, firmographics as stored): a contact's row
      -- is written whole with every one of its indexes.
      AND (${sql.join(
        written.map(([column]) => sql`c.${sql.raw(column)}`),
        sql`, `,
      )}) IS DISTINCT FROM (${sql.join(
        written.map(([, value]) => value),
        sql`, `,
      )})`,
  )
}

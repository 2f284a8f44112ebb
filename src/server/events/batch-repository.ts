// The two statements of an ingest batch (events/service.ts): stageBatch() finds, locks or creates the batch's contacts
// and writes its events; writeBatch() writes the scores, buckets, firmographics and first touches that follow.
import { randomUUID } from "node:crypto"
import type { SQL } from "drizzle-orm"
import { type Executor, pgArray, pgColumn, preparedRows, sql } from "../db/client"
import type { EventInput } from "../../shared/contracts/events"
import { type ContactFields, type EventRow, eventColumns, firmographicColumns } from "./repository"

/** An event line of an ingest batch, before its contact is known: its email instead of the contact id. */
export type BatchEvent = Omit<EventRow, "contactId"> & { email: string }

/** A contact of the batch as stageBatch() left it: locked (or just created), with what its score reads (as stored). */
export interface BatchContact {
  email: string
  contactId: string
  created: boolean
  stage: string
  title: string | null
  industry: string | null
  companySize: number | null
  fit: number
  value: number
  at: Date
}

/**
 * The first stage of an ingest batch, one statement: finds the batch's contacts by email and locks the known ones
 * (first, in id order, for the whole transaction: two batches in flight that share contacts queue instead of
 * deadlocking; FOR NO KEY UPDATE, the lock the update takes anyway, so that activities logged for them meanwhile,
 * whose foreign key only shares the contact's key, do not wait for the batch), inserts the events (a (source,
 * external_id) seen before is skipped), and creates the missing contacts with their email, the firmographics sent,
 * their first touch (the earliest of their new events that is not a tracked-link view) and the score `asNew` gives,
 * so that a new contact is written once (writeBatch() corrects the score only when some of its events turned out to
 * be duplicates).
 * Returns each contact's score state, with the firmographics sent merged in (a value sent wins, one left out is
 * kept; writeBatch() stores them on known contacts), the events that were new, and the score buckets those of known
 * contacts fall in (by `contactId|type|day`, as scoreEvents() reads them).
 */
export async function stageBatch(
  ex: Executor,
  orgId: string,
  people: Map<string, EventInput["contact"]>,
  events: BatchEvent[],
  /** By email: the score a contact would have if it were created here (its stored state the moment it is inserted). */
  asNew: Map<string, { fit: number; value: number; at: Date }>,
) {
  const emails = [...people.keys()]
  if (emails.length === 0) return { contacts: [] as BatchContact[], inserted: [] as NewEventRow[], buckets: new Map<string, number>() }
  const all = emails.map((e) => people.get(e))
  const r = await preparedRows<
    {
      kind: "c" | "d" | "b"
      email: string | null
      contactId: string
      created: boolean | null
      stage: string | null
      title: string | null
      industry: string | null
      companySize: number | null
      fit: number | null
      value: number | string | null
      at: string | Date | null
      type: string | null
      day: string | null
      points: number | null
      line: number | null
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
      newFit: pgArray(emails.map((e) => String(asNew.get(e)!.fit))),
      newValue: pgArray(emails.map((e) => String(asNew.get(e)!.value))),
      newAt: pgArray(emails.map((e) => asNew.get(e)!.at.toISOString())),
      eEmail: pgArray(events.map((e) => e.email)),
      ...eventColumns(events),
    },
    (v) => sql`
    WITH v AS (
      SELECT * FROM unnest(${v.emails}::text[], ${v.fn}::text[], ${v.ln}::text[], ${v.ti}::text[], ${v.co}::text[], ${v.ind}::text[], ${v.sz}::int[],
        ${v.li}::text[], ${v.newId}::uuid[], ${v.newFit}::int[], ${v.newValue}::float8[], ${v.newAt}::timestamptz[])
        AS v(email, fn, ln, ti, co, ind, sz, li, new_id, new_fit, new_value, new_at)
    ),
    -- One index probe per email (LIMIT keeps it a probe: joined, the planner may read all the org's emails instead).
    found AS MATERIALIZED (
      SELECT v.email, ce.contact_id FROM v
      CROSS JOIN LATERAL (SELECT contact_id FROM contact_emails WHERE org_id = ${v.orgId}::uuid AND email = v.email LIMIT 1) ce
    ),
    locked AS MATERIALIZED (
      SELECT c.id, c.stage, c.title, c.industry, c.company_size, c.fit_score, c.engagement_value, c.engagement_at
      FROM contacts c WHERE c.org_id = ${v.orgId}::uuid AND c.id IN (SELECT contact_id FROM found) ORDER BY c.id FOR NO KEY UPDATE
    ),
    p AS MATERIALIZED (
      SELECT v.*, coalesce(f.contact_id, v.new_id) AS id, f.contact_id IS NULL AS created FROM v LEFT JOIN found f ON f.email = v.email
    ),
    ev AS (
      INSERT INTO marketing_events (org_id, contact_id, type, occurred_at, campaign, asset_id, source, external_id, properties)
      SELECT ${v.orgId}::uuid, p.id, e.t, e.o, e.ca, e.a::uuid, e.s, e.x, e.p::jsonb
      FROM unnest(${v.eEmail}::text[], ${v.eType}::text[], ${v.eAt}::timestamptz[], ${v.eCampaign}::text[], ${v.eAsset}::text[],
        ${v.eSource}::text[], ${v.eExternal}::text[], ${v.eProps}::text[]) WITH ORDINALITY AS e(email, t, o, ca, a, s, x, p, n)
      JOIN p ON p.email = e.email
      -- The known contacts are locked before any of their events is written.
      WHERE (SELECT count(*) FROM locked) >= 0
      ORDER BY e.n
      ON CONFLICT (org_id, source, external_id) DO NOTHING
      RETURNING id, contact_id, type, occurred_at, source, campaign, external_id
    ),
    first AS (
      SELECT DISTINCT ON (contact_id) contact_id, source, campaign FROM ev WHERE source <> 'relay-link' ORDER BY contact_id, occurred_at, id
    ),
    ins AS (
      INSERT INTO contacts (org_id, id, first_name, last_name, title, company, industry, company_size, linkedin, stage, source, campaign,
        fit_score, engagement_value, engagement_at)
      SELECT ${v.orgId}::uuid, p.id, p.fn, p.ln, p.ti, p.co, p.ind, p.sz, p.li, 'lead', f.source, f.campaign, p.new_fit, p.new_value, p.new_at
      FROM p LEFT JOIN first f ON f.contact_id = p.id WHERE p.created
      RETURNING id
    ),
    em AS (
      INSERT INTO contact_emails (org_id, email, contact_id, is_primary)
      SELECT ${v.orgId}::uuid, p.email, p.id, true FROM p JOIN ins ON ins.id = p.id
    ),
    -- The score buckets (contact, type, UTC day) the new events of known contacts fall in, one index probe each, as
    -- scoreEvents() needs them read first (a contact created here has none). The statement's snapshot predates its own
    -- writes, and it writes no buckets.
    bk AS (
      SELECT DISTINCT ev.contact_id, ev.type, (ev.occurred_at AT TIME ZONE 'UTC')::date AS day FROM ev JOIN p ON p.id = ev.contact_id AND NOT p.created
    )
    SELECT 'c' AS kind, p.email, p.id AS "contactId", p.created, coalesce(l.stage, 'lead') AS stage, coalesce(p.ti, l.title) AS title,
      coalesce(p.ind, l.industry) AS industry, coalesce(p.sz, l.company_size) AS "companySize",
      CASE WHEN p.created THEN p.new_fit ELSE l.fit_score END AS fit, CASE WHEN p.created THEN p.new_value ELSE l.engagement_value END AS value,
      CASE WHEN p.created THEN p.new_at ELSE l.engagement_at END AS at, NULL AS type, NULL AS day, NULL::int AS points, NULL::int AS line
    FROM p LEFT JOIN locked l ON l.id = p.id
    UNION ALL
    -- The lines whose event was stored before (numbered from 0), rather than every event stored: there are seldom any.
    SELECT 'd', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, (e.n - 1)::int
    FROM unnest(${v.eSource}::text[], ${v.eExternal}::text[]) WITH ORDINALITY AS e(s, x, n)
    WHERE NOT EXISTS (SELECT 1 FROM ev WHERE ev.source = e.s AND ev.external_id = e.x)
    UNION ALL
    SELECT 'b', NULL, bk.contact_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, bk.type, to_char(bk.day, 'YYYY-MM-DD'), b.points, NULL
    FROM bk CROSS JOIN LATERAL (
      -- LIMIT (the key allows one row anyway) keeps it a probe: joined, the planner may hash all the org's buckets instead.
      SELECT points FROM score_buckets WHERE org_id = ${v.orgId}::uuid AND contact_id = bk.contact_id AND type = bk.type AND day = bk.day LIMIT 1
    ) b`,
  )
  const contacts: BatchContact[] = []
  const skipped = new Set<number>()
  const buckets = new Map<string, number>()
  for (const x of r) {
    if (x.kind === "d") skipped.add(x.line!)
    else if (x.kind === "b") buckets.set(`${x.contactId}|${x.type}|${x.day}`, Number(x.points))
    else
      contacts.push({
        email: x.email!,
        contactId: x.contactId,
        created: x.created!,
        stage: x.stage!,
        title: x.title,
        industry: x.industry,
        companySize: x.companySize === null ? null : Number(x.companySize),
        fit: Number(x.fit),
        value: Number(x.value),
        at: new Date(x.at!),
      })
  }
  const ids = new Map(contacts.map((c) => [c.email, c.contactId]))
  const inserted = events.flatMap((e, i) =>
    skipped.has(i) ? [] : [{ contactId: ids.get(e.email)!, type: e.type, occurredAt: e.occurredAt, source: e.source }],
  )
  return { contacts, inserted, buckets }
}

type NewEventRow = Pick<EventRow, "contactId" | "type" | "occurredAt" | "source">
type Firmographics = Omit<ContactFields, "companySize"> & { companySize?: number }

/** What the last stage of an ingest batch writes on one contact. */
export interface BatchWrite {
  contactId: string
  /** The new score state, when the contact got new events. */
  score?: { fit: number; value: number; at: Date }
  /** Firmographics sent for a contact that was already known (a value sent wins, one left out is kept). */
  fields?: Firmographics
  /** Its first touch may have moved: it is found again from its events (known contacts that got new marketing events). */
  attribute: boolean
}

/** What writeBatch() sets on a contact: each column with its new value (`s`, the batch's write, and `c`, the contact). */
const written: [column: string, value: SQL][] = [
  ["fit_score", sql`coalesce(s.fit, c.fit_score)`],
  ["engagement_value", sql`coalesce(s.value, c.engagement_value)`],
  ["engagement_at", sql`coalesce(s.at, c.engagement_at)`],
  ["first_name", sql`coalesce(s.fn, c.first_name)`],
  ["last_name", sql`coalesce(s.ln, c.last_name)`],
  ["title", sql`coalesce(s.ti, c.title)`],
  ["company", sql`coalesce(s.co, c.company)`],
  ["industry", sql`coalesce(s.ind, c.industry)`],
  ["company_size", sql`coalesce(s.sz, c.company_size)`],
  ["linkedin", sql`coalesce(s.li, c.linkedin)`],
  ["source", sql`CASE WHEN s.touched THEN s.touch_source ELSE c.source END`],
  ["campaign", sql`CASE WHEN s.touched THEN s.touch_campaign ELSE c.campaign END`],
]

/**
 * The last stage of an ingest batch, one statement: the score buckets the batch filled, and each contact written
 * once with its new score, the firmographics sent and its first touch (recomputed from the events, one index probe
 * per contact, so an older event that arrives late still wins; tracked-link views never count as the first touch).
 * The contacts are the ones stageBatch() locked.
 */
export async function writeBatch(ex: Executor, orgId: string, buckets: Map<string, number>, writes: BatchWrite[]) {
  if (writes.length === 0 && buckets.size === 0) return
  const keys = [...buckets.keys()].map((k) => k.split("|") as [string, string, string])
  const w = (f: (x: BatchWrite) => string | number | boolean | null | undefined) => pgColumn(writes, f)
  await preparedRows(
    ex,
    "ingest_write_batch",
    {
      orgId,
      bContact: pgArray(keys.map((k) => k[0])),
      bType: pgArray(keys.map((k) => k[1])),
      bDay: pgArray(keys.map((k) => k[2])),
      bPoints: pgArray([...buckets.values()].map(String)),
      ids: w((x) => x.contactId),
      fit: w((x) => x.score?.fit),
      value: w((x) => x.score?.value),
      at: w((x) => x.score?.at.toISOString()),
      ...firmographicColumns(writes.map((x) => x.fields)),
      attribute: w((x) => x.attribute),
    },
    (v) => sql`
    WITH b AS (
      INSERT INTO score_buckets (org_id, contact_id, type, day, points)
      SELECT ${v.orgId}::uuid, * FROM unnest(${v.bContact}::uuid[], ${v.bType}::text[], ${v.bDay}::date[], ${v.bPoints}::int[])
      ON CONFLICT (org_id, contact_id, type, day) DO UPDATE SET points = EXCLUDED.points
    ),
    -- MATERIALIZED: the first touches are found once, one index probe per contact whose first touch may have moved.
    -- Then one primary-key probe per contact updated: the plan PostgreSQL keeps for this prepared statement sees ten
    -- rows in any unnest(), and a join of two such sets could otherwise scan one of them once per row of the other.
    s AS MATERIALIZED (
      SELECT s.*, e.touched, e.source AS touch_source, e.campaign AS touch_campaign
      FROM unnest(${v.ids}::uuid[], ${v.fit}::int[], ${v.value}::float8[], ${v.at}::timestamptz[], ${v.fn}::text[], ${v.ln}::text[],
        ${v.ti}::text[], ${v.co}::text[], ${v.ind}::text[], ${v.sz}::int[], ${v.li}::text[], ${v.attribute}::bool[])
        AS s(id, fit, value, at, fn, ln, ti, co, ind, sz, li, attribute)
      LEFT JOIN LATERAL (
        SELECT true AS touched, source, campaign FROM marketing_events
        WHERE s.attribute AND org_id = ${v.orgId}::uuid AND contact_id = s.id AND source <> 'relay-link'
        ORDER BY occurred_at, id LIMIT 1
      ) e ON true
    )
    UPDATE contacts c SET ${sql.join(
      written.map(([column, value]) => sql`${sql.raw(column)} = ${value}`),
      sql`, `,
    )}, updated_at = now()
    FROM s
    -- = ANY: the contacts are found by primary-key probes; joined to s alone, the planner scans the org's contacts
    -- whenever it guesses that is cheaper (it did at 20,000 contacts, hashing all of them for 500 updates).
    WHERE c.org_id = ${v.orgId}::uuid AND c.id = ANY(${v.ids}::uuid[]) AND c.id = s.id
      -- A contact nothing changes on is left alone (an event worth no points, a first touch that stays): a contact's row
      -- is written whole with every one of its indexes (its score columns are indexed), the largest cost of a batch.
      AND (${sql.join(
        written.map(([column]) => sql`c.${sql.raw(column)}`),
        sql`, `,
      )}) IS DISTINCT FROM (${sql.join(
        written.map(([, value]) => value),
        sql`, `,
      )})`,
  )
}

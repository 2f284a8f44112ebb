// Bulk demo data generated inside the database (generate_series + md5-based picks), so 1,000,000 contacts
// and 20,000,000 events never cross the wire row by row. md5 makes every pick a pure function of
// (row number, salt): the same seed gives the same data on PGlite and on PostgreSQL.
import { type SQL } from "drizzle-orm"
import { type Executor, pgArray, sql } from "../db/client"
import { campaigns, companyStems, companySuffixes, eventMix, firstNames, industries, lastNames, stageMix, titles } from "./data"

/** An integer in [0, n) from row number `i` and a salt. */
const pick = (i: SQL, salt: string, n: number | SQL) =>
  sql`(((('x' || substr(md5(${i}::text || ${salt}), 1, 8))::bit(32)::int) & 2147483647) % ${n})`
const arr = (values: string[]) => sql`${pgArray(values)}::text[]`
const weighted = (mix: [string, number][]) => mix.flatMap(([v, w]) => Array<string>(w).fill(v))
/** A version-4 shaped UUID from an md5, so ids are both deterministic and valid to every client. */
export const uuidFrom = (text: SQL) => sql`overlay(overlay(md5(${text}) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid`
export const contactId = (orgId: string, i: SQL | number) => uuidFrom(sql`${orgId} || ':c:' || ${i}`)

export async function generateContacts(ex: Executor, orgId: string, from: number, to: number, total: number, ownerIds: string[], salt: string, now: Date) {
  const i = sql`g.i`
  const s = (k: string) => `${salt}:${k}`
  const stages = weighted(stageMix)
  await ex.execute(sql`
    INSERT INTO contacts (org_id, id, first_name, last_name, title, company, industry, company_size, owner_id, linkedin, stage, stage_changed_at, created_at)
    SELECT ${orgId}, ${contactId(orgId, sql`c.i`)}, fn, ln, ti, co, ind, sz, ow, li, st,
      ${now.toISOString()}::timestamptz - (${pick(sql`c.i`, s("sc"), 400)} || ' days')::interval,
      ${now.toISOString()}::timestamptz - (${pick(sql`c.i`, s("cr"), 540)} + 30 || ' days')::interval
    FROM (
      SELECT g.i,
        (${arr(firstNames)})[${pick(i, s("fn"), firstNames.length)} + 1] AS fn,
        (${arr(lastNames)})[${pick(i, s("ln"), lastNames.length)} + 1] AS ln,
        (${arr(titles)})[${pick(i, s("ti"), titles.length)} + 1] AS ti,
        (${arr(companyStems)})[${pick(i, s("cs"), companyStems.length)} + 1] || ' ' || (${arr(companySuffixes)})[${pick(i, s("cx"), companySuffixes.length)} + 1] AS co,
        (${arr(industries)})[${pick(i, s("in"), industries.length)} + 1] AS ind,
        (ARRAY[12, 45, 80, 150, 320, 640, 1200, 2500, 6000, 15000])[${pick(i, s("sz"), 10)} + 1] AS sz,
        (${pgArray(ownerIds)}::uuid[])[${pick(i, s("ow"), ownerIds.length)} + 1] AS ow,
        (${arr(stages)})[${pick(i, s("st"), stages.length)} + 1] AS st,
        ${pick(i, s("li"), 10)} < 4 AS has_li
      FROM generate_series(${from}::int, ${to}::int) AS g(i)
    ) c(i, fn, ln, ti, co, ind, sz, ow, st, has_li)
    CROSS JOIN LATERAL (SELECT CASE WHEN has_li THEN lower(fn || '-' || ln || '-' || to_hex(i + ${total})) END AS li) l`)
  await ex.execute(sql`
    INSERT INTO contact_emails (org_id, email, contact_id, is_primary)
    SELECT org_id, lower(first_name || '.' || last_name || '.' || substr(id::text, 1, 6) || '@' || regexp_replace(lower(company), '[^a-z]', '', 'g') || '.example'), id, true
    FROM contacts WHERE org_id = ${orgId} AND id IN (SELECT ${contactId(orgId, sql`g.i`)} FROM generate_series(${from}::int, ${to}::int) AS g(i))
    ON CONFLICT DO NOTHING`)
}

/** Events over 18 months, more of them recent, and more for some contacts than others (as in life). */
export async function generateEvents(ex: Executor, orgId: string, from: number, to: number, contacts: number, assetIds: string[], salt: string, now: Date) {
  const i = sql`g.i`
  const s = (k: string) => `${salt}:${k}`
  const types = weighted(eventMix)
  await ex.execute(sql`
    INSERT INTO marketing_events (org_id, contact_id, type, occurred_at, campaign, asset_id, source, external_id, properties)
    SELECT ${orgId}, ${contactId(orgId, sql`(floor(${contacts} * power(r1, 1.6))::int + 1)`)}, ty,
      ${now.toISOString()}::timestamptz - make_interval(secs => power(r2, 1.8) * 540 * 86400),
      (${arr(campaigns)})[${pick(i, s("ca"), campaigns.length)} + 1],
      CASE WHEN ty IN ('content_download', 'asset_view') THEN (${pgArray(assetIds)}::uuid[])[${pick(i, s("as"), Math.max(1, assetIds.length))} + 1] END,
      CASE WHEN ${pick(i, s("so"), 3)} = 0 THEN 'hubspot' ELSE 'marketo' END,
      'seed-' || ${salt} || '-' || g.i, '{}'::jsonb
    FROM generate_series(${from}::int, ${to}::int) AS g(i)
    CROSS JOIN LATERAL (SELECT (${arr(types)})[${pick(i, s("ty"), types.length)} + 1] AS ty,
      ${pick(i, s("r1"), 1_000_000)}::float8 / 1e6 AS r1, ${pick(i, s("r2"), 1_000_000)}::float8 / 1e6 AS r2) x`)
}

/** Rep activities on contacts sales already works (sql and later). */
export async function generateActivities(ex: Executor, orgId: string, salt: string, now: Date) {
  await ex.execute(sql`
    INSERT INTO activities (org_id, id, contact_id, user_id, type, occurred_at, outcome, direction, duration_seconds, subject, notes, body_hash)
    SELECT c.org_id, ${uuidFrom(sql`c.id::text || ':a:' || n || ${salt}`)}, c.id, c.owner_id,
      (ARRAY['call','email','meeting','linkedin_message','note'])[(n % 5) + 1],
      ${now.toISOString()}::timestamptz - ((n * 7 + (abs(hashtext(c.id::text)) % 20)) || ' days')::interval,
      CASE WHEN n % 5 = 0 THEN (ARRAY['connected','left_voicemail','no_answer'])[(abs(hashtext(c.id::text || n)) % 3) + 1] END,
      CASE WHEN n % 5 IN (1, 3) THEN 'outbound' END,
      CASE WHEN n % 5 IN (0, 2) THEN 300 + abs(hashtext(c.id::text)) % 1800 END,
      CASE WHEN n % 5 = 1 THEN 'Following up on ' || coalesce(c.company, 'your team') END,
      (ARRAY['Walked through the forecasting dashboard; they want a pilot for one region.', 'Asked for pricing for 40 seats.',
        'Budget owner is the CFO; next step is a call with her.', 'Shared the fintech case study.', 'Security review scheduled for next week.',
        'Not the right time; revisit next quarter.'])[(abs(hashtext(c.id::text || n || ${salt})) % 6) + 1], 'seed'
    FROM contacts c CROSS JOIN generate_series(0, 2) AS n
    WHERE c.org_id = ${orgId} AND c.stage IN ('sql', 'opportunity', 'customer') AND c.owner_id IS NOT NULL`)
}

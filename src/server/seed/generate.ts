// Bulk demo data generated inside the database (generate_series + md5-based picks), so 1,000,000 contacts
// and 20,000,000 events never cross the wire row by row. md5 makes every pick a pure function of
// (row number, salt): the same seed gives the same data on PGlite and on PostgreSQL.
import { type Executor, pgArray, sql } from "../db/client"
import { attributeFirstTouch } from "../events/repository"
import { campaigns, companyStems, companySuffixes, eventMix, firstNames, industries, lastNames, stageMix, titles } from "./data"
import { arr, contactId, contactRange, days, pick, ts, unit, weighted } from "./picks"
import { story } from "./story"

export { contactId, uuidFrom } from "./picks"

/** Generated contacts in `stage` whose firmographics are off-profile: the "not a fit" rejections of the story. */
const offProfile = (i: ReturnType<typeof sql>, stage: ReturnType<typeof sql>, salt: string) =>
  sql`(${stage} = 'recycled' AND ${pick(i, `${salt}:nf`, 100)} < ${story.notAFitPercent})`

export async function generateContacts(ex: Executor, orgId: string, from: number, to: number, total: number, ownerIds: string[], salt: string, now: Date) {
  const i = sql`g.i`
  const s = (k: string) => `${salt}:${k}`
  const stages = weighted(stageMix)
  const off = story.offProfile
  const r = unit(sql`c.i`, s("mq"))
  // When the contact became an MQL, by how far along it is now: waiting MQLs in the last ten days (most of
  // them in the last few), sales-stage contacts weeks to months ago (at least a week, so touch and decision fit before now).
  const mqlAt = sql`CASE c.st
    WHEN 'mql' THEN ${ts(now)} - ${days(sql`10 * power(${r}, 1.5)`)}
    WHEN 'sql' THEN ${ts(now)} - ${days(sql`7 + 176 * power(${r}, 1.3)`)}
    WHEN 'recycled' THEN ${ts(now)} - ${days(sql`7 + 176 * power(${r}, 1.3)`)}
    WHEN 'opportunity' THEN ${ts(now)} - ${days(sql`14 + 236 * power(${r}, 1.2)`)}
    WHEN 'customer' THEN ${ts(now)} - ${days(sql`30 + 300 * ${r}`)} END`
  await ex.execute(sql`
    INSERT INTO contacts (org_id, id, first_name, last_name, title, company, industry, company_size, owner_id, linkedin, stage, stage_changed_at, mql_at, created_at)
    SELECT ${orgId}, ${contactId(orgId, sql`c.i`)}, c.fn, c.ln,
      CASE WHEN c.nf THEN (${arr(off.titles)})[${pick(sql`c.i`, s("nt"), off.titles.length)} + 1] ELSE c.ti END, c.co,
      CASE WHEN c.nf THEN (${arr(off.industries)})[${pick(sql`c.i`, s("ni"), off.industries.length)} + 1] ELSE c.ind END,
      CASE WHEN c.nf THEN (${pgArray(off.sizes.map(String))}::int[])[${pick(sql`c.i`, s("ns"), off.sizes.length)} + 1] ELSE c.sz END,
      c.ow, l.li, c.st,
      coalesce(m.mql_at, ${ts(now)} - (${pick(sql`c.i`, s("sc"), 400)} || ' days')::interval),
      m.mql_at,
      LEAST(${ts(now)} - (${pick(sql`c.i`, s("cr"), 540)} + 30 || ' days')::interval, m.mql_at - ${days(sql`5 + ${pick(sql`c.i`, s("cm"), 60)}`)})
    FROM (
      SELECT g.i,
        (${arr(firstNames)})[${pick(i, s("fn"), firstNames.length)} + 1] AS fn,
        (${arr(lastNames)})[${pick(i, s("ln"), lastNames.length)} + 1] AS ln,
        (${arr(titles)})[${pick(i, s("ti"), titles.length)} + 1] AS ti,
        (${arr(companyStems)})[${pick(i, s("cs"), companyStems.length)} + 1] || ' ' || (${arr(companySuffixes)})[${pick(i, s("cx"), companySuffixes.length)} + 1] AS co,
        (${arr(industries)})[${pick(i, s("in"), industries.length)} + 1] AS ind,
        (ARRAY[12, 45, 80, 150, 320, 640, 1200, 2500, 6000, 15000])[${pick(i, s("sz"), 10)} + 1] AS sz,
        (${pgArray(ownerIds)}::uuid[])[${pick(i, s("ow"), ownerIds.length)} + 1] AS ow,
        st.st,
        ${offProfile(i, sql`st.st`, salt)} AS nf,
        ${pick(i, s("li"), 10)} < 4 AS has_li
      FROM generate_series(${from}::int, ${to}::int) AS g(i)
      CROSS JOIN LATERAL (SELECT (${arr(stages)})[${pick(i, s("st"), stages.length)} + 1] AS st) st
    ) c
    CROSS JOIN LATERAL (SELECT CASE WHEN c.has_li THEN lower(c.fn || '-' || c.ln || '-' || to_hex(c.i + ${total})) END AS li) l
    CROSS JOIN LATERAL (SELECT ${mqlAt} AS mql_at) m`)
  await ex.execute(sql`
    INSERT INTO contact_emails (org_id, email, contact_id, is_primary)
    SELECT org_id, lower(first_name || '.' || last_name || '.' || substr(id::text, 1, 6) || '@' || regexp_replace(lower(company), '[^a-z]', '', 'g') || '.example'), id, true
    FROM contacts WHERE org_id = ${orgId} AND id IN (${contactRange(orgId, from, to)})
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
      ${ts(now)} - make_interval(secs => power(r2, 1.8) * 540 * 86400),
      (${arr(campaigns)})[${pick(i, s("ca"), campaigns.length)} + 1],
      CASE WHEN ty IN ('content_download', 'asset_view') THEN (${pgArray(assetIds)}::uuid[])[${pick(i, s("as"), Math.max(1, assetIds.length))} + 1] END,
      CASE WHEN ${pick(i, s("so"), 3)} = 0 THEN 'hubspot' ELSE 'marketo' END,
      'seed-' || ${salt} || '-' || g.i, '{}'::jsonb
    FROM generate_series(${from}::int, ${to}::int) AS g(i)
    CROSS JOIN LATERAL (SELECT (${arr(types)})[${pick(i, s("ty"), types.length)} + 1] AS ty,
      ${pick(i, s("r1"), 1_000_000)}::float8 / 1e6 AS r1, ${pick(i, s("r2"), 1_000_000)}::float8 / 1e6 AS r2) x`)
}

/**
 * The off-profile leads of the story went to webinars just before they became MQLs: registered, attended
 * one a few weeks earlier and one in the last two days. Those points are what carried them over the threshold.
 */
export async function generateWebinarEvents(ex: Executor, orgId: string, from: number, to: number, salt: string) {
  const i = sql`g.i`
  const s = (k: string) => `${salt}:${k}`
  const [a, b] = ["Q1 RevOps webinar series", "Forecasting masterclass"]
  await ex.execute(sql`
    INSERT INTO marketing_events (org_id, contact_id, type, occurred_at, campaign, asset_id, source, external_id, properties)
    SELECT ${orgId}, c.id, v.type, v.at, v.campaign, NULL, 'marketo', 'seed-' || ${salt} || '-w' || v.n || '-' || g.i, jsonb_build_object('title', v.campaign)
    FROM generate_series(${from}::int, ${to}::int) AS g(i)
    JOIN contacts c ON c.org_id = ${orgId} AND c.id = ${contactId(orgId, i)}
    CROSS JOIN LATERAL (VALUES
      (1, 'webinar_registered', c.mql_at - ${days(sql`4 + 6 * ${unit(i, s("w1"))}`)}, ${a}::text),
      (2, 'webinar_attended', c.mql_at - make_interval(secs => (2 + 46 * ${unit(i, s("w2"))}) * 3600), ${a}::text),
      (3, 'webinar_attended', c.mql_at - ${days(sql`9 + 20 * ${unit(i, s("w3"))}`)}, ${b}::text)) AS v(n, type, at, campaign)
    WHERE ${offProfile(i, sql`c.stage`, salt)}`)
}

/** First-touch source and campaign, the way ingest sets them: from each contact's earliest event. */
export async function attributeContacts(ex: Executor, orgId: string, from: number, to: number) {
  await attributeFirstTouch(ex, orgId, contactRange(orgId, from, to))
}

/** The story's poor campaign: sales sends back two thirds of the leads it would otherwise have accepted. */
export async function degradePoorCampaign(ex: Executor, orgId: string, from: number, to: number, salt: string) {
  await ex.execute(sql`
    UPDATE contacts SET stage = 'recycled'
    WHERE org_id = ${orgId} AND id IN (${contactRange(orgId, from, to)}) AND campaign = ${story.poorCampaign}
      AND stage IN ('sql', 'opportunity', 'customer') AND ${pick(sql`id`, `${salt}:pq`, 100)} < 65`)
}

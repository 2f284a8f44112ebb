// Reps sharing assets with the contacts of the journey table, the tracked-link hits that followed (people,
// and the mail scanners and link previews that open a link before anyone reads it), and whether it helped.
// About one share per five contacts at any size.
import { type Executor, sql } from "../db/client"
import { hours, linkCode, oneOf, pick, ts, unit, uuidFrom, uuids, weighted } from "./picks"

export interface ContentOptions {
  salt: string
  now: Date
  /** The ROI and pricing assets of the story, the assets reps share with accepted leads, and all of them. */
  roi: string[]
  late: string[]
  all: string[]
}

const channels = weighted<string>([
  ["gmail", 9],
  ["outlook", 5],
  ["linkedin", 3],
  ["copy", 3],
])

/**
 * Three chances per contact: a share while it is an MQL (the story: accepted leads got the ROI and pricing
 * material far more often), one while it is an SQL and one while it is an opportunity (proof and objection
 * handling; more of those for the contacts that went on to the next stage).
 */
export async function generateShares(tx: Executor, orgId: string, o: ContentOptions) {
  const s = (k: string) => `${o.salt}:${k}`
  const id = sql`j.id`
  const key = sql`(j.id::text || ':' || v.n)`
  const other = o.all.filter((a) => !o.roi.includes(a))
  const pickFrom = (ids: string[], k: string) => sql`(${uuids(ids)})[${pick(key, s(k), ids.length)} + 1]`
  const mqlShare = sql`CASE j.decision WHEN 'accept' THEN ${pick(id, s("sa"), 100)} < 35 WHEN 'reject' THEN ${pick(id, s("sa"), 100)} < 12
    ELSE j.touch_at < ${ts(o.now)} AND ${pick(id, s("sa"), 100)} < 15 END`
  const roiShare = sql`${pick(id, s("sr"), 100)} < CASE WHEN j.decision = 'accept' THEN 60 ELSE 25 END`
  const sqlShare = sql`j.decision = 'accept' AND ${pick(id, s("sb"), 100)} < CASE j.stage WHEN 'sql' THEN 15 ELSE 40 END`
  const oppShare = sql`j.opp_at IS NOT NULL AND ${pick(id, s("so"), 100)} < CASE j.stage WHEN 'customer' THEN 45 ELSE 25 END`
  await tx.execute(sql`
    INSERT INTO asset_shares (org_id, id, asset_id, contact_id, user_id, channel, code, shared_at, created_at, body_hash)
    SELECT ${orgId}, ${uuidFrom(sql`j.id::text || ':s:' || v.n || ${o.salt}`)},
      CASE WHEN v.n = 0 THEN CASE WHEN ${roiShare} THEN ${pickFrom(o.roi, "ra")} ELSE ${pickFrom(other.length ? other : o.all, "oa")} END
        ELSE ${pickFrom(o.late, "la")} END,
      j.id, j.owner, ${oneOf(channels, key, s("ch"))}, ${linkCode(sql`${orgId} || ':' || j.id::text || ':' || v.n || ${o.salt}`)}, v.at, v.at, 'seed'
    FROM seed_journey j
    CROSS JOIN LATERAL (VALUES
      (0, ${mqlShare}, j.touch_at + (coalesce(j.decided_at, ${ts(o.now)}) - j.touch_at) * (0.1 + 0.8 * ${unit(id, s("t0"))})),
      (1, ${sqlShare}, j.decided_at + (coalesce(j.opp_at, ${ts(o.now)}) - j.decided_at) * (0.1 + 0.8 * ${unit(id, s("t1"))})),
      (2, ${oppShare}, j.opp_at + (coalesce(j.cust_at, ${ts(o.now)}) - j.opp_at) * (0.1 + 0.8 * ${unit(id, s("t2"))}))) AS v(n, ok, at)
    WHERE v.ok AND v.at < ${ts(o.now)}`)
}

// What bots.ts would say about these hits, so seeded flags read like real ones.
const scanners: [ua: string | null, method: string, reason: string][] = [
  ["Mozilla/5.0 (Windows NT 10.0; Microsoft Office/16.0; Safe Links)", "GET", "scanner: Microsoft Office"],
  ["Mimecast URL Protect/2.1", "GET", "scanner: Mimecast"],
  ["Proofpoint URL Defense", "GET", "scanner: Proofpoint"],
  [null, "HEAD", "HEAD request (link checker)"],
]
const browsers = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
]

/** Views of the batch's shares: 0–3 by the person, plus a scanner hit on many emailed links and a preview bot on LinkedIn. */
export async function generateViews(tx: Executor, orgId: string, o: ContentOptions) {
  const s = (k: string) => `${o.salt}:${k}`
  const sid = sql`s.id`
  const key = sql`(s.id::text || ':' || k.n)`
  const humans = sql`(ARRAY[0,0,0,1,1,1,1,2,2,3])[${pick(sid, s("vh"), 10)} + 1]`
  const scannerArr = (col: 0 | 1 | 2) =>
    sql`(ARRAY[${sql.join(
      scanners.map((x) => sql`${x[col]}::text`),
      sql`, `,
    )}])[${pick(sid, s("vs"), scanners.length)} + 1]`
  await tx.execute(sql`
    INSERT INTO asset_views (org_id, share_id, asset_id, contact_id, at, user_agent, method, flagged, flag_reason)
    SELECT ${orgId}, s.id, s.asset_id, s.contact_id, v.at, v.ua, v.method, v.reason IS NOT NULL, v.reason
    FROM asset_shares s
    JOIN seed_journey j ON j.id = s.contact_id
    CROSS JOIN LATERAL (
      SELECT s.shared_at + ${hours(sql`0.2 + 72 * power(${unit(key, s("vt"))}, 2)`)} AS at,
        ${oneOf(browsers, key, s("vb"))} AS ua, 'GET' AS method, NULL::text AS reason
      FROM generate_series(1, ${humans}) AS k(n)
      UNION ALL
      SELECT s.shared_at + make_interval(secs => 1 + ${pick(sid, s("vd"), 8)}), ${scannerArr(0)}, ${scannerArr(1)}, ${scannerArr(2)}
      WHERE s.channel IN ('gmail', 'outlook') AND ${pick(sid, s("vx"), 100)} < 45
      UNION ALL
      SELECT s.shared_at + make_interval(secs => 2 + ${pick(sid, s("vd"), 20)}), 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)', 'GET', 'scanner: LinkedInBot'
      WHERE s.channel = 'linkedin' AND ${pick(sid, s("vx"), 100)} < 50
    ) v
    WHERE s.org_id = ${orgId} AND s.body_hash = 'seed' AND v.at < ${ts(o.now)}`)
}

/** A third of shares get "helped / didn't help" from the rep: the ROI and pricing material helps more, and more where the deal moved. */
export async function generateAssetFeedback(tx: Executor, orgId: string, o: ContentOptions) {
  const s = (k: string) => `${o.salt}:${k}`
  const sid = sql`s.id`
  const chance = sql`(CASE WHEN s.asset_id = ANY(${uuids(o.roi)}) THEN 78 ELSE 52 END + CASE WHEN j.stage IN ('opportunity', 'customer') THEN 12 WHEN j.stage = 'recycled' THEN -20 ELSE 0 END)`
  await tx.execute(sql`
    INSERT INTO asset_feedback (org_id, id, asset_id, contact_id, user_id, helped, note, body_hash, created_at)
    SELECT ${orgId}, ${uuidFrom(sql`s.id::text || ':f:' || ${o.salt}`)}, s.asset_id, s.contact_id, s.user_id, h.helped,
      CASE WHEN ${pick(sid, s("fn"), 3)} = 0 THEN CASE WHEN h.helped THEN 'They forwarded it to their CFO.' ELSE 'Too generic for their industry.' END END,
      'seed', s.shared_at + ${hours(sql`20 + 100 * ${unit(sid, s("ft"))}`)}
    FROM asset_shares s
    JOIN seed_journey j ON j.id = s.contact_id
    CROSS JOIN LATERAL (SELECT ${pick(sid, s("fh"), 100)} < ${chance} AS helped) h
    WHERE s.org_id = ${orgId} AND s.body_hash = 'seed' AND ${pick(sid, s("fb"), 100)} < 35
      AND s.shared_at + ${hours(sql`20 + 100 * ${unit(sid, s("ft"))}`)} < ${ts(o.now)}`)
}

import { writeFileSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import type { Db } from "../db/client"
import { one, pgArray, sql } from "../db/client"
import { createOrg, createToken, createUser } from "../auth/service"
import { getSettings } from "../settings/service"
import { rescoreOrg } from "../scores/service"
import { attributeFirstTouch } from "../events/repository"
import type { Role } from "../../shared/contracts/common"
import { demoAssets } from "./data"
import { attributeContacts, degradePoorCampaign, generateContacts, generateEvents, generateWebinarEvents, uuidFrom } from "./generate"
import { createJourneyTable, generateActivities, generateHandoffs, generateStageHistory, type JourneyOptions } from "./journey"
import { generateAssetFeedback, generateShares, generateViews, type ContentOptions } from "./content"
import { acmeUsers, globexUsers } from "./people"
import { uuidOf } from "./picks"
import { isLateStageAsset, isRoiAsset, story } from "./story"
import { seedShowcase, seedShowcaseHistory } from "./showcase-events"
import { showcaseContacts, showcaseViewer } from "./showcase"

export const demoOrgs = { acme: "a0000000-0000-4000-8000-000000000001", globex: "b0000000-0000-4000-8000-000000000002" }

export interface Credential {
  org: string
  email: string
  role: Role
  token: string
}
export interface SeedOptions {
  contacts?: number
  events?: number
  seed?: string
  now?: Date
  log?: (msg: string) => void
}

/** True when the database has no organizations yet (first start). */
export async function isEmpty(db: Db) {
  return !(await one(db, sql`SELECT 1 FROM orgs LIMIT 1`))
}

/** Contacts per batch: each statement's work (and PGlite's memory) stays the same whatever the total. */
const contactBatch = 200_000
const eventBatch = 1_000_000

/**
 * Seeds "Acme Analytics" (the demo org, large) and "Globex" (small, for isolation), replacing any
 * earlier demo data. Returns a fresh token per demo user: tokens are secrets, never derived from the seed.
 * Order matters: events before scoring, scoring before MQL promotion, attribution before the journeys
 * (the poor campaign is a first-touch campaign), journeys last (they read stage, fit and score).
 */
export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<Credential[]> {
  const contacts = opts.contacts ?? 5000
  const events = opts.events ?? 100_000
  const salt = opts.seed ?? "relay"
  const now = opts.now ?? new Date()
  const log = opts.log ?? (() => {})
  const started = Date.now()
  let lap = started
  const step = (msg: string) => {
    const t = Date.now()
    log(`${msg} (${((t - started) / 1000).toFixed(1)} s, step ${((t - lap) / 1000).toFixed(1)} s)`)
    lap = t
  }

  await removeOrg(db, demoOrgs.acme)
  await removeOrg(db, demoOrgs.globex)
  const creds: Credential[] = []
  for (const [orgId, name, users, size] of [
    [demoOrgs.acme, "Acme Analytics", acmeUsers, { contacts, events }],
    [demoOrgs.globex, "Globex", globexUsers, { contacts: Math.min(200, contacts), events: Math.min(2000, events) }],
  ] as const) {
    await createOrg(db, name, orgId)
    const ids: Record<string, string> = {}
    for (const u of users) {
      // Fixed ids: the same seed gives the same owners, so everything derived from them is reproducible too.
      ids[u.email] = await createUser(db, orgId, u, uuidOf(`${orgId}:user:${u.email}`))
      if (u.team) await db.execute(sql`UPDATE users SET team = ${u.team} WHERE org_id = ${orgId} AND id = ${ids[u.email]}`)
    }
    const reps = users.filter((u) => u.role === "rep").map((u) => ids[u.email]!)
    const assets = orgId === demoOrgs.acme ? demoAssets() : demoAssets().slice(0, 8)
    const assetIds = await insertAssets(db, orgId, assets)
    const batches = ranges(size.contacts, contactBatch)
    for (const [from, to] of batches) {
      await generateContacts(db, orgId, from, to, size.contacts, reps, salt, now)
      step(`${name}: ${to} contacts`)
    }
    for (const [from, to] of ranges(size.events, eventBatch)) {
      await generateEvents(db, orgId, from, to, size.contacts, assetIds, salt, now)
      step(`${name}: ${to} events`)
    }
    for (const [from, to] of batches) await generateWebinarEvents(db, orgId, from, to, salt)
    if (orgId === demoOrgs.acme) await seedShowcase(db, orgId, ids[showcaseViewer.email]!, assetIds, now)
    step(`${name}: story events`)
    const settings = await getSettings(db, orgId)
    await db.transaction((tx) => rescoreOrg(tx, orgId, settings.scoring, now))
    await promoteMqls(db, orgId, settings.mqlThreshold, settings.scoring.engagementMax, salt, now)
    // Statistics that describe the bulk load, before the statements that join contacts with events and shares.
    await db.execute(sql`ANALYZE contacts, marketing_events, asset_shares`)
    step(`${name}: scored`)
    for (const [from, to] of batches) {
      await attributeContacts(db, orgId, from, to)
      await degradePoorCampaign(db, orgId, from, to, salt)
    }
    if (orgId === demoOrgs.acme) await attributeFirstTouch(db, orgId, sql`SELECT unnest(${pgArray(showcaseContacts.map((c) => c.id))}::uuid[])`)
    step(`${name}: first-touch attribution`)
    const slow = users.find((u) => u.email === story.slowRep)
    const journey: JourneyOptions = {
      salt,
      now,
      threshold: settings.mqlThreshold,
      engagementMax: settings.scoring.engagementMax,
      slowRepId: slow ? ids[slow.email]! : null,
    }
    const content: ContentOptions = {
      salt,
      now,
      all: assetIds,
      roi: orOthers(
        assetIds.filter((_, n) => isRoiAsset(assets[n]!)),
        assetIds,
      ),
      late: orOthers(
        assetIds.filter((_, n) => isLateStageAsset(assets[n]!)),
        assetIds,
      ),
    }
    for (const [from, to] of batches) {
      await db.transaction(async (tx) => {
        await createJourneyTable(tx, orgId, from, to, journey)
        await generateStageHistory(tx, orgId)
        await generateHandoffs(tx, orgId, journey)
        await generateActivities(tx, orgId, journey)
        await generateShares(tx, orgId, content)
        await tx.execute(sql`ANALYZE asset_shares`)
        await generateViews(tx, orgId, content)
        await generateAssetFeedback(tx, orgId, content)
      })
      step(`${name}: journeys of contacts up to ${to}`)
    }
    if (orgId === demoOrgs.acme) await seedShowcaseHistory(db, orgId, ids[showcaseViewer.email]!, now)
    // Fresh planner statistics: a bulk load leaves them describing empty tables.
    await db.execute(sql`ANALYZE`)
    step(`${name}: analyzed`)
    for (const u of users) creds.push({ org: name, email: u.email, role: u.role, token: (await createToken(db, orgId, u.email, "demo")).token })
  }
  await compact(db)
  step("compacted")
  return creds
}

/**
 * The journeys rewrite rows many times inside each batch's transaction (the rollup triggers of migrations 0005 to
 * 0013 update an MQL's row on every touch, decision and stage change, and a change's row as later ones arrive),
 * where nothing can reclaim the old versions: at 100,000 contacts mql_outcomes took 142 MB for 30,000 rows, 10 MB
 * once rewritten. Rewritten compact, mql_outcomes in time order as its rows arrive in use, so a report reads a
 * period from neighbouring pages; VACUUM then marks every page all-visible for the index-only scans.
 */
async function compact(db: Db) {
  await db.execute(sql`CLUSTER mql_outcomes USING mql_outcomes_at`)
  await db.execute(sql`VACUUM FULL contacts, stage_changes, asset_shares, activities, handoffs, rep_activity_days, mql_band_days, mql_rule_days`)
  await db.execute(sql`VACUUM ANALYZE`)
}

/** [from, to] row ranges of at most `size`, numbered from 1. */
function ranges(total: number, size: number): [number, number][] {
  const out: [number, number][] = []
  for (let from = 1; from <= total; from += size) out.push([from, Math.min(total, from + size - 1)])
  return out
}

const orOthers = (some: string[], all: string[]) => (some.length > 0 ? some : all)

async function insertAssets(db: Db, orgId: string, assets: ReturnType<typeof demoAssets>) {
  const ids: string[] = []
  for (const [n, a] of assets.entries()) {
    const r = await one<{ id: string }>(
      db,
      sql`
      INSERT INTO assets (org_id, id, title, url, kind, description, stages, personas, industries, topics)
      VALUES (${orgId}, ${uuidFrom(sql`${orgId} || ':a:' || ${n}`)}, ${a.title}, ${a.url}, ${a.kind}, ${a.description},
        ${pgArray(a.stages)}::text[], ${pgArray(a.personas)}::text[], ${pgArray(a.industries)}::text[], ${pgArray(a.topics)}::text[]) RETURNING id`,
    )
    ids.push(r!.id)
  }
  return ids
}

/** A lead whose seeded history already crosses the threshold is an MQL, its clock started in the last two weeks. */
async function promoteMqls(db: Db, orgId: string, threshold: number, engagementMax: number, salt: string, now: Date) {
  await db.execute(sql`
    UPDATE contacts SET stage = 'mql', stage_changed_at = t.at, mql_at = t.at
    FROM (SELECT c.id, s.fit_score + LEAST(${engagementMax}::int, s.engagement_value) AS score,
            ${now.toISOString()}::timestamptz - ((abs(hashtext(c.id::text || ${salt})) % 20160) || ' minutes')::interval AS at
          FROM contacts c JOIN contact_scores s ON s.org_id = c.org_id AND s.contact_id = c.id WHERE c.org_id = ${orgId}) t
    WHERE contacts.org_id = ${orgId} AND contacts.id = t.id
      AND ((contacts.stage IN ('subscriber', 'lead') AND t.score >= ${threshold})
        OR (contacts.stage = 'mql' AND contacts.mql_at IS NULL))`)
}

async function removeOrg(db: Db, orgId: string) {
  await db.transaction(async (tx) => {
    // mql_outcomes and rep_activity_days are kept by triggers from the tables below; cleared first, not decremented row by row
    // (mql_outcomes' own rollups after it, which its delete has brought to 0).
    for (const t of [
      "sessions",
      "api_tokens",
      "mql_outcomes",
      "mql_band_days",
      "mql_rule_days",
      "rep_activity_days",
      "asset_views",
      "asset_feedback",
      "asset_shares",
      "lead_feedback",
      "handoffs",
      "activities",
      "score_buckets",
      "marketing_events",
      "stage_changes",
      "contact_emails",
      "contacts",
      "assets",
      "users",
      "org_settings",
    ]) {
      await tx.execute(sql`DELETE FROM ${sql.identifier(t)} WHERE org_id = ${orgId}`)
    }
    await tx.execute(sql`DELETE FROM orgs WHERE id = ${orgId}`)
  })
}

export function writeCredentials(dataDir: string, creds: Credential[]) {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, "demo-credentials.json")
  writeFileSync(file, JSON.stringify(creds, null, 2) + "\n", { mode: 0o600 })
  return file
}

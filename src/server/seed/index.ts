import { writeFileSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import type { Db } from "../db/client"
import { one, pgArray, sql } from "../db/client"
import { createOrg, createToken, createUser } from "../auth/service"
import { getSettings } from "../settings/service"
import { rescoreOrg } from "../scores/service"
import type { Role } from "../../shared/contracts/common"
import { demoAssets } from "./data"
import { generateActivities, generateContacts, generateEvents, uuidFrom } from "./generate"
import { seedShowcase } from "./showcase-events"
import { showcaseViewer } from "./showcase"

export const demoOrgs = { acme: "a0000000-0000-4000-8000-000000000001", globex: "b0000000-0000-4000-8000-000000000002" }

const acmeUsers: { email: string; name: string; role: Role }[] = [
  { email: showcaseViewer.email, name: showcaseViewer.name, role: "rep" },
  { email: "jordan.vega@acme-analytics.example", name: "Jordan Vega", role: "rep" },
  { email: "sam.okafor@acme-analytics.example", name: "Sam Okafor", role: "marketer" },
  { email: "alex.morgan@acme-analytics.example", name: "Alex Morgan", role: "admin" },
]
const globexUsers: { email: string; name: string; role: Role }[] = [
  { email: "casey.lund@globex.example", name: "Casey Lund", role: "rep" },
  { email: "morgan.reyes@globex.example", name: "Morgan Reyes", role: "marketer" },
  { email: "taylor.brandt@globex.example", name: "Taylor Brandt", role: "admin" },
]

export interface Credential { org: string; email: string; role: Role; token: string }
export interface SeedOptions { contacts?: number; events?: number; seed?: string; now?: Date; log?: (msg: string) => void }

/** True when the database has no organizations yet (first start). */
export async function isEmpty(db: Db) {
  return !(await one(db, sql`SELECT 1 FROM orgs LIMIT 1`))
}

/**
 * Seeds "Acme Analytics" (the demo org, large) and "Globex" (small, for isolation), replacing any
 * earlier demo data. Returns a fresh token per demo user: tokens are secrets, never derived from the seed.
 */
export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<Credential[]> {
  const contacts = opts.contacts ?? 5000
  const events = opts.events ?? 100_000
  const salt = opts.seed ?? "relay"
  const now = opts.now ?? new Date()
  const log = opts.log ?? (() => {})
  const started = Date.now()
  const step = (msg: string) => log(`${msg} (${((Date.now() - started) / 1000).toFixed(1)} s)`)

  await removeOrg(db, demoOrgs.acme)
  await removeOrg(db, demoOrgs.globex)
  const creds: Credential[] = []
  for (const [orgId, name, users, size] of [
    [demoOrgs.acme, "Acme Analytics", acmeUsers, { contacts, events }],
    [demoOrgs.globex, "Globex", globexUsers, { contacts: Math.min(200, contacts), events: Math.min(2000, events) }],
  ] as const) {
    await createOrg(db, name, orgId)
    const ids: Record<string, string> = {}
    for (const u of users) ids[u.email] = await createUser(db, orgId, u)
    const reps = users.filter((u) => u.role === "rep").map((u) => ids[u.email]!)
    const assetIds = await insertAssets(db, orgId, orgId === demoOrgs.acme ? demoAssets() : demoAssets().slice(0, 8))
    const batch = 200_000
    for (let from = 1; from <= size.contacts; from += batch) {
      await generateContacts(db, orgId, from, Math.min(size.contacts, from + batch - 1), size.contacts, reps, salt, now)
      step(`${name}: ${Math.min(size.contacts, from + batch - 1)} contacts`)
    }
    for (let from = 1; from <= size.events; from += 1_000_000) {
      await generateEvents(db, orgId, from, Math.min(size.events, from + 999_999), size.contacts, assetIds, salt, now)
      step(`${name}: ${Math.min(size.events, from + 999_999)} events`)
    }
    if (orgId === demoOrgs.acme) await seedShowcase(db, orgId, ids[showcaseViewer.email]!, assetIds, now)
    await generateActivities(db, orgId, salt, now)
    const settings = await getSettings(db, orgId)
    await db.transaction((tx) => rescoreOrg(tx, orgId, settings.scoring, now))
    await promoteMqls(db, orgId, settings.mqlThreshold, settings.scoring.engagementMax, salt, now)
    // Fresh planner statistics: a bulk load leaves them describing empty tables.
    await db.execute(sql`ANALYZE`)
    step(`${name}: scored`)
    for (const u of users) creds.push({ org: name, email: u.email, role: u.role, token: (await createToken(db, orgId, u.email, "demo")).token })
  }
  return creds
}

async function insertAssets(db: Db, orgId: string, assets: ReturnType<typeof demoAssets>) {
  const ids: string[] = []
  for (const [n, a] of assets.entries()) {
    const r = await one<{ id: string }>(db, sql`
      INSERT INTO assets (org_id, id, title, url, kind, description, stages, personas, industries, topics)
      VALUES (${orgId}, ${uuidFrom(sql`${orgId} || ':a:' || ${n}`)}, ${a.title}, ${a.url}, ${a.kind}, ${a.description},
        ${pgArray(a.stages)}::text[], ${pgArray(a.personas)}::text[], ${pgArray(a.industries)}::text[], ${pgArray(a.topics)}::text[]) RETURNING id`)
    ids.push(r!.id)
  }
  return ids
}

/** A lead whose seeded history already crosses the threshold is an MQL, its clock started in the last two days. */
async function promoteMqls(db: Db, orgId: string, threshold: number, engagementMax: number, salt: string, now: Date) {
  await db.execute(sql`
    UPDATE contacts SET stage = 'mql', stage_changed_at = t.at, mql_at = t.at
    FROM (SELECT id, ${now.toISOString()}::timestamptz - ((abs(hashtext(id::text || ${salt})) % 2880) || ' minutes')::interval AS at
          FROM contacts WHERE org_id = ${orgId}) t
    WHERE contacts.org_id = ${orgId} AND contacts.id = t.id
      AND ((contacts.stage IN ('subscriber', 'lead') AND contacts.fit_score + LEAST(${engagementMax}::int, contacts.engagement_value) >= ${threshold})
        OR (contacts.stage = 'mql' AND contacts.mql_at IS NULL))`)
}

async function removeOrg(db: Db, orgId: string) {
  await db.transaction(async (tx) => {
    for (const t of ["api_tokens", "asset_views", "asset_feedback", "asset_shares", "lead_feedback", "handoffs", "activities", "score_buckets", "marketing_events", "stage_changes", "contact_emails", "contacts", "assets", "users", "org_settings"]) {
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

import { isDeepStrictEqual } from "node:util"
import type { Db, Executor } from "../db/client"
import { NotFound } from "../errors"
import { type Principal, requireRole } from "../auth/service"
import { Settings, type SettingsPreview, type SettingsUpdate } from "../../shared/contracts/settings"
import { rescoreOrg } from "../scores/service"
import { countContacts, countMqls } from "../scores/repository"
import { cacheFor, NotifyCache } from "../auth/notify-cache"
import * as repo from "./repository"

/** Works inside a transaction too (an Executor), so ingest reads the rules it scores with in its own transaction. */
export async function getSettings(db: Executor, orgId: string): Promise<Settings> {
  const s = await repo.getSettings(db, orgId)
  if (!s) throw new NotFound("settings")
  return s
}

/**
 * The settings for reads that show a score (the sidebar's lookup, search), per process for a few seconds:
 * they were a statement per lookup. A change evicts at once through NOTIFY in every process. Writers that
 * score (ingest, rescores) read them in their own transaction with getSettings().
 */
export const settingsTtlMs = 5_000
const cached = new WeakMap<object, NotifyCache<Settings>>()
const settingsCache = (db: Db) => cacheFor(cached, db, () => new NotifyCache<Settings>(db, repo.settingsChannel, settingsTtlMs))

export async function cachedSettings(db: Db, orgId: string): Promise<Settings> {
  const s = await settingsCache(db).load(
    orgId,
    () => orgId,
    () => repo.getSettings(db, orgId),
  )
  if (!s) throw new NotFound("settings")
  return s
}

/** Resolves once this process listens for settings changes. */
export const settingsCacheReady = (db: Db) => settingsCache(db).ready()

/**
 * Marketers and admins own the shared definition of a good lead. Only new scoring rules rescore the org
 * (the stored fit and engagement depend on them; the threshold and SLA are applied when read), and
 * saving what is already there writes nothing: a rescore holds the database for seconds on a large org.
 */
export async function updateSettings(db: Db, p: Principal, patch: SettingsUpdate): Promise<Settings> {
  requireRole(p, "marketer", "admin")
  const current = await getSettings(db, p.orgId)
  const next = Settings.parse({ ...current, ...patch })
  if (isDeepStrictEqual(next, current)) return current
  const rescore = !isDeepStrictEqual(next.scoring, current.scoring)
  await db.transaction(async (tx) => {
    await repo.putSettings(tx, p.orgId, next)
    if (rescore) await rescoreOrg(tx, p.orgId, next.scoring)
  })
  cached.get(db)?.evict(p.orgId)
  return next
}

/** Above this many contacts, new scoring rules are previewed on a sample of about this many. */
export const previewSampleSize = 20_000

/** How many contacts would be MQLs under proposed settings, against today; nothing is saved. */
export async function previewSettings(db: Db, p: Principal, patch: SettingsUpdate, now = new Date()): Promise<SettingsPreview> {
  requireRole(p, "marketer", "admin")
  // The preview must never change anything; a read-only transaction holds us to it.
  return db.transaction(
    async (tx) => {
      const current = await getSettings(tx, p.orgId)
      const next = Settings.parse({ ...current, ...patch })
      const rescored = isDeepStrictEqual(next.scoring, current.scoring) ? undefined : next.scoring
      const contacts = await countContacts(tx, p.orgId)
      // Only new rules are costly (every event is scored again); a threshold alone is checked on every contact.
      const sampled = rescored !== undefined && contacts > previewSampleSize
      const perMillion = sampled ? Math.ceil((previewSampleSize / contacts) * 1_000_000) : undefined
      const r = await countMqls(tx, p.orgId, current, { mqlThreshold: next.mqlThreshold, scoring: rescored }, now, perMillion)
      const scale = (n: number) => (sampled ? (r.sampleSize ? Math.round((n * contacts) / r.sampleSize) : 0) : n)
      return {
        contacts,
        current: { mqlThreshold: current.mqlThreshold, mqls: scale(r.currentMqls) },
        proposed: { mqlThreshold: next.mqlThreshold, mqls: scale(r.proposedMqls) },
        changedContacts: scale(r.changed),
        sampled,
        sampleSize: sampled ? r.sampleSize : contacts,
      }
    },
    { accessMode: "read only" },
  )
}

import type { Db, Executor } from "../db/client"
import { NotFound } from "../errors"
import { type Principal, requireRole } from "../auth/service"
import { Settings, type SettingsUpdate } from "../../shared/contracts/settings"
import { rescoreOrg } from "../scores/service"
import * as repo from "./repository"

/** Works inside a transaction too (an Executor), so ingest reads the rules it scores with in its own transaction. */
export async function getSettings(db: Executor, orgId: string): Promise<Settings> {
  const s = await repo.getSettings(db, orgId)
  if (!s) throw new NotFound("settings")
  return s
}

/** Marketers and admins own the shared definition of a good lead; changing the rules rescores the org. */
export async function updateSettings(db: Db, p: Principal, patch: SettingsUpdate): Promise<Settings> {
  requireRole(p, "marketer", "admin")
  const current = await getSettings(db, p.orgId)
  const next = Settings.parse({ ...current, ...patch })
  await db.transaction(async (tx) => {
    await repo.putSettings(tx, p.orgId, next)
    if (patch.scoring) await rescoreOrg(tx, p.orgId, next.scoring)
  })
  return next
}

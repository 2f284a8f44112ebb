import { type Executor, one, sql } from "../db/client"
import { ScoringRules, type Settings } from "../../shared/contracts/settings"

export async function getSettings(ex: Executor, orgId: string): Promise<Settings | undefined> {
  const r = await one<{ mqlThreshold: number; slaHours: number; scoring: unknown }>(
    ex,
    sql`
    SELECT mql_threshold AS "mqlThreshold", sla_hours AS "slaHours", scoring FROM org_settings WHERE org_id = ${orgId}`,
  )
  if (!r) return undefined
  const scoring = typeof r.scoring === "string" ? JSON.parse(r.scoring) : r.scoring
  return { mqlThreshold: r.mqlThreshold, slaHours: r.slaHours, scoring: ScoringRules.parse(scoring) }
}

/** Where settings changes are announced (payload: the org id), so every process drops its cached copy. */
export const settingsChannel = "relay_settings"

/** Saves and tells every process (NOTIFY is delivered when the transaction commits, with the new rules visible). */
export async function putSettings(ex: Executor, orgId: string, s: Settings) {
  await ex.execute(sql`
    WITH u AS (UPDATE org_settings SET mql_threshold = ${s.mqlThreshold}, sla_hours = ${s.slaHours},
      scoring = ${JSON.stringify(s.scoring)}::jsonb, updated_at = now() WHERE org_id = ${orgId} RETURNING org_id)
    SELECT pg_notify(${settingsChannel}, org_id::text) FROM u`)
}

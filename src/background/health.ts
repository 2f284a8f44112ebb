// Selector health from the field: every detection a site's script reports is counted here, by UTC day,
// site, view, strategy and extension version (counts only: no names, addresses or URLs ever reach this
// module). Once a day is over, its counts go to POST /api/v1/health/selectors under a random report id
// kept per day, so a resend after a lost answer replaces the report on the server instead of doubling it.
// Sent from the daily alarm and whenever the worker starts with a finished day waiting.
import type { SelectorHealthReport } from "../shared/contracts/health"
import { HEALTH_MAX_AGE_DAYS } from "../shared/contracts/health"
import { dayMs, utcDay } from "../shared/days"
import { ApiError, type ApiClient } from "./api-client"
import type { RelayDb } from "./db"

export interface Detection {
  site: string
  view: string
  strategy: string
}

/** The server takes at most this many counts per report. */
const MAX_COUNTS = 500

export async function recordDetection(db: RelayDb, d: Detection, version: string, now = Date.now()): Promise<void> {
  const day = utcDay(now)
  const key = `${day}|${d.site}|${d.view}|${d.strategy}|${version}`
  await db.transaction("rw", db.selectorCounts, async () => {
    const row = await db.selectorCounts.get(key)
    if (row) await db.selectorCounts.update(key, { count: row.count + 1 })
    else await db.selectorCounts.put({ key, day, site: d.site, view: d.view, strategy: d.strategy, version, count: 1 })
  })
}

/** Whether a finished day is waiting to be sent. */
export async function healthDue(db: RelayDb, now = Date.now()): Promise<boolean> {
  return (await db.selectorCounts.where("day").below(utcDay(now)).count()) > 0
}

export interface SendResult {
  sent: string[]
  dropped: string[]
  kept: string[]
}

/**
 * Sends every finished day (oldest first) and forgets it once the server has it. Signed out, offline or
 * a server error: the day waits for the next chance. A day the server refuses as malformed, or one too
 * old for it to take, is dropped (it would be refused forever).
 */
export async function sendHealth(
  db: RelayDb,
  api: Pick<ApiClient, "selectorHealth">,
  now = Date.now(),
  newId = () => crypto.randomUUID(),
): Promise<SendResult> {
  const result: SendResult = { sent: [], dropped: [], kept: [] }
  const today = utcDay(now)
  const oldest = utcDay(now - (HEALTH_MAX_AGE_DAYS - 1) * dayMs)
  const rows = await db.selectorCounts.where("day").below(today).toArray()
  const days = [...new Set(rows.map((r) => r.day))].sort()
  for (const day of days) {
    const ofDay = rows.filter((r) => r.day === day)
    if (day < oldest) {
      await forget(db, day)
      result.dropped.push(day)
      continue
    }
    let id = (await db.healthReports.get(day))?.reportId
    if (!id) {
      id = newId()
      await db.healthReports.put({ day, reportId: id })
    }
    const report = {
      reportId: id,
      day,
      counts: ofDay
        .slice(0, MAX_COUNTS)
        .map((r) => ({ site: r.site, view: r.view, strategy: r.strategy, version: r.version, count: Math.min(r.count, 1_000_000) })),
    } as SelectorHealthReport
    try {
      await api.selectorHealth(report)
    } catch (e) {
      if (e instanceof ApiError && e.code === "http" && e.status === 400) {
        console.warn(`[relay] selector health for ${day} was refused and is dropped: ${e.message}`)
        await forget(db, day)
        result.dropped.push(day)
        continue
      }
      // Signed out, offline, rate limited, a server error: all later days wait as well.
      result.kept.push(...days.slice(days.indexOf(day)))
      return result
    }
    await forget(db, day)
    result.sent.push(day)
  }
  return result
}

async function forget(db: RelayDb, day: string) {
  await db.transaction("rw", db.selectorCounts, db.healthReports, async () => {
    await db.selectorCounts.where("day").equals(day).delete()
    await db.healthReports.delete(day)
  })
}

/** When the daily alarm next fires: shortly after the next UTC midnight, spread over an hour so browsers do not all send at once. */
export function nextHealthAlarm(now = Date.now(), jitter = Math.random()): number {
  const midnight = Date.parse(`${utcDay(now + dayMs)}T00:00:00Z`)
  return midnight + 60_000 + Math.floor(jitter * 60 * 60_000)
}

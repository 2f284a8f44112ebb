// Selector health: every signed-in extension may report its counts (reps' browsers are the ones that
// detect); only admins read them, since they describe how Relay itself is working.
import type { Db } from "../db/client"
import { BadRequest } from "../errors"
import { type Principal, requireRole } from "../auth/service"
import type { SelectorHealth, SelectorHealthQuery, SelectorHealthReceipt, SelectorHealthReport } from "../../shared/contracts/health"
import { dayMs, utcDay } from "../../shared/days"
import * as repo from "./repository"

/** What the admin sees when no range is asked for: the last two weeks. */
export const DEFAULT_DAYS = 14
/** The longest range one request may read. */
export const MAX_DAYS = 366

/** Stores one browser's report for one day; a resend of the same report replaces it exactly. */
export async function recordReport(db: Db, p: Principal, report: SelectorHealthReport): Promise<SelectorHealthReceipt> {
  const before = await db.transaction((tx) => repo.replaceReport(tx, p.orgId, report.reportId, report.day, report.counts))
  return { day: report.day, stored: report.counts.length, replaced: before > 0 }
}

export async function readHealth(db: Db, p: Principal, q: SelectorHealthQuery, now = new Date()): Promise<SelectorHealth> {
  requireRole(p, "admin")
  const to = q.to ?? utcDay(now)
  const from = q.from ?? utcDay(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * dayMs)
  if (from > to) throw new BadRequest("from must not be after to")
  if (Date.parse(to) - Date.parse(from) > MAX_DAYS * dayMs) throw new BadRequest(`ask for at most ${MAX_DAYS} days at a time`)
  const rows = await repo.healthRows(db, p.orgId, { from, to, site: q.site, version: q.version })
  return { from, to, rows: rows.map((r) => ({ ...r, missRate: r.total ? r.none / r.total : 0 })) }
}

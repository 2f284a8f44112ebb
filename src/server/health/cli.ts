// `npm run relay -- health`: selector health for admins at the terminal, the same numbers as the
// dashboard's Selector health page, newest day first, one line per day, extension version, site and view.
import type { Db } from "../db/client"
import type { Principal } from "../auth/service"
import { SelectorHealthQuery, type SelectorHealth } from "../../shared/contracts/health"
import { readHealth } from "./service"

/** A share of detections that found nobody worth a second look (and enough of them to mean something). */
export const MISS_WARN = 0.2
export const MISS_WARN_MIN = 20

export function healthTable(h: SelectorHealth) {
  return h.rows.map((r) => ({
    day: r.day,
    version: r.version,
    site: r.site,
    view: r.view,
    structure: r.structure,
    signals: r.signals,
    name: r.name,
    "nobody found": r.none,
    total: r.total,
    "missed %": `${(r.missRate * 100).toFixed(1)}${r.missRate >= MISS_WARN && r.total >= MISS_WARN_MIN ? " !" : ""}`,
    browsers: r.reports,
  }))
}

export async function printHealth(db: Db, orgId: string, opts: { from?: string; to?: string; site?: string; version?: string }, log = console) {
  const q = SelectorHealthQuery.safeParse(Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)))
  if (!q.success) throw new Error(q.error.issues.map((i) => `--${i.path.join(".") || "options"}: ${i.message}`).join("; "))
  const admin: Principal = { orgId, orgName: "", userId: orgId, email: "cli", name: "Admin CLI", role: "admin", tokenId: "" }
  const h = await readHealth(db, admin, q.data)
  if (h.rows.length === 0) return log.log(`No selector health reported from ${h.from} to ${h.to}.`)
  log.log(
    `Selector health from ${h.from} to ${h.to} (counts of detections; "nobody found": the site's app was on screen and no strategy found anyone; "!" marks ${MISS_WARN * 100}% or more of at least ${MISS_WARN_MIN}):`,
  )
  log.table(healthTable(h))
}

import { Readable } from "node:stream"
import { stringify } from "csv-stringify"
import type { Db } from "../db/client"
import { BadRequest, NotFound } from "../errors"
import type { Principal } from "../auth/service"
import type { ExportTable } from "../../shared/contracts/analytics"
import type * as z from "zod"
import type { ExportQuery, Rate } from "../../shared/contracts/analytics"
import * as service from "./service"
import * as raw from "./export-rows"
import { findAsset, assetShares } from "./asset-shares"
import { applyScope, type Applied } from "./scope"
import { reportTx } from "./report-tx"

// CSV exports of every dashboard table. Streamed: rows are produced a page at a time by an async generator,
// turned into CSV as the response drains (backpressure from the socket pauses the database reads). Tables
// of raw rows (activities, shares, one asset's shares) page through the database by keyset; the report
// tables are already aggregated in SQL (one row per asset, rep, week, band…) and stream from the report.

/** Rows per database page; tests lower it to see several pages. */
export const paging = { size: 2000 }

type Query = z.infer<typeof ExportQuery>
type Cell = string | number | boolean | null
interface Export {
  columns: string[]
  rows: AsyncIterable<Cell[]>
}

const rateCells = (r: z.infer<typeof Rate>) => [r.n, r.hits, r.rate, r.low, r.high]
const rateColumns = (prefix: string) => ["n", "hits", "rate", "low", "high"].map((c) => `${prefix}_${c}`)

async function* fromArray<T>(items: T[], toCells: (t: T) => Cell[]) {
  for (const x of items) yield toCells(x)
}

/** Keyset paging: fetch a page after the last key until a short page says we are done. */
async function* paged<T extends { key: string; id?: string; shareId?: string }>(page: (after: raw.Key | null) => Promise<T[]>, toCells: (t: T) => Cell[]) {
  let after: raw.Key | null = null
  for (;;) {
    const rows = await page(after)
    for (const r of rows) yield toCells(r)
    if (rows.length < paging.size) return
    const last = rows[rows.length - 1]!
    after = { at: last.key, id: (last.id ?? last.shareId)! }
  }
}

export async function buildExport(db: Db, p: Principal, table: ExportTable, q: Query, now = new Date()): Promise<Export & { a: Applied }> {
  const a = applyScope(p, q, now)
  switch (table) {
    case "content-usage": {
      const r = await service.contentUsage(db, p, q, now)
      return {
        a,
        columns: ["assetId", "title", "kind", "tags", "archived", "shares", "reps", "contacts", "views", "botViews", "helped", "notHelped", "lastUsedAt"],
        rows: fromArray(r.rows, (x) => [
          x.assetId,
          x.title,
          x.kind,
          x.tags.join("; "),
          x.archived,
          x.shares,
          x.reps,
          x.contacts,
          x.views,
          x.botViews,
          x.helped,
          x.notHelped,
          x.lastUsedAt,
        ]),
      }
    }
    case "asset-shares": {
      if (!q.asset) throw new BadRequest("asset-shares needs ?asset=<asset id>")
      const assetId = q.asset
      if (!(await findAsset(db, p.orgId, assetId))) throw new NotFound("asset")
      // Each page is its own short transaction: a long export never pins a connection (or PGlite's only one).
      return {
        a,
        columns: ["shareId", "sharedAt", "channel", "repId", "repName", "contactId", "contactName", "company", "email", "views", "botViews", "firstViewedAt"],
        rows: paged(
          async (after) => (await reportTx(db, (ex) => assetShares(ex, a, assetId, paging.size, after))).map((x) => ({ ...x, key: x.key.at })),
          (x) => [
            x.shareId,
            x.sharedAt,
            x.channel,
            x.rep.id,
            x.rep.name,
            x.contact.id,
            x.contact.name,
            x.contact.company,
            x.contact.email,
            x.views,
            x.botViews,
            x.firstViewedAt,
          ],
        ),
      }
    }
    case "content-influence": {
      const r = await service.contentInfluence(db, p, q, now)
      const all = [{ assetId: null, title: "(all assets)", kind: null, transitions: r.overall }, ...r.rows]
      return {
        a,
        columns: ["assetId", "title", "kind", "from", "to", ...rateColumns("received"), ...rateColumns("comparison"), "windowDays"],
        rows: fromArray(
          all.flatMap((x) => x.transitions.map((t) => ({ x, t }))),
          ({ x, t }) => [x.assetId, x.title, x.kind, t.from, t.to, ...rateCells(t.received), ...rateCells(t.comparison), r.windowDays],
        ),
      }
    }
    case "handoff-reps":
    case "handoff-weeks":
    case "handoff-campaigns":
    case "handoff-sources": {
      const r = await service.handoffReport(db, p, q, now)
      if (table === "handoff-reps") {
        return {
          a,
          columns: ["repId", "repName", "team", "mqls", "met", "missed", "waiting", "rate"],
          rows: fromArray(r.slaByRep, (x) => [x.repId, x.repName, x.team, x.mqls, x.met, x.missed, x.waiting, x.rate]),
        }
      }
      if (table === "handoff-weeks") {
        return {
          a,
          columns: ["week", "mqls", "met", "missed", "waiting", "rate"],
          rows: fromArray(r.slaByWeek, (x) => [x.week, x.mqls, x.met, x.missed, x.waiting, x.rate]),
        }
      }
      const list = table === "handoff-campaigns" ? r.byCampaign : r.bySource
      return {
        a,
        columns: [table === "handoff-campaigns" ? "campaign" : "source", "mqls", "sqls", "conversion", "low", "high", "avgRating", "ratings"],
        rows: fromArray(list, (x) => [x.key, x.mqls, x.sqls, x.conversion.rate, x.conversion.low, x.conversion.high, x.avgRating, x.ratings]),
      }
    }
    case "calibration-bands":
    case "calibration-rules": {
      const r = await service.calibration(db, p, q, now)
      if (table === "calibration-bands") {
        return {
          a,
          columns: ["band", "min", "max", "contacts", "mqls", "accepted", "rejected", "sqls", "customers", "acceptance", "low", "high", "rejections"],
          rows: fromArray(r.bands, (x) => [
            x.label,
            x.min,
            x.max,
            x.contacts,
            x.mqls,
            x.accepted,
            x.rejected,
            x.sqls,
            x.customers,
            x.acceptance.rate,
            x.acceptance.low,
            x.acceptance.high,
            x.rejections.map((j) => `${j.reason}: ${j.count}`).join("; "),
          ]),
        }
      }
      return {
        a,
        columns: ["rule", "kind", "acceptedLeads", "rejectedLeads", "acceptedShare", "rejectedShare", "acceptedPoints", "rejectedPoints"],
        rows: fromArray(r.rules, (x) => [
          x.rule,
          x.kind,
          x.acceptedLeads,
          x.rejectedLeads,
          x.acceptedShare,
          x.rejectedShare,
          x.acceptedPoints,
          x.rejectedPoints,
        ]),
      }
    }
    case "rep-activity": {
      const r = await service.repActivity(db, p, q, now)
      return {
        a,
        columns: ["repId", "repName", "team", "calls", "emails", "linkedinMessages", "meetings", "notes", "shares"],
        rows: fromArray(r.rows, (x) => [x.repId, x.repName, x.team, x.calls, x.emails, x.linkedinMessages, x.meetings, x.notes, x.shares]),
      }
    }
    case "activities":
      return {
        a,
        columns: ["id", "occurredAt", "type", "repId", "repName", "contactId", "contactName", "company", "outcome", "direction", "durationSeconds", "subject"],
        rows: paged(
          (after) => reportTx(db, (ex) => raw.activitiesPage(ex, a, after, paging.size)),
          (x) => [x.id, x.occurredAt, x.type, x.repId, x.repName, x.contactId, x.contactName, x.company, x.outcome, x.direction, x.durationSeconds, x.subject],
        ),
      }
    case "shares":
      return {
        a,
        columns: ["id", "sharedAt", "assetId", "assetTitle", "assetKind", "channel", "repId", "repName", "contactId", "contactName", "company"],
        rows: paged(
          (after) => reportTx(db, (ex) => raw.sharesPage(ex, a, after, paging.size)),
          (x) => [x.id, x.sharedAt, x.assetId, x.assetTitle, x.assetKind, x.channel, x.repId, x.repName, x.contactId, x.contactName, x.company],
        ),
      }
  }
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe:
 * titles and names come from users, and an export is opened in Excel more often than not.
 */
export function safeCell(v: Cell): Cell {
  return typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
}

export function csvStream(e: Export): Readable {
  const source = Readable.from(
    (async function* () {
      for await (const row of e.rows) yield row.map(safeCell)
    })(),
  )
  const csv = stringify({ header: true, columns: e.columns, cast: { boolean: (b) => (b ? "true" : "false") } })
  source.on("error", (err) => csv.destroy(err))
  return source.pipe(csv)
}

export function filename(table: ExportTable, a: Applied) {
  return `relay-${table}-${a.p.from}-to-${a.p.to}.csv`
}

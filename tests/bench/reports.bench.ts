// Server time of every dashboard report (the analytics service call, without HTTP) on the large database:
// 1,000,000 contacts, 20,000,000 events and what the seed derives from them. Ceiling: 500 ms per report.
//
//   psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE relay_bench'
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/relay_bench npm run seed -- --contacts 1000000 --events 20000000
//   npx tsx tests/bench/reports.bench.ts            (DATABASE_URL defaults to that relay_bench database)
//
// Each report runs as a marketer of the demo org (the whole org's numbers) with the default 90-day range, and
// again with one filter; the reports a rep reads filtered to themselves also as a rep (their own view), content influence
// also for a team. Two warm-up calls, then 20 measured calls each.
// Writes tests/bench/results/reports.md (`--out FILE` elsewhere: a run on a smaller database must not replace the
// large one's figures); `--json FILE` also writes the figure for `npm run bench`.
// `--quick` seeds a small demo org into an in-memory PGlite instead and times each report once or twice: it
// checks that this harness works (as CI does), not how fast the reports are; it writes no results file.
import { execSync } from "node:child_process"
import { parseArgs } from "node:util"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import { cpus, loadavg } from "node:os"
import { performance } from "node:perf_hooks"
import { one, openDatabase, rows, sql } from "../../src/server/db/client"
import type { Principal } from "../../src/server/auth/service"
import * as service from "../../src/server/analytics/service"
import type { ReportFilters } from "../../src/shared/contracts/analytics"
import { demoOrgs, seedDemo } from "../../src/server/seed/index"
import { story } from "../../src/server/seed/story"

const { values: args } = parseArgs({ options: { quick: { type: "boolean" }, json: { type: "string" }, out: { type: "string" } } })
const quick = Boolean(args.quick)
// Overridable for a quick look (REPORTS_ITERATIONS=5); the results file says how many calls it timed.
const WARMUP = quick ? 0 : Number(process.env.REPORTS_WARMUP ?? 2)
const ITERATIONS = quick ? 1 : Number(process.env.REPORTS_ITERATIONS ?? 20)
const ceilingMs = 500
const databaseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/relay_bench"

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
const ms = (n: number) => n.toFixed(0)
const int = (n: number) => n.toLocaleString("en-US")

const database = quick ? await openDatabase({}) : await openDatabase({ databaseUrl })
const { db } = database
if (quick) await seedDemo(db, { contacts: 500, events: 2000 })
const marketer = await one<{ id: string; email: string; name: string; orgName: string }>(
  db,
  sql`
  SELECT u.id, u.email, u.name, o.name AS "orgName" FROM users u JOIN orgs o ON o.id = u.org_id
  WHERE u.org_id = ${demoOrgs.acme} AND u.role = 'marketer' ORDER BY u.email LIMIT 1`,
)
if (!marketer) throw new Error(`no demo org in ${databaseUrl.replace(/\/\/[^@]*@/, "//")}: run the seed first (see the top of this file)`)
const p: Principal = {
  orgId: demoOrgs.acme,
  orgName: marketer.orgName,
  userId: marketer.id,
  email: marketer.email,
  name: marketer.name,
  role: "marketer",
  tokenId: "00000000-0000-4000-8000-000000000000",
}

// A rep's own dashboard: every report is filtered to the rep whatever the query says (the heaviest such view is
// content influence's, whose comparison group is the rep's contacts). The demo org's first rep by email.
const repUser = await one<{ id: string; email: string; name: string }>(
  db,
  sql`SELECT id, email, name FROM users WHERE org_id = ${demoOrgs.acme} AND role = 'rep' ORDER BY email LIMIT 1`,
)
if (!repUser) throw new Error("the demo org has no rep")
const rep: Principal = { ...p, userId: repUser.id, email: repUser.email, name: repUser.name, role: "rep" }

const counts = (await one<Record<string, string>>(
  db,
  sql`
  SELECT (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM activities) AS activities,
    (SELECT count(*) FROM marketing_events) AS marketing_events, (SELECT count(*) FROM asset_shares) AS asset_shares,
    (SELECT count(*) FROM asset_views) AS asset_views, (SELECT count(*) FROM handoffs) AS handoffs, (SELECT count(*) FROM stage_changes) AS stage_changes`,
))!
// The drill-down opens the most shared asset: the longest list.
const top = (await one<{ id: string }>(
  db,
  sql`
  SELECT asset_id AS id FROM asset_shares WHERE org_id = ${demoOrgs.acme} GROUP BY asset_id ORDER BY count(*) DESC, asset_id LIMIT 1`,
))!

const none: ReportFilters = {}
const reports: { name: string; filter: string; run: () => Promise<unknown> }[] = [
  { name: "filters", filter: "—", run: () => service.filters(db, p) },
  { name: "contentUsage", filter: "90 days", run: () => service.contentUsage(db, p, none) },
  { name: "contentUsage", filter: "assetKind=pricing_guide", run: () => service.contentUsage(db, p, { assetKind: "pricing_guide" }) },
  { name: "assetShares", filter: "90 days, most shared asset", run: () => service.assetShares(db, p, top.id, { limit: 100 }) },
  { name: "assetShares", filter: "team=East", run: () => service.assetShares(db, p, top.id, { team: "East", limit: 100 }) },
  { name: "contentInfluence", filter: "90 days", run: () => service.contentInfluence(db, p, { windowDays: 30 }) },
  { name: "contentInfluence", filter: "assetKind=pricing_guide", run: () => service.contentInfluence(db, p, { assetKind: "pricing_guide", windowDays: 30 }) },
  { name: "contentInfluence", filter: "team=East", run: () => service.contentInfluence(db, p, { team: "East", windowDays: 30 }) },
  { name: "contentInfluence", filter: "a rep's own view", run: () => service.contentInfluence(db, rep, { windowDays: 30 }) },
  { name: "handoffReport", filter: "90 days", run: () => service.handoffReport(db, p, none) },
  { name: "handoffReport", filter: `campaign=${story.poorCampaign}`, run: () => service.handoffReport(db, p, { campaign: story.poorCampaign }) },
  { name: "handoffReport", filter: "a rep's own view", run: () => service.handoffReport(db, rep, none) },
  { name: "calibration", filter: "90 days", run: () => service.calibration(db, p, { bandSize: 10 }) },
  { name: "calibration", filter: "source=hubspot", run: () => service.calibration(db, p, { source: "hubspot", bandSize: 10 }) },
  { name: "calibration", filter: "a rep's own view", run: () => service.calibration(db, rep, { bandSize: 10 }) },
  { name: "thresholdPreview", filter: "threshold=70", run: () => service.thresholdPreview(db, p, { threshold: 70 }) },
  { name: "thresholdPreview", filter: "a rep's own view", run: () => service.thresholdPreview(db, rep, { threshold: 70 }) },
  { name: "repActivity", filter: "90 days", run: () => service.repActivity(db, p, none) },
  { name: "repActivity", filter: "team=East", run: () => service.repActivity(db, p, { team: "East" }) },
]

// The database's CPU time (user + system, all backends of this database) when the server runs on this machine:
// on a shared machine wall time waits for other work, CPU time much less. null where /proc cannot tell.
// Counted per backend since it was first seen: a report may open a connection (content influence's second half) and
// the pool may close one, whose CPU would otherwise drop out of a plain sum (a negative figure).
const tick = 1000 / Number(execSync("getconf CLK_TCK").toString().trim() || 100)
const backendCpu = new Map<number, number>()
let cpuTotal = 0
async function dbCpuMs(): Promise<number | null> {
  if (quick) return null
  const pids = await rows<{ pid: number }>(db, sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)
  for (const { pid } of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")
      const now = (Number(f[11]) + Number(f[12])) * tick
      cpuTotal += now - (backendCpu.get(pid) ?? 0)
      backendCpu.set(pid, now)
    } catch {
      return null
    }
  }
  return cpuTotal
}

// REPORTS_ONLY=calibration times only the reports whose name matches (a quick look while working on one).
const only = process.env.REPORTS_ONLY ? new RegExp(process.env.REPORTS_ONLY) : null
const results: { name: string; filter: string; p50: number; p95: number; max: number; cpu: number | null }[] = []
for (const r of reports.filter((x) => !only || only.test(x.name))) {
  for (let i = 0; i < WARMUP; i++) await r.run()
  const times: number[] = []
  const cpu0 = await dbCpuMs()
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now()
    await r.run()
    times.push(performance.now() - t)
  }
  const cpu1 = await dbCpuMs()
  times.sort((a, b) => a - b)
  const cpu = cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / ITERATIONS
  const row = { name: r.name, filter: r.filter, p50: pct(times, 50), p95: pct(times, 95), max: times[times.length - 1]!, cpu }
  results.push(row)
  console.log(`${row.name} (${row.filter}): p50 ${ms(row.p50)} ms, p95 ${ms(row.p95)} ms, database CPU ${cpu === null ? "?" : ms(cpu)} ms per call`)
}
await database.close()

const slowest = results.reduce((a, b) => (b.p95 > a.p95 ? b : a))
const dataSize = {
  contacts: Number(counts.contacts),
  activities: Number(counts.activities),
  marketingEvents: Number(counts.marketing_events),
  shares: Number(counts.asset_shares),
}
if (args.json) {
  writeFileSync(
    args.json,
    JSON.stringify(
      {
        values: {
          slowest: `${slowest.name} (${slowest.filter})`,
          p95Ms: Math.round(slowest.p95),
          reports: results.map((r) => ({ ...r, p50: Math.round(r.p50), p95: Math.round(r.p95), max: Math.round(r.max) })),
          data: dataSize,
          database: quick ? "pglite (quick)" : "postgres",
        },
        ceiling: { p95Ms: ceilingMs },
        ratio: Number((slowest.p95 / ceilingMs).toFixed(2)),
        summary: { measured: `slowest: ${slowest.name} (${slowest.filter}) p95 ${Math.round(slowest.p95)} ms`, ceiling: `p95 ${ceilingMs} ms` },
        notes: `service calls without HTTP as the demo org's marketer, last 90 days, ${WARMUP} warm-up then ${ITERATIONS} calls per report, on ${quick ? "a small demo org in PGlite (quick)" : `the PostgreSQL server with ${int(dataSize.contacts)} contacts, ${int(dataSize.activities)} activities, ${int(dataSize.marketingEvents)} events, ${int(dataSize.shares)} shares`}; every report's figures in tests/bench/results/reports.md; ratio = the slowest p95 / ${ceilingMs} ms`,
      },
      null,
      2,
    ),
  )
}
if (quick) process.exit(0)

const commit = execSync("git rev-parse --short HEAD").toString().trim()
const dirty = execSync("git status --porcelain -- src/server/analytics src/server/db").toString().trim()
  ? " (analytics or db files modified in the working tree)"
  : ""
const over = results.filter((r) => r.p95 > ceilingMs)
const md = `# Reports benchmark

Service calls of the dashboard's reports (\`src/server/analytics/service.ts\`, without HTTP) on the PostgreSQL server
on 127.0.0.1, database \`${databaseUrl.split("/").pop()}\`, run with \`npx tsx tests/bench/reports.bench.ts\` on
${new Date().toISOString()} at commit ${commit}${dirty} (Node ${process.version}, ${cpus().length} cores ${cpus()[0]?.model ?? "?"},
load average ${loadavg()
  .map((l) => l.toFixed(1))
  .join(" / ")} at the end of the run — other work shares this machine).

Data (whole database): ${int(Number(counts.contacts))} contacts, ${int(Number(counts.activities))} activities, ${int(Number(counts.marketing_events))} marketing_events,
${int(Number(counts.asset_shares))} asset_shares, ${int(Number(counts.asset_views))} asset_views, ${int(Number(counts.handoffs))} handoffs, ${int(Number(counts.stage_changes))} stage_changes.
Caller: the demo org's marketer (the whole org's numbers), except the rows "a rep's own view" (${repUser.name}, a rep). Default range: the last 90 days. ${WARMUP} warm-up calls, then
${ITERATIONS} measured calls per row.

| report | filter | p50 ms | p95 ms | max ms | p95 / 500 ms ceiling | database CPU ms per call |
|---|---|---:|---:|---:|---:|---:|
${results.map((r) => `| ${r.name} | ${r.filter} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${(r.p95 / ceilingMs).toFixed(2)} | ${r.cpu === null ? "—" : ms(r.cpu)} |`).join("\n")}

${over.length === 0 ? `Every report's p95 is within the ${ceilingMs} ms ceiling.` : `Over the ${ceilingMs} ms ceiling at p95: ${over.map((r) => `${r.name} (${r.filter})`).join(", ")}.`}
`
const out = args.out ?? "tests/bench/results/reports.md"
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, md)
console.log(`\n${md}`)

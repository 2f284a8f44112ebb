// Benchmark (issue: more than one process): GET /api/v1/contacts/lookup with 1 and 2 workers
// (`npm run server -- --workers N`) on a PostgreSQL server, with autocannon: 50 connections, 15 s
// per run after a 3 s warm-up, emails rotating over 2,000 contacts of the demo org (Acme), the rate
// limit raised out of the way (RATE_LIMIT_PER_MINUTE). The load generator runs on the same machine.
//
// Use a database of your own, seeded at the demo size (never someone else's benchmark database):
//   psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE relay_workers_bench'
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/relay_workers_bench npm run seed
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/relay_workers_bench npx tsx tests/bench/workers.bench.ts
// → tests/bench/results/workers.md   (WORKERS=1,2,1,2  DURATION=15  CONNECTIONS=50  OUT=<file> to vary)
// Without DATABASE_URL (`npm run bench` runs it so) it seeds a throwaway schema of .../test at the demo size and drops it.
// Part "workers" of `npm run bench`: --json <file> writes the figure there; --quick seeds 500 contacts into a
// throwaway schema of the scratch database (DATABASE_URL, default .../test), loads 2 s per run, writes no .md.
import { execSync } from "node:child_process"
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { cpus, loadavg } from "node:os"
import { dirname } from "node:path"
import { createToken } from "../../src/server/auth/service"
import { openDatabase, rows, sql } from "../../src/server/db/client"
import { demoOrgs, seedDemo } from "../../src/server/seed/index"
import { partArgs, partSchema, report, round, startServerProcesses, withSearchPath } from "./part"

interface Histogram {
  average: number
  mean: number
  p50: number
  p99: number
  max: number
}
interface Result {
  requests: Histogram
  latency: Histogram
  non2xx: number
  errors: number
  timeouts: number
  "2xx": number
}
type Autocannon = (opts: Record<string, unknown>) => Promise<Result>
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon

const args = partArgs()
// --quick under npm run bench: the schema seeded once for every part (the same quick demo size). Without --quick and
// without DATABASE_URL (as `npm run bench` runs it): a throwaway schema of the scratch database seeded at the demo size.
const scratch = args.quick || !process.env.DATABASE_URL ? partSchema(args.quick) : undefined
if (scratch && !scratch.seeded) {
  const d = await openDatabase({ databaseUrl: scratch.url, schema: scratch.schema })
  await seedDemo(d.db, args.quick ? { contacts: 500, events: 2000 } : { contacts: 5000, events: 100_000 })
  await d.db.execute(sql`VACUUM ANALYZE`)
  await d.close()
}
// The servers this starts (src/server/main.ts) take no schema: the connection string carries the search path.
const databaseUrl = scratch ? withSearchPath(scratch.url, scratch.schema) : process.env.DATABASE_URL
if (!databaseUrl) throw new Error("set DATABASE_URL to a PostgreSQL database of your own, seeded with `npm run seed`")
if (new URL(databaseUrl).pathname === "/relay_bench") throw new Error("relay_bench is someone else's benchmark database: seed one of your own")
const workerCounts = (process.env.WORKERS ?? "1,2").split(",").map(Number)
const duration = Number(process.env.DURATION ?? (args.quick ? 2 : 15))
const connections = Number(process.env.CONNECTIONS ?? 50)
// --quick: a fixed number of requests instead of a duration, so that a loaded machine still gets answers.
const quickRequests = { warmup: 50, measured: 150 }

// A token of one of Acme's reps, and 2,000 of Acme's contact emails.
const database = await openDatabase({ databaseUrl })
const [rep] = await rows<{ email: string }>(database.db, sql`SELECT email FROM users WHERE org_id = ${demoOrgs.acme} AND role = 'rep' ORDER BY email LIMIT 1`)
if (!rep) throw new Error("no demo data in this database: run `npm run seed` against it first")
const { token } = await createToken(database.db, demoOrgs.acme, rep.email, "workers benchmark")
const emails = (
  await rows<{ email: string }>(
    database.db,
    sql`
  SELECT email FROM contact_emails WHERE org_id = ${demoOrgs.acme} AND is_primary ORDER BY email LIMIT 2000`,
  )
).map((r) => r.email)
const contacts = (await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM contacts WHERE org_id = ${demoOrgs.acme}`))[0]!.n
await database.close()
if (emails.length < (args.quick ? 100 : 2000)) throw new Error(`only ${emails.length} contacts in the demo org: seed at the demo size`)

async function load(port: number, seconds: number, requests: number): Promise<Result> {
  let i = 0
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    ...(args.quick ? { amount: requests } : { duration: seconds }),
    headers: { authorization: `Bearer ${token}` },
    requests: [
      {
        method: "GET",
        setupRequest: (req: { path: string }) => ({ ...req, path: `/api/v1/contacts/lookup?email=${encodeURIComponent(emails[i++ % emails.length]!)}` }),
      },
    ],
  })
}

// Where the CPU went during a run (the machine is shared, so req/s alone says little): seconds of CPU
// used by the server's processes, by the PostgreSQL backends serving this database, by autocannon
// (this process), and by the whole machine, from /proc.
const hz = 100
const procStat = (pid: number) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8")
    const rest = f.slice(f.lastIndexOf(")") + 2).split(" ")
    return { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) }
  } catch {
    return undefined
  }
}
const allPids = () =>
  readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
function tree(root: number): number[] {
  const parents = new Map(allPids().map((p) => [p, procStat(p)?.ppid]))
  const found = [root]
  for (let grew = true; grew;) {
    grew = false
    for (const [p, pp] of parents)
      if (pp !== undefined && found.includes(pp) && !found.includes(p)) {
        found.push(p)
        grew = true
      }
  }
  return found
}
const ticks = (pids: number[]) => pids.reduce((t, p) => t + (procStat(p)?.ticks ?? 0), 0)
const machineBusy = () => {
  const [, ...f] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number)
  return { busy: f.reduce((a, b) => a + b, 0) - f[3]! - f[4]!, all: f.reduce((a, b) => a + b, 0) }
}
async function backendPids(): Promise<number[]> {
  const c = await openDatabase({ databaseUrl })
  const r = await rows<{ pid: number }>(c.db, sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)
  await c.close()
  return r.map((x) => x.pid)
}

const lines: string[] = []
const measured: { workers: number; rps: number; p50: number; p99: number }[] = []
for (const workers of workerCounts) {
  // --quick shares the machine with the other parts: a worker takes longer to start there.
  const server = await startServerProcesses(workers, databaseUrl, args.quick ? 150_000 : 60_000)
  const { port } = server
  try {
    await load(port, 3, quickRequests.warmup)
    const serverPids = tree(server.pid)
    const pgPids = await backendPids()
    const before = loadavg()
    const t0 = { server: ticks(serverPids), pg: ticks(pgPids), self: process.cpuUsage(), machine: machineBusy() }
    const r = await load(port, duration, quickRequests.measured)
    const self = process.cpuUsage(t0.self)
    const m = machineBusy()
    const cpu = {
      server: (ticks(serverPids) - t0.server) / hz,
      pg: (ticks(pgPids) - t0.pg) / hz,
      autocannon: (self.user + self.system) / 1e6,
      machine: (m.busy - t0.machine.busy) / hz,
      busyShare: (m.busy - t0.machine.busy) / (m.all - t0.machine.all),
    }
    const after = loadavg()
    // --quick proves the harness works: every request answered, or the part fails.
    if (args.quick && (r.non2xx || r.errors || r.timeouts || !r["2xx"]))
      throw new Error(`${workers} worker(s): ${r["2xx"]} answers, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`)
    const row = {
      workers,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      ok: r["2xx"],
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      before,
      after,
      cpu,
    }
    console.log(JSON.stringify(row))
    measured.push({ workers, rps: Math.round(row.rps), p50: row.p50, p99: row.p99 })
    const s1 = (x: number) => x.toFixed(1)
    lines.push(
      `| ${workers} | ${Math.round(row.rps).toLocaleString("en-US")} | ${row.p50} ms | ${row.p99} ms | ${row.ok.toLocaleString("en-US")} | ${row.non2xx} | ${row.errors} | ${before.map((x) => x.toFixed(2)).join(" ")} → ${after.map((x) => x.toFixed(2)).join(" ")} | ${s1(cpu.server)} / ${s1(cpu.pg)} / ${s1(cpu.autocannon)} / ${s1(cpu.machine)} (${Math.round(cpu.busyShare * 100)} % busy) |`,
    )
  } finally {
    await server.stop()
  }
}

const commit = execSync("git rev-parse --short HEAD").toString().trim()
const out = `# Lookup with 1 and 2 workers

- Date: ${new Date().toISOString()}
- CPU: ${cpus()[0]?.model ?? "?"} × ${cpus().length} (shared with other work while this ran; load averages below)
- Git commit: ${commit}
- Database: PostgreSQL on the same machine, demo size (${contacts.toLocaleString("en-US")} Acme contacts)
- Load: autocannon, ${connections} connections, ${duration} s after a 3 s warm-up, \`GET /api/v1/contacts/lookup?email=…\` rotating over ${emails.length.toLocaleString("en-US")} Acme contacts, one rep's token, RATE_LIMIT_PER_MINUTE=100000000; autocannon runs on the same machine
- Rate limits counted ${process.env.REDIS_URL ? "in Redis (REDIS_URL set: one Redis round trip per request)" : "in memory per process (REDIS_URL unset)"}
- Command: \`DATABASE_URL=postgres://…/<your database> npx tsx tests/bench/workers.bench.ts\`

| workers | req/s | p50 | p99 | 2xx | non-2xx | errors | load average 1/5/15 min (before → after) | CPU s during the run: server / its PostgreSQL backends / autocannon / whole machine |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${lines.join("\n")}
`
if (!args.quick) {
  const file = process.env.OUT ?? "tests/bench/results/workers.md"
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, out)
  console.log(out)
}
await scratch?.drop()
const best = (n: number) => Math.max(0, ...measured.filter((m) => m.workers === n).map((m) => m.rps))
report(args, {
  values: { runs: measured, contacts },
  ...(best(1) && best(2) ? { ratio: round(best(2) / best(1)) } : {}),
  summary: {
    measured: measured.map((m) => `${m.workers} worker${m.workers > 1 ? "s" : ""}: ${m.rps.toLocaleString("en-US")} req/s, p99 ${m.p99} ms`).join("; "),
  },
  notes: `the lookup through \`npm run server -- --workers N\` on PostgreSQL (${contacts.toLocaleString("en-US")} demo contacts), autocannon ${connections} connections, ${args.quick ? `${quickRequests.measured} requests (quick)` : `${duration} s`} per run; ratio = best req/s with 2 workers over best with 1 (no ceiling: this says what a second process adds on this machine)`,
})

// Part of `npm run bench`: GET /api/v1/contacts/lookup under load, beside its ceiling measured in the
// same run on the same data (a bare Fastify route running one indexed select through the same driver;
// tests/bench/api-server.ts serves both). autocannon, 50 connections, emails rotating over 2,000
// contacts of the demo org, the rate limit out of the way; the load generator runs on the same machine.
//
//   npx tsx tests/bench/lookup.bench.ts [--quick] [--json <file>]              PostgreSQL
//   npx tsx tests/bench/lookup.bench.ts --embedded [--quick] [--json <file>]   PGlite in memory, demo size
//
// PostgreSQL, full: the shared 1,000,000-contact database (BENCH_LOOKUP_URL, default relay_bench), read
// only: no migrations, no seeding; BENCH_TOKEN or the seed's .data/demo-credentials.json gives a rep's
// token. --quick: a throwaway schema in the scratch database (DATABASE_URL, default .../test), 2,000
// contacts, dropped afterwards. BENCH_LOOKUP_SEED=contacts,events: a throwaway schema seeded at that size instead.
import { existsSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import {
  autocannon,
  backendsOf,
  cpuSeconds,
  loadFigures,
  partArgs,
  partSchema,
  processTree,
  quickPglite,
  report,
  round,
  scratchSchema,
  startApiServer,
  type LoadResult,
  type Ready,
} from "./part"

const args = partArgs()
const embedded = process.argv.includes("--embedded")
const quick = args.quick
const duration = Number(process.env.DURATION ?? (quick ? 2 : 15))
const warmup = quick ? 1 : 3
const runs = Number(process.env.RUNS ?? (quick ? 1 : 2))
const connections = 50
// --quick: a fixed number of requests instead of a duration, so that a slow, shared machine still gets answers
// (a 2 s run on a loaded machine could end before the first one).
const quickRequests = { warmup: 50, measured: 150 }

const env: Record<string, string> = { BENCH_ENGINE: embedded ? "pglite" : "postgres" }
let dropSchema: (() => Promise<void>) | undefined
let dataNote: string
// --quick under npm run bench: the embedded database as `npm run server` leaves it after its first start, seeded once for every part.
const pgliteDir = embedded && quick ? quickPglite("demo") : undefined
if (pgliteDir) {
  env.BENCH_PGLITE_DIR = `${pgliteDir}/pglite`
  dropSchema = async () => rmSync(pgliteDir, { recursive: true, force: true })
  dataNote = "PGlite in a copy of the quick demo's data directory (the embedded database)"
} else if (embedded) {
  Object.assign(env, { BENCH_SEED_CONTACTS: quick ? "500" : "5000", BENCH_SEED_EVENTS: quick ? "2000" : "100000" })
  dataNote = "PGlite in memory (the embedded database), demo seed"
} else if (quick) {
  const scratch = partSchema(quick)
  Object.assign(
    env,
    { DATABASE_URL: scratch.url, BENCH_SCHEMA: scratch.schema },
    scratch.seeded ? {} : { BENCH_SEED_CONTACTS: "500", BENCH_SEED_EVENTS: "2000" },
  )
  dropSchema = scratch.drop
  dataNote = "PostgreSQL server, a throwaway schema of the scratch database, demo seed"
} else if (process.env.BENCH_LOOKUP_SEED) {
  // A database of its own at a chosen size ("contacts,events"), when the shared large one cannot be read as it is.
  const [contacts, events] = process.env.BENCH_LOOKUP_SEED.split(",")
  const scratch = scratchSchema()
  Object.assign(env, { DATABASE_URL: scratch.url, BENCH_SCHEMA: scratch.schema, BENCH_SEED_CONTACTS: contacts!, BENCH_SEED_EVENTS: events! })
  dropSchema = scratch.drop
  dataNote = "PostgreSQL server, a throwaway schema of the scratch database seeded for this run (BENCH_LOOKUP_SEED)"
} else {
  const url = process.env.BENCH_LOOKUP_URL ?? "postgres://postgres@127.0.0.1:5432/relay_bench"
  let token = process.env.BENCH_TOKEN
  const credsFile = process.env.BENCH_CREDENTIALS ?? join(".data", "demo-credentials.json")
  if (!token && existsSync(credsFile)) {
    const creds = JSON.parse(readFileSync(credsFile, "utf8")) as { org: string; role: string; token: string }[]
    token = creds.find((c) => c.org === "Acme Analytics" && c.role === "rep")?.token
  }
  if (!token) throw new Error(`no rep token for ${url}: set BENCH_TOKEN or BENCH_CREDENTIALS (the seed's demo-credentials.json)`)
  Object.assign(env, { DATABASE_URL: url, BENCH_READONLY: "1", BENCH_TOKEN: token })
  dataNote = "PostgreSQL server, the shared large benchmark database (read only)"
}

function load(ready: Ready, port: number, path: string, seconds: number, requests: number, headers: Record<string, string>, once = false): Promise<LoadResult> {
  let i = 0
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    ...(quick || once ? { amount: requests } : { duration: seconds }),
    headers,
    timeout: 30,
    requests: [
      {
        method: "GET",
        setupRequest: (req: { path: string }) => ({ ...req, path: `${path}?email=${encodeURIComponent(ready.emails[i++ % ready.emails.length]!)}` }),
      },
    ],
  })
}

const { server, ready, appName, stop } = await startApiServer(env)
const measured: { relay: ReturnType<typeof loadFigures>[]; ceiling: ReturnType<typeof loadFigures>[]; first: ReturnType<typeof loadFigures>[] } = {
  relay: [],
  ceiling: [],
  first: [],
}
// CPU seconds of the API process and of the PostgreSQL backends serving it (none for PGlite, which runs inside it).
const cpu = { relay: { node: 0, db: 0, requests: 0 }, ceiling: { node: 0, db: 0, requests: 0 } }
try {
  // --quick proves the part runs on a small org; a measurement rotates over 2,000 contacts.
  if (ready.emails.length < (quick ? 100 : 2000)) throw new Error(`only ${ready.emails.length} contacts in the demo org`)
  const relay = (s: number, n: number, once = false) =>
    load(ready, ready.relay, "/api/v1/contacts/lookup", s, n, { authorization: `Bearer ${ready.token}` }, once)
  const bare = (s: number, n: number) => load(ready, ready.ceiling, "/lookup", s, n, {})
  await relay(warmup, quickRequests.warmup)
  await bare(warmup, quickRequests.warmup)
  const pids = processTree(server.pid!)
  // The pools' connections come and go (an idle one closes): the backends are found again at each end of a run.
  const backends = async () => (env.DATABASE_URL ? await backendsOf(env.DATABASE_URL, appName) : [])
  // Alternating, so that whatever else the shared machine does falls on both alike.
  for (let i = 0; i < runs; i++) {
    // Each contact looked up once with no digest to read (what a person not looked up since their last event costs),
    // which leaves every contact's digest in place for the run after it.
    if ((await fetch(`http://127.0.0.1:${ready.ceiling}/forget-digests`, { method: "POST" })).status !== 200) throw new Error("forget-digests failed")
    const first = await relay(0, ready.emails.length, true)
    if (first.non2xx || first.errors || first.timeouts) throw new Error(`first lookups: ${first.non2xx} non-2xx, ${first.errors} errors`)
    measured.first.push(loadFigures(first))
    for (const [name, run] of [
      ["relay", relay],
      ["ceiling", bare],
    ] as const) {
      const before = new Map((await backends()).map((p) => [p, cpuSeconds([p])]))
      const node = cpuSeconds(pids)
      const r = await run(duration, quickRequests.measured)
      cpu[name].node += cpuSeconds(pids) - node
      // A backend that started during the run counts from zero.
      for (const p of await backends()) cpu[name].db += cpuSeconds([p]) - (before.get(p) ?? 0)
      cpu[name].requests += r["2xx"]
      if (r.non2xx || r.errors || r.timeouts || !r["2xx"])
        throw new Error(`${name}: ${r["2xx"]} answers, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`)
      measured[name].push(loadFigures(r))
    }
  }
} finally {
  await stop()
  await dropSchema?.()
}

const dbNote = embedded ? "" : " and the PostgreSQL backends serving it"
const cpuPerRequest = (c: { node: number; db: number; requests: number }) => ({
  serverCpuMsPerRequest: round((c.node * 1000) / Math.max(1, c.requests)),
  ...(dbNote ? { databaseCpuMsPerRequest: round((c.db * 1000) / Math.max(1, c.requests)) } : {}),
})
const cpuText = (c: ReturnType<typeof cpuPerRequest>) =>
  `CPU ${c.serverCpuMsPerRequest} ms Node${c.databaseCpuMsPerRequest === undefined ? "" : ` + ${c.databaseCpuMsPerRequest} ms database`} a request`
const [relayCpu, ceilingCpu] = [cpuPerRequest(cpu.relay), cpuPerRequest(cpu.ceiling)]
const best = (xs: ReturnType<typeof loadFigures>[]) => xs.reduce((a, b) => (b.rps > a.rps ? b : a))
const r = best(measured.relay)
const c = best(measured.ceiling)
const f = best(measured.first)
const firstRatio = round(f.rps / c.rps)
report(args, {
  values: {
    rps: r.rps,
    p50: r.p50,
    p99: r.p99,
    runs: measured.relay,
    ...relayCpu,
    contacts: ready.contacts,
    events: ready.events,
    firstLookups: { rps: f.rps, p50: f.p50, p99: f.p99, ratio: firstRatio, runs: measured.first },
  },
  ceiling: {
    rps: c.rps,
    p50: c.p50,
    p99: c.p99,
    runs: measured.ceiling,
    ...ceilingCpu,
  },
  ratio: round(r.rps / c.rps),
  summary: {
    measured:
      `${r.rps.toLocaleString("en-US")} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${cpuText(relayCpu)}; ` +
      `first lookups (no digest yet) ${f.rps.toLocaleString("en-US")} req/s, p99 ${f.p99} ms (${firstRatio})`,
    ceiling: `${c.rps.toLocaleString("en-US")} req/s, p50 ${c.p50} ms, p99 ${c.p99} ms, ${cpuText(ceilingCpu)} (one indexed select through the same driver)`,
  },
  notes:
    `${dataNote}: ${ready.contacts.toLocaleString("en-US")} contacts and ${ready.events.toLocaleString("en-US")} events in the demo org; ` +
    (quick
      ? `autocannon ${connections} connections, ${quickRequests.measured} requests per run after ${quickRequests.warmup} to warm up (quick), ${runs} run(s) each alternating; `
      : `autocannon ${connections} connections, ${duration} s per run after ${warmup} s warm-up, ${runs} run(s) each alternating, best run shown; `) +
    `emails rotating over ${ready.emails.length.toLocaleString("en-US")} contacts, so each lookup reads the contact's digest kept from the last one; ` +
    `first lookups: the digests forgotten, then each of the ${ready.emails.length.toLocaleString("en-US")} contacts looked up once, before each pair of runs; ` +
    `ratio = req/s over the ceiling's req/s; ` +
    `CPU per request from /proc: the API process (Node)${dbNote}`,
})

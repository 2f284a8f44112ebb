// Part of `npm run bench`: POST /api/v1/events, 1,000-event NDJSON batches with 4 in flight (half the
// events for known contacts, half creating contacts, every event scored), beside its ceiling measured in
// the same run: COPY of the same rows, batch for batch and as many in flight, into a table shaped and indexed
// like marketing_events. PostgreSQL server, a throwaway schema of the scratch database (DATABASE_URL,
// default .../test), seeded with the demo org first.
//
//   npx tsx tests/bench/ingest.bench.ts [--quick] [--json <file>] [--schema <name>] [--workers <n>] [--in-flight <n>]
//
// --schema <name>: that schema of DATABASE_URL instead of a throwaway one, seeded only when it has no tables yet and kept
// afterwards, so that runs compared with each other (before/after a change) skip the seed and start from the same data
// (give each run a fresh copy, e.g. a database made with CREATE DATABASE ... TEMPLATE, or the runs add up).
// --workers <n>: the API as production runs it, `npm run server -- --workers n` (src/server/main.ts), on the same
// data, instead of the benchmark's single in-process server.
// --in-flight <n>: batches sent at once (default 4).
import { randomUUID } from "node:crypto"
import { loadavg } from "node:os"
import { parseArgs } from "node:util"
import pg from "pg"
import { pipeline } from "node:stream/promises"
import { Readable } from "node:stream"
import { from as copyFrom } from "pg-copy-streams"
import { eventMix } from "../../src/server/seed/data"
import { cpuSeconds, partArgs, partSchema, processTree, report, round, scratchSchema, startApiServer, startServerProcesses, withSearchPath } from "./part"

const args = partArgs()
const own = parseArgs({
  args: process.argv.slice(2),
  options: { schema: { type: "string" }, workers: { type: "string" }, "in-flight": { type: "string" } },
  strict: false,
}).values
const workers = typeof own.workers === "string" ? Number(own.workers) : undefined
if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) throw new Error(`--workers takes a whole number, not ${own.workers}`)
const quick = args.quick
const size = quick ? { contacts: 500, events: 2000, batches: 3 } : { contacts: 20_000, events: 200_000, batches: 60 }
const batchSize = 1000
// Batches in flight at once (the 2-4): 4, which keeps both cores busy while a batch waits on its commit.
const inFlight = typeof own["in-flight"] === "string" ? Number(own["in-flight"]) : 4
if (!(Number.isInteger(inFlight) && inFlight >= 1)) throw new Error(`--in-flight takes a whole number, not ${own["in-flight"]}`)
// The demo seed's mix of event types (mostly sends, opens and visits, a demo request in a hundred).
const types = eventMix.flatMap(([type, weight]) => Array.from({ length: weight }, () => type))
const campaigns = ["Q1 RevOps webinar series", "Pricing page retargeting", "Data quality nurture"]
const orgId = "a0000000-0000-4000-8000-000000000001"

// --quick under npm run bench: the schema seeded once for every part (the same quick demo size).
const scratch = typeof own.schema === "string" ? await keptSchema(own.schema) : partSchema(quick)
const api = await startApiServer({
  BENCH_ENGINE: "postgres",
  DATABASE_URL: scratch.url,
  BENCH_SCHEMA: scratch.schema,
  ...(scratch.seeded ? {} : { BENCH_SEED_CONTACTS: String(size.contacts), BENCH_SEED_EVENTS: String(size.events) }),
})
const pool = scratch.pool(inFlight + 1)
let cluster: { port: number; pid: number; stop(): Promise<void> } | undefined
try {
  const { ready } = api
  if (!ready.marketerToken) throw new Error("no marketer in the demo org")
  if (workers !== undefined) cluster = await startServerProcesses(workers, withSearchPath(scratch.url, scratch.schema))
  const relayPort = cluster?.port ?? ready.relay
  // Known contacts spread over the whole org, as marketing automation's traffic is: batches in flight rarely
  // share a contact (they lock the contacts they score).
  const known = (await pool.query<{ email: string }>("SELECT email FROM contact_emails WHERE org_id = $1 ORDER BY contact_id", [orgId])).rows.map(
    (r) => r.email,
  )
  const run = randomUUID().slice(0, 8)
  const now = Date.now()
  // Batch b: 500 events for known contacts, 500 for 250 new ones (two events each, the first with firmographics).
  interface Ev {
    email: string
    type: string
    occurredAt: string
    source: string
    externalId: string
    campaign: string
    contact?: Record<string, unknown>
  }
  const batches: Ev[][] = Array.from({ length: size.batches + 1 }, (_, b) =>
    Array.from({ length: batchSize }, (_, i) => {
      const isKnown = i % 2 === 0
      const email = isKnown ? known[(b * 500 + i / 2) % known.length]! : `new-${run}-${b}-${((i - 1) / 2) % 250}@bench.example`
      return {
        email,
        type: types[(b * 31 + i * 7) % types.length]!,
        occurredAt: new Date(now - ((b * batchSize + i) % 2_592_000) * 1000).toISOString(),
        source: "bench",
        externalId: `${run}-${b}-${i}`,
        campaign: campaigns[i % campaigns.length]!,
        ...(!isKnown && i % 4 === 1
          ? { contact: { firstName: "Bench", lastName: `Lead ${i}`, title: "VP Marketing", industry: "software", companySize: 250 } }
          : {}),
      }
    }),
  )
  const [warm, ...measured] = batches
  // The bodies are written before the clock starts: this process shares the cores with the API and the database.
  const bodies = new Map(batches.map((batch) => [batch, batch.map((e) => JSON.stringify(e)).join("\n")]))

  // Relay: NDJSON batches, inFlight at once.
  const post = async (batch: Ev[]) => {
    const r = await fetch(`http://127.0.0.1:${relayPort}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${ready.marketerToken}`, "content-type": "application/x-ndjson" },
      body: bodies.get(batch),
    })
    if (r.status !== 200) throw new Error(`POST /api/v1/events answered ${r.status}: ${await r.text()}`)
    return (await r.json()) as { accepted: number; rejected: unknown[]; contactsCreated: number; newMqls: number }
  }
  await post(warm!)
  const latencies: number[] = []
  const totals = { accepted: 0, rejected: 0, contactsCreated: 0, newMqls: 0 }
  const inParallel = async (work: (i: number) => Promise<void>) => {
    let next = 0
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let i = next++; i < measured.length; i = next++) await work(i)
      }),
    )
  }
  // Where the CPU went (the machine is shared, so events/s alone says little): the API's processes, and the
  // PostgreSQL backends of the database (all of them: exact when the database is the run's own, as with --schema
  // on a copy made from a template).
  const apiPids = processTree(cluster?.pid ?? api.server.pid!)
  const backends = async () =>
    (await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).rows.map(
      (r) => r.pid,
    )
  const cpuAt = async () => new Map([...apiPids, ...(await backends())].map((pid) => [pid, cpuSeconds([pid])]))
  const cpu0 = await cpuAt()
  let t = performance.now()
  await inParallel(async (i) => {
    const s = performance.now()
    const r = await post(measured[i]!)
    latencies.push(performance.now() - s)
    totals.accepted += r.accepted
    totals.rejected += r.rejected.length
    totals.contactsCreated += r.contactsCreated
    totals.newMqls += r.newMqls
  })
  const relaySeconds = (performance.now() - t) / 1000
  const cpu1 = await cpuAt()
  const used = (pids: number[]) => pids.reduce((n, pid) => n + (cpu1.get(pid) ?? cpu0.get(pid) ?? 0) - (cpu0.get(pid) ?? 0), 0)
  const apiCpu = used(apiPids)
  const pgCpu = used([...cpu1.keys()].filter((pid) => !apiPids.includes(pid)))
  if (totals.accepted !== measured.length * batchSize)
    throw new Error(`accepted ${totals.accepted} of ${measured.length * batchSize} events (${totals.rejected} rejected)`)

  // Ceiling: COPY of the same rows (contact ids as Relay resolved them) into a table like marketing_events.
  const ids = new Map(
    (
      await pool.query<{ email: string; id: string }>(
        "SELECT email, contact_id AS id FROM contact_emails WHERE org_id = $1 AND email LIKE 'new-' || $2 || '-%' OR (org_id = $1 AND email = ANY($3))",
        [orgId, run, known],
      )
    ).rows.map((r) => [r.email, r.id]),
  )
  await pool.query("DROP TABLE IF EXISTS copy_ceiling")
  await pool.query("CREATE TABLE copy_ceiling (LIKE marketing_events INCLUDING ALL)")
  const esc = (v: string) => v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n")
  const copy = async (batch: Ev[], suffix: string) => {
    const client = await pool.connect()
    try {
      const rows =
        batch
          .map((e) =>
            [orgId, ids.get(e.email) ?? randomUUID(), e.type, e.occurredAt, e.campaign, "\\N", e.source, e.externalId + suffix, "{}"]
              .map((v) => (v === "\\N" ? v : esc(v)))
              .join("\t"),
          )
          .join("\n") + "\n"
      await pipeline(
        Readable.from([rows]),
        client.query(copyFrom("COPY copy_ceiling (org_id, contact_id, type, occurred_at, campaign, asset_id, source, external_id, properties) FROM STDIN")),
      )
    } finally {
      client.release()
    }
  }
  await copy(warm!, "")
  t = performance.now()
  await inParallel((i) => copy(measured[i]!, ""))
  const copySeconds = (performance.now() - t) / 1000

  latencies.sort((a, b) => a - b)
  const events = measured.length * batchSize
  const rate = events / relaySeconds
  const ceiling = events / copySeconds
  report(args, {
    values: {
      eventsPerSecond: Math.round(rate),
      batches: measured.length,
      batchSize,
      inFlight,
      workers: workers ?? "in-process",
      batchP50Ms: Math.round(latencies[Math.floor(latencies.length / 2)]!),
      batchMaxMs: Math.round(latencies[latencies.length - 1]!),
      contactsCreated: totals.contactsCreated,
      newMqls: totals.newMqls,
      seededContacts: ready.contacts,
      seededEvents: ready.events,
      cpuMsPer1000Events: {
        api: Math.round((apiCpu * 1e6) / (measured.length * batchSize)),
        postgres: Math.round((pgCpu * 1e6) / (measured.length * batchSize)),
      },
      loadAverage: round(loadavg()[0]!),
    },
    ceiling: { eventsPerSecond: Math.round(ceiling), what: `COPY of the same rows, 1,000 per COPY, ${inFlight} in flight` },
    ratio: round(rate / ceiling),
    summary: {
      measured: `${Math.round(rate).toLocaleString("en-US")} events/s (batch p50 ${Math.round(latencies[Math.floor(latencies.length / 2)]!)} ms)`,
      ceiling: `${Math.round(ceiling).toLocaleString("en-US")} rows/s by COPY`,
    },
    notes:
      `PostgreSQL server, throwaway schema, demo org seeded with ${ready.contacts.toLocaleString("en-US")} contacts / ${ready.events.toLocaleString("en-US")} events; ` +
      `${measured.length} NDJSON batches of ${batchSize} after one warm-up, ${inFlight} in flight, half the events for known contacts (spread over the org) and half creating ${totals.contactsCreated.toLocaleString("en-US")} contacts (${totals.newMqls.toLocaleString("en-US")} became MQLs), the demo seed's mix of event types, every event scored; ` +
      `ceiling: COPY of the same rows into a table with marketing_events' columns and indexes, batch for batch; ratio = events/s over COPY's rows/s`,
  })
} finally {
  await cluster?.stop()
  await pool.query("DROP TABLE IF EXISTS copy_ceiling").catch(() => {})
  await pool.end()
  await api.stop()
  await scratch.drop()
}

/** A schema kept across runs (--schema): seeded by the API server only when it has no contacts table yet. */
async function keptSchema(name: string) {
  const s = scratchSchema(name)
  const c = new pg.Client({ connectionString: s.url })
  await c.connect()
  const seeded = (await c.query<{ t: string | null }>("SELECT to_regclass($1) AS t", [`"${name}".contacts`])).rows[0]!.t !== null
  await c.end()
  return { ...s, seeded, drop: async () => {} }
}

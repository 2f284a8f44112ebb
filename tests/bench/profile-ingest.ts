// Where one ingest batch spends its time, statement by statement (a throwaway schema of the scratch database).
//   npx tsx tests/bench/profile-ingest.ts [--batches n] [--contacts n]   (the demo org seeded with n contacts, default 2000)
// Node's share: --cpu-prof <file> writes a CPU profile of the batches alone (open it in Chrome's DevTools).
import { randomUUID } from "node:crypto"
import { readFileSync, writeFileSync } from "node:fs"
import { Session } from "node:inspector"
import { openDatabase, poolOf, rows, sql } from "../../src/server/db/client"
import { ingest } from "../../src/server/events/service"
import { eventMix } from "../../src/server/seed/data"
import { demoOrgs, seedDemo } from "../../src/server/seed/index"
import { scratchSchema } from "./part"

// The benchmark's mix of event types (the demo seed's: mostly sends, opens and visits).
const types = eventMix.flatMap(([type, weight]) => Array.from({ length: weight }, () => type))
const at = process.argv.indexOf("--batches")
const batches = at > 0 ? Number(process.argv[at + 1]) : 3
const contactsAt = process.argv.indexOf("--contacts")
const contacts = contactsAt > 0 ? Number(process.argv[contactsAt + 1]) : 2000
const profAt = process.argv.indexOf("--cpu-prof")
const profFile = profAt > 0 ? process.argv[profAt + 1] : undefined

// CPU as well as wall time (the machine is shared: wall times swing, CPU seconds much less): this process's, and that
// of the PostgreSQL backends serving it (found by application name), from /proc.
process.env.PGAPPNAME = `profile-ingest-${process.pid}`
const ticks = (pid: number) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8")
      .slice(readFileSync(`/proc/${pid}/stat`, "utf8").lastIndexOf(")") + 2)
      .split(" ")
    return (Number(f[11]) + Number(f[12])) * 10 // ms at 100 Hz
  } catch {
    return 0
  }
}

const explain = process.argv.includes("--explain")
const explainSettings = `LOAD 'auto_explain'; SET LOCAL auto_explain.log_min_duration = 0; SET LOCAL auto_explain.log_analyze = on; SET LOCAL auto_explain.log_timing = ${process.env.EXPLAIN_TIMING ?? "on"};
  SET LOCAL auto_explain.log_nested_statements = ${process.env.EXPLAIN_NESTED ?? "off"}; SET LOCAL auto_explain.log_triggers = on; SET LOCAL auto_explain.log_level = notice`

const scratch = scratchSchema()
const database = await openDatabase({ databaseUrl: scratch.url, schema: scratch.schema })
try {
  const { db } = database
  const pool = poolOf(db)!
  const noticed = new WeakSet<object>()
  if (explain)
    pool.on("acquire", (c) => {
      if (noticed.has(c)) return
      noticed.add(c)
      c.on("notice", (m) => {
        if (explaining) console.log(m.message)
      })
    })
  let explaining = false
  await seedDemo(db, { contacts, events: contacts * 5 })
  await db.execute(sql`VACUUM ANALYZE`)
  const emails = (await rows<{ email: string }>(db, sql`SELECT email FROM contact_emails WHERE org_id = ${demoOrgs.acme} LIMIT ${contacts}`)).map(
    (r) => r.email,
  )
  const times: { ms: number; text: string }[] = []
  const exec = db.execute.bind(db)
  const timed = (target: { execute: typeof db.execute }) => {
    const orig = target.execute.bind(target)
    target.execute = (async (q: Parameters<typeof db.execute>[0]) => {
      const t = performance.now()
      try {
        return await orig(q)
      } finally {
        const text =
          typeof q === "string"
            ? q
            : ((q as unknown as { queryChunks?: unknown[] }).queryChunks ?? [])
                .map((c) => (typeof c === "object" && c && "value" in c ? (c as { value: string[] }).value.join("") : "?"))
                .join("")
                .replace(/\s+/g, " ")
                .slice(0, 90)
        times.push({ ms: performance.now() - t, text })
      }
    }) as typeof db.execute
  }
  timed(db)
  const origTx = db.transaction.bind(db)
  ;(db as { transaction: unknown }).transaction = (async (fn: (tx: typeof db) => unknown) =>
    origTx(async (tx) => {
      // --explain: each statement's plan with its times, as PostgreSQL ran it (auto_explain, sent back as notices).
      if (explain) await tx.execute(sql.raw(explainSettings))
      timed(tx)
      const ot = tx.transaction.bind(tx)
      ;(tx as { transaction: unknown }).transaction = (f: (t: typeof db) => unknown) =>
        ot(async (sp) => {
          timed(sp)
          return f(sp)
        })
      return fn(tx)
    })) as never
  const p = { orgId: demoOrgs.acme, orgName: "Acme", userId: randomUUID(), email: "m", name: "m", role: "marketer" as const, tokenId: "" }
  const backends = async () =>
    (await rows<{ pid: number }>(db, sql`SELECT pid FROM pg_stat_activity WHERE application_name = ${process.env.PGAPPNAME}`)).map((r) => r.pid)
  const sum = { wall: 0, node: 0, pg: 0, n: 0 }
  const inspector = profFile ? new Session() : undefined
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => inspector!.post(method, params, (err, r) => (err ? reject(err) : resolve(r))))
  if (inspector) {
    inspector.connect()
    await post("Profiler.enable")
    await post("Profiler.start")
  }
  const byStatement = new Map<string, number>()
  // What the batches wrote, counted rather than timed (this shared machine's speed swings; the work does not): WAL
  // records and bytes (pg_stat_wal, the whole server's: nothing else should run meanwhile), and the buffers read or hit.
  const wal = async () =>
    (
      await rows<{ records: number; bytes: number; blocks: number }>(
        db,
        sql`SELECT w.wal_records::float8 AS records, w.wal_bytes::float8 AS bytes, (d.blks_hit + d.blks_read)::float8 AS blocks
        FROM pg_stat_wal w, pg_stat_database d WHERE d.datname = current_database()`,
      )
    )[0]!
  let wal0 = await wal()
  for (let b = 0; b < batches; b++) {
    // The warm-up batches are left out of the counts as they are of the averages.
    if (b === Math.min(2, batches - 1)) wal0 = await wal()
    times.length = 0
    const batch = Array.from({ length: 1000 }, (_, i) => ({
      email: i % 2 === 0 ? emails[(b * 997 + i * 13) % emails.length]! : `new-${b}-${((i - 1) / 2) % 250}@bench.example`,
      type: types[(b * 31 + i * 7) % types.length]!,
      occurredAt: new Date(Date.now() - i * 60_000).toISOString(),
      source: "bench",
      externalId: `p-${b}-${i}`,
      campaign: "Data quality nurture",
      // As the benchmark sends them: a new contact's first event carries its firmographics.
      ...(i % 4 === 1 ? { contact: { firstName: "Bench", lastName: `Lead ${i}`, title: "VP Marketing", industry: "software", companySize: 250 } } : {}),
    }))
    // As the route gets it: NDJSON text.
    const body = batch.map((e) => JSON.stringify(e)).join("\n")
    const pids = await backends()
    times.length = 0
    const pg0 = pids.reduce((n, pid) => n + ticks(pid), 0)
    const cpu0 = process.cpuUsage()
    const t = performance.now()
    explaining = explain && b === batches - 1
    const r = await ingest(db, p, body)
    const wall = performance.now() - t
    const cpu = process.cpuUsage(cpu0)
    const node = (cpu.user + cpu.system) / 1000
    const pg = pids.reduce((n, pid) => n + ticks(pid), 0) - pg0
    // The first batches warm up (plans, caches, JIT): left out of the averages.
    if (b >= Math.min(2, batches - 1)) {
      Object.assign(sum, { wall: sum.wall + wall, node: sum.node + node, pg: sum.pg + pg, n: sum.n + 1 })
      for (const x of times) byStatement.set(x.text.slice(0, 60), (byStatement.get(x.text.slice(0, 60)) ?? 0) + x.ms)
    }
    console.log(
      `batch ${b}: ${wall.toFixed(0)} ms (CPU: node ${node.toFixed(0)} ms, postgres ${pg} ms), accepted ${r.accepted}, newMqls ${r.newMqls}, ${times.length} statements`,
    )
    if (batches > 5) continue
    const top = [...times].sort((a, b) => b.ms - a.ms).slice(0, 8)
    for (const x of top) console.log(`  ${x.ms.toFixed(1).padStart(8)} ms  ${x.text}`)
  }
  void exec
  if (inspector) {
    const { profile } = (await post("Profiler.stop")) as { profile: unknown }
    writeFileSync(profFile!, JSON.stringify(profile))
    inspector.disconnect()
  }
  const avg = (x: number) => (x / sum.n).toFixed(1)
  // Row versions written per batch (statistics reach pg_stat_user_tables when a backend goes idle: give it a moment).
  await new Promise((r) => setTimeout(r, 1500))
  const written = await rows<{ relname: string; ins: number; upd: number; hot: number }>(
    db,
    sql`SELECT relname, n_tup_ins::int AS ins, n_tup_upd::int AS upd, n_tup_hot_upd::int AS hot FROM pg_stat_user_tables
    WHERE schemaname = current_schema() AND relname IN ('contacts', 'score_buckets', 'marketing_events') ORDER BY relname`,
  )
  for (const w of written) console.log(`${w.relname}: ${w.ins} inserted, ${w.upd} updated (${w.hot} HOT) in all, seed included`)
  console.log(`average of ${sum.n} batches: ${avg(sum.wall)} ms, CPU node ${avg(sum.node)} ms, postgres ${avg(sum.pg)} ms`)
  const wal1 = await wal()
  console.log(
    `per batch: ${avg(wal1.records - wal0.records)} WAL records, ${avg((wal1.bytes - wal0.bytes) / 1024)} KB of WAL, ${avg(wal1.blocks - wal0.blocks)} buffers read or hit`,
  )
  for (const [text, ms] of [...byStatement].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${avg(ms).padStart(8)} ms  ${text}`)
} finally {
  await database.close()
  await scratch.drop()
}

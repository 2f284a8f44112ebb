// Part of `npm run bench`: POST /api/v1/activities with autocannon, 50 connections, one request in ten
// re-sending an activity already sent (a client's retry: same id, same content), beside its ceiling measured
// in the same run: pgbench sending single-row upserts (INSERT … ON CONFLICT DO NOTHING, prepared) over 50
// connections into a table shaped and indexed like activities (without its foreign key and triggers), as issue 9
// states it; where pgbench cannot run (not installed), a loop of the same upserts through pg stands in (the notes say
// which). The pg loop is reported beside it either way: like autocannon, it is a JavaScript client in this
// process, on the same cores. Afterwards every acknowledged id must be stored exactly once. PostgreSQL server,
// a throwaway schema of the scratch database (DATABASE_URL, default .../test), seeded with the demo org first.
//
//   npx tsx tests/bench/activities.bench.ts [--quick] [--json <file>]
import { spawnSync } from "node:child_process"
import { randomUUID } from "node:crypto"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { autocannon, loadFigures, partArgs, partSchema, report, round, startApiServer } from "./part"

const args = partArgs()
const quick = args.quick
const duration = Number(process.env.DURATION ?? (quick ? 2 : 15))
const connections = 50
// --quick: a fixed number of requests instead of a duration (a loaded machine still gets answers), and a short ceiling loop.
const quickRequests = { warmup: 50, measured: 300 }
const ceilingSeconds = quick ? { warmup: 0.3, measured: 1 } : { warmup: 1, measured: duration }
const orgId = "a0000000-0000-4000-8000-000000000001"

// --quick under npm run bench: the schema seeded once for every part (the same quick demo size).
const scratch = partSchema(quick)
const api = await startApiServer({
  BENCH_ENGINE: "postgres",
  DATABASE_URL: scratch.url,
  BENCH_SCHEMA: scratch.schema,
  ...(scratch.seeded ? {} : { BENCH_SEED_CONTACTS: quick ? "500" : "20000", BENCH_SEED_EVENTS: quick ? "2000" : "200000" }),
})
const pool = scratch.pool(connections)
try {
  const { ready } = api
  const contactIds = (await pool.query<{ id: string }>("SELECT id FROM contacts WHERE org_id = $1 ORDER BY id LIMIT 2000", [orgId])).rows.map((r) => r.id)
  const types = ["call", "email", "linkedin_message", "meeting", "note"]
  const newActivity = (i: number) => ({
    id: randomUUID(),
    contactId: contactIds[i % contactIds.length]!,
    type: types[i % types.length]!,
    occurredAt: new Date(Date.now() - i * 1000).toISOString(),
    ...(i % 5 === 0 ? { outcome: "connected", durationSeconds: 120 } : {}),
    notes: `Benchmark activity ${i}`,
  })

  const sent: string[] = []
  const acknowledged = new Set<string>()
  const statuses: Record<number, number> = {}
  let i = 0
  const load = (seconds: number, requests: number) =>
    autocannon({
      url: `http://127.0.0.1:${ready.relay}`,
      connections,
      ...(quick ? { amount: requests } : { duration: seconds }),
      timeout: 30,
      headers: { authorization: `Bearer ${ready.token}`, "content-type": "application/json" },
      requests: [
        {
          method: "POST",
          path: "/api/v1/activities",
          // One in ten repeats an activity already sent, byte for byte.
          setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
            const n = i++
            const body = n % 10 === 9 && sent.length ? sent[Math.floor(Math.random() * sent.length)]! : JSON.stringify(newActivity(n))
            if (!(n % 10 === 9 && sent.length)) sent.push(body)
            context.id = (JSON.parse(body) as { id: string }).id
            return { ...req, body }
          },
          onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
            statuses[status] = (statuses[status] ?? 0) + 1
            if (status === 200 || status === 201) acknowledged.add(context.id as string)
          },
        },
      ],
    })
  await load(1, quickRequests.warmup)
  const cpuBefore = process.cpuUsage()
  const relay = await load(duration, quickRequests.measured)
  const cpuUsed = process.cpuUsage(cpuBefore)
  /** The load generator's own CPU a request (this process: autocannon and the bodies it is handed). */
  const loadCpu = (cpuUsed.user + cpuUsed.system) / 1000 / Math.max(1, relay["2xx"] + relay.non2xx)
  const [stored] = (
    await pool.query<{ rows: number; ids: number; missing: number }>(
      `
    SELECT count(*)::int AS rows, count(DISTINCT a.id)::int AS ids,
      (SELECT count(*)::int FROM unnest($2::uuid[]) x WHERE NOT EXISTS (SELECT 1 FROM activities b WHERE b.org_id = $1 AND b.id = x)) AS missing
    FROM activities a WHERE a.org_id = $1 AND a.id = ANY($2::uuid[])`,
      [orgId, [...acknowledged]],
    )
  ).rows
  const duplicates = stored!.rows - stored!.ids
  if (duplicates !== 0 || stored!.missing !== 0) throw new Error(`${duplicates} duplicate and ${stored!.missing} lost activities`)
  if (relay.non2xx || relay.errors || relay.timeouts || !relay["2xx"])
    throw new Error(`${relay.non2xx} non-2xx answers (${JSON.stringify(statuses)}) and ${relay.errors} errors`)

  // Ceilings: single-row upserts, 50 at a time, by pgbench and by a pg loop in this process.
  await pool.query("CREATE TABLE upsert_ceiling (LIKE activities INCLUDING ALL)")
  const userId = ready.repId
  const upsert = (n: number) =>
    pool.query(
      `INSERT INTO upsert_ceiling (org_id, id, contact_id, user_id, type, occurred_at, notes, asset_ids, body_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '{}', 'x') ON CONFLICT (org_id, id) DO NOTHING`,
      [orgId, randomUUID(), contactIds[n % contactIds.length], userId, types[n % types.length], new Date().toISOString(), `Benchmark activity ${n}`],
    )
  const loop = async (seconds: number) => {
    let done = 0
    const end = performance.now() + seconds * 1000
    const t = performance.now()
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < end) await upsert(done++)
      }),
    )
    return done / ((performance.now() - t) / 1000)
  }
  // pgbench's rows: the contact a random id (the table has no foreign key), the type one of the five.
  const pgbenchScript = `\\set n random(0, 4)
INSERT INTO upsert_ceiling (org_id, id, contact_id, user_id, type, occurred_at, notes, asset_ids, body_hash)
  VALUES ('${orgId}', gen_random_uuid(), gen_random_uuid(), '${userId}', (ARRAY['${types.join("','")}'])[:n + 1], now(), 'Benchmark activity', '{}', 'x')
  ON CONFLICT (org_id, id) DO NOTHING;
`
  const scriptFile = join(mkdtempSync(join(tmpdir(), "relay-bench-pgbench-")), "upsert.sql")
  writeFileSync(scriptFile, pgbenchScript)
  let pgbenchFailed = ""
  // A time limit counts the clients' connecting too, which takes a while on a loaded machine: never under 3 s.
  const pgbench = (seconds: number): number | undefined => {
    const r = spawnSync(
      "pgbench",
      ["-n", "-M", "prepared", "-c", String(connections), "-j", "2", "-T", String(Math.max(3, Math.round(seconds))), "-f", scriptFile, scratch.url],
      {
        env: { ...process.env, PGOPTIONS: `-c search_path="${scratch.schema}",public` },
        encoding: "utf8",
      },
    )
    const tps = r.stdout?.match(/tps = ([\d.]+)/)
    if (!r.error && r.status === 0 && tps) return Number(tps[1])
    pgbenchFailed = r.error?.message ?? r.stderr.split("\n").find((l) => l.includes("error")) ?? `exit ${r.status}`
    return undefined
  }
  const pgbenchRate = pgbench(ceilingSeconds.warmup) === undefined ? undefined : pgbench(ceilingSeconds.measured)
  rmSync(dirname(scriptFile), { recursive: true, force: true })
  // After pgbench: the loop leaves 50 connections open in this pool, and the server takes only so many.
  await loop(ceilingSeconds.warmup)
  const pgLoop = await loop(ceilingSeconds.measured)
  const ceiling = pgbenchRate ?? pgLoop
  const ceilingWhat = pgbenchRate
    ? "pgbench: single-row INSERT … ON CONFLICT DO NOTHING, prepared, 50 connections"
    : `pgbench could not run (${pgbenchFailed}): single-row INSERT … ON CONFLICT DO NOTHING through pg, 50 connections`

  const f = loadFigures(relay)
  report(args, {
    values: {
      perSecond: f.rps,
      p50: f.p50,
      p99: f.p99,
      requests: f.ok,
      created: statuses[201] ?? 0,
      repeats: statuses[200] ?? 0,
      duplicates,
      lost: stored!.missing,
      loadClientCpuMsPerRequest: round(loadCpu, 3),
    },
    ceiling: { perSecond: Math.round(ceiling), what: ceilingWhat, pgLoopPerSecond: Math.round(pgLoop) },
    ratio: round(f.rps / ceiling),
    summary: {
      measured: `${f.rps.toLocaleString("en-US")}/s, p99 ${f.p99} ms, ${duplicates} duplicates`,
      ceiling: `${Math.round(ceiling).toLocaleString("en-US")}/s single-row upserts${pgbenchRate ? " (pgbench)" : " (pg loop)"}`,
    },
    notes:
      `PostgreSQL server, throwaway schema, demo org seeded with ${ready.contacts.toLocaleString("en-US")} contacts; autocannon ${connections} connections, ${quick ? `${quickRequests.measured} requests (quick)` : `${duration} s`} after a warm-up, ` +
      `one request in ten re-sending an earlier activity; every acknowledged id checked stored exactly once; autocannon's own CPU ${round(loadCpu, 3)} ms a request, on the same cores; ` +
      `ceiling: ${pgbenchRate ? "pgbench" : "a loop through pg (pgbench could not run)"} sending single-row upserts over ${connections} connections for as long, same run, into a table like activities without its foreign key and triggers ` +
      `(the pg loop, a JavaScript client in this process like autocannon: ${Math.round(pgLoop).toLocaleString("en-US")}/s); ratio = activities/s over upserts/s`,
  })
} finally {
  await pool.end()
  await api.stop()
  await scratch.drop()
}

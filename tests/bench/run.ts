// `npm run bench`: every benchmark of Relay, each beside the ceiling it is compared to, into
// tests/bench/results.json (one key per figure) and tests/bench/results.md.
//
//   npm run bench                         every part, full size (takes a long while; the machine should be quiet)
//   npm run bench -- --only lookup,seed   some parts; the other keys of results.json are kept as they were
//   npm run bench -- --quick              every part on small data, to prove the harness works (CI runs it): it
//                                         asserts nothing about speed and writes to a temporary directory
//   --out <dir>                           where results.json and results.md go
//
// Each part is its own script, run as a child process with `[--quick] --json <file>` and writing
// `{ values, ceiling?, ratio?, notes?, summary? }` there, so parts stay independent and each can be run alone.
// Data: full lookup reads the large shared database (relay_bench, read only); everything else uses PGlite in
// memory or a throwaway schema of the scratch PostgreSQL database (DATABASE_URL, default .../test).
import { spawn } from "node:child_process"
import { execSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { scratchSchema, type Figure } from "./part"

interface Part {
  key: string
  script: string
  args?: string[]
  what: string
  /** Held while the part runs: the extension's build and port are shared with the end-to-end tests. */
  lock?: string
  /** Another author's script that may not speak --json yet: its absence is reported, not fatal, until it does. */
  optionalUntilJson?: boolean
  /** --quick: the data tests/bench/quick-data.ts prepares once for several parts, which this part waits for and uses. */
  needs?: Prep[]
}

/** What --quick prepares once: a seeded scratch schema, a migrated empty PGlite directory, a seeded PGlite DATA_DIR. */
type Prep = "pg" | "pgliteEmpty" | "pgliteDemo"

const parts: Part[] = [
  { key: "lookup", script: "lookup.bench.ts", what: "GET /api/v1/contacts/lookup on the PostgreSQL server", needs: ["pg"] },
  {
    key: "lookupEmbedded",
    script: "lookup.bench.ts",
    args: ["--embedded"],
    what: "GET /api/v1/contacts/lookup on the embedded PGlite",
    needs: ["pgliteDemo"],
  },
  { key: "ingest", script: "ingest.bench.ts", what: "POST /api/v1/events, 1,000-event NDJSON batches", needs: ["pg"] },
  { key: "activities", script: "activities.bench.ts", what: "POST /api/v1/activities, 10% repeated ids", needs: ["pg"] },
  { key: "recommendations", script: "recommendations.bench.ts", what: "recommendations for one contact, 10,000 assets", needs: ["pgliteEmpty"] },
  { key: "reports", script: "reports.bench.ts", what: "the slowest dashboard report", optionalUntilJson: true },
  {
    key: "extension",
    script: "sidebar.bench.ts",
    what: "the extension in Chromium on the demo pages",
    lock: "/tmp/relay-e2e.lock",
    needs: ["pgliteDemo"],
  },
  { key: "seed", script: "seed.bench.ts", what: "seeding the demo data", needs: ["pgliteEmpty"] },
  { key: "workers", script: "workers.bench.ts", what: "lookup with 1 and 2 API processes (--workers)", needs: ["pg"] },
]

const { values: opts } = parseArgs({ options: { quick: { type: "boolean" }, only: { type: "string" }, out: { type: "string" } } })
const quick = opts.quick === true
const only = opts.only ? opts.only.split(",").map((s) => s.trim()) : undefined
const unknown = only?.filter((k) => !parts.some((p) => p.key === k)) ?? []
if (unknown.length) throw new Error(`unknown part(s) ${unknown.join(", ")}; parts: ${parts.map((p) => p.key).join(", ")}`)
const chosen = parts.filter((p) => !only || only.includes(p.key))
const outDir = opts.out ?? (quick ? mkdtempSync(join(tmpdir(), "relay-bench-quick-")) : "tests/bench")
const partDir = mkdtempSync(join(tmpdir(), "relay-bench-parts-"))
// --quick never touches the shared large database, whatever the environment says.
const env = { ...process.env }
if (quick && env.DATABASE_URL && new URL(env.DATABASE_URL).pathname === "/relay_bench") delete env.DATABASE_URL

const git = (cmd: string) => {
  try {
    return execSync(`git ${cmd}`, { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim()
  } catch {
    return ""
  }
}
const commit = `${git("rev-parse --short HEAD") || "?"}${git("status --porcelain -- src tests/bench") ? " (with uncommitted changes)" : ""}`
const started = new Date()
const loadBefore = loadavg()

interface Outcome {
  part: Part
  figure?: Figure
  error?: string
  seconds: number
  /** Of those seconds, how long the part waited for its lock (another run of the end-to-end tests holding it). */
  waited?: number
  /** CPU seconds the part's processes used (Linux; the database server's own processes are not counted). */
  cpu?: number
}

const tsx = join(process.cwd(), "node_modules/.bin/tsx")
const lockedMark = "@@relay-bench: lock taken"
const secondsSince = (t: number) => Math.round((Date.now() - t) / 100) / 10
// CPU of this process's finished children (cutime + cstime in /proc/self/stat): read when a child has exited, the
// growth since the last reading is (nearly always) that child's and its own children's. Undefined off Linux.
let childTicks = 0
function childCpu(): number | undefined {
  try {
    const f = readFileSync("/proc/self/stat", "utf8")
    const rest = f.slice(f.lastIndexOf(")") + 2).split(" ")
    const ticks = Number(rest[13]) + Number(rest[14])
    const grew = ticks - childTicks
    childTicks = ticks
    return Math.round(grew) / 100
  } catch {
    return undefined
  }
}
childCpu()

function runPart(part: Part, partEnv = env): Promise<Outcome> {
  const json = join(partDir, `${part.key}.json`)
  const args = [join("tests/bench", part.script), ...(part.args ?? []), ...(quick ? ["--quick"] : []), "--json", json]
  // Under flock, a line once the lock is held tells the wait apart from the part's own time.
  const [cmd, argv] =
    part.lock && existsSync("/usr/bin/flock") ? ["/usr/bin/flock", [part.lock, "sh", "-c", `echo "${lockedMark}"; exec "$@"`, "sh", tsx, ...args]] : [tsx, args]
  const t = Date.now()
  return new Promise((resolve) => {
    if (!existsSync(join("tests/bench", part.script))) {
      resolve({ part, error: `tests/bench/${part.script} does not exist`, seconds: 0 })
      return
    }
    let log = ""
    let waited: number | undefined
    let limit: NodeJS.Timeout | undefined
    const child = spawn(cmd, argv, { env: partEnv, stdio: ["ignore", "pipe", "pipe"] })
    // The time limit counts from when the part holds its lock: waiting for someone else's end-to-end run is not its fault.
    // Quick parts share a machine that may be loaded by others too: a generous limit, to catch a hang, not slowness.
    const startLimit = () => (limit = setTimeout(() => child.kill("SIGTERM"), (quick ? 300 : 3600) * 1000))
    if (cmd !== "/usr/bin/flock") startLimit()
    const keep = (d: Buffer) => {
      let text = d.toString()
      if (waited === undefined && text.includes(lockedMark)) {
        waited = secondsSince(t)
        text = text.replace(`${lockedMark}\n`, "")
        startLimit()
      }
      log = (log + text).slice(-4000)
    }
    child.stdout.on("data", keep)
    child.stderr.on("data", keep)
    child.on("exit", (code, signal) => {
      clearTimeout(limit)
      const seconds = secondsSince(t)
      const cpu = childCpu()
      if (code === 0 && existsSync(json)) {
        try {
          const figure = JSON.parse(readFileSync(json, "utf8")) as Figure
          if (figure && typeof figure === "object" && figure.values && typeof figure.values === "object") return resolve({ part, figure, seconds, waited, cpu })
          return resolve({ part, error: `wrote ${json} without "values"`, seconds, waited, cpu })
        } catch (e) {
          return resolve({ part, error: `wrote unreadable JSON: ${(e as Error).message}`, seconds, waited, cpu })
        }
      }
      const why = code === 0 ? "exited without writing its --json file" : `exited with ${signal ?? `code ${code}`}`
      resolve({ part, error: `${why}; last output:\n${log.trim().split("\n").slice(-15).join("\n")}`, seconds, waited, cpu })
    })
  })
}

/** A part by another author counts only once its script takes --json; until then its absence is said, not fatal. */
const tolerated = (o: Outcome) => {
  if (!o.part.optionalUntilJson) return false
  const file = join("tests/bench", o.part.script)
  return !existsSync(file) || !readFileSync(file, "utf8").includes("--json")
}

// --quick: the small data several parts share, prepared once (tests/bench/quick-data.ts) beside the parts that need none.
interface Prepared {
  ok: boolean
  error?: string
  seconds: number
  cpu?: number
}
const prepared = new Map<Prep, Prepared>()
const quickScratch = quick && chosen.some((p) => p.needs?.includes("pg")) ? scratchSchema() : undefined
const quickPgliteRoot = quick && chosen.some((p) => p.needs?.some((n) => n !== "pg")) ? mkdtempSync(join(tmpdir(), "relay-bench-pglite-")) : undefined
const partEnv = { ...env }
if (quickScratch) Object.assign(partEnv, { DATABASE_URL: quickScratch.url, BENCH_QUICK_SCHEMA: quickScratch.schema })
if (quickPgliteRoot) partEnv.BENCH_QUICK_PGLITE = quickPgliteRoot
let settled: () => void = () => {}
let changed = new Promise<void>((r) => (settled = r))
function prepare(what: Prep, args: string[]): Promise<void> {
  const t = Date.now()
  return new Promise((resolve) => {
    let log = ""
    const child = spawn(tsx, ["tests/bench/quick-data.ts", ...args], { env: partEnv, stdio: ["ignore", "pipe", "pipe"] })
    const keep = (d: Buffer) => {
      log = (log + d.toString()).slice(-4000)
    }
    child.stdout.on("data", keep)
    child.stderr.on("data", keep)
    const limit = setTimeout(() => child.kill("SIGTERM"), 300_000)
    child.on("exit", (code, signal) => {
      clearTimeout(limit)
      const r: Prepared = { ok: code === 0, seconds: secondsSince(t), cpu: childCpu() }
      if (!r.ok)
        r.error = `tests/bench/quick-data.ts ${args.join(" ")} exited with ${signal ?? `code ${code}`}:\n${log.trim().split("\n").slice(-15).join("\n")}`
      prepared.set(what, r)
      console.log(r.ok ? `✓ prepared ${what} (${r.seconds} s)` : `✗ preparing ${what} (${r.seconds} s): ${r.error}`)
      settled()
      changed = new Promise<void>((res) => (settled = res))
      resolve()
    })
  })
}
const preparing: Promise<void>[] = []
if (quickScratch) preparing.push(prepare("pg", ["--pg", quickScratch.schema]))
if (quickPgliteRoot) preparing.push(prepare("pgliteEmpty", ["--pglite-empty", quickPgliteRoot]), prepare("pgliteDemo", ["--pglite-demo", quickPgliteRoot]))
const preparationFailed = (p: Part) => (quick ? (p.needs ?? []).map((n) => prepared.get(n)).find((r) => r && !r.ok) : undefined)

// Quick parts only prove the harness works, so they may share the machine (a part waits for the data it needs);
// full parts run one at a time. A quick part's figures mean nothing: several load the same machine at once.
const outcomes: Outcome[] = []
// The longest parts first, each once its data is there (the browser, then the ones that start several processes or
// their own database), the short ones beside them.
const quickOrder = ["extension", "reports", "workers", "lookupEmbedded", "seed", "lookup", "activities", "ingest", "recommendations"]
const queue = quick ? [...chosen].sort((a, b) => quickOrder.indexOf(a.key) - quickOrder.indexOf(b.key)) : [...chosen]
const concurrency = quick ? 4 : 1
const wallStarted = Date.now()
try {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = quick ? queue.findIndex((p) => (p.needs ?? []).every((n) => prepared.has(n))) : 0
        if (queue.length === 0) return
        if (i < 0) {
          await changed
          continue
        }
        const p = queue.splice(i, 1)[0]!
        console.log(`▶ ${p.key}: ${p.what}${quick ? " (quick)" : ""}`)
        const failedPrep = preparationFailed(p)
        const o: Outcome = failedPrep
          ? { part: p, error: `not run: its quick data could not be prepared: ${failedPrep.error}`, seconds: 0 }
          : await runPart(p, quick ? partEnv : env)
        outcomes.push(o)
        const took = `${o.seconds} s${o.waited ? `, ${o.waited} s of it waiting for ${p.lock}` : ""}`
        console.log(o.error ? `✗ ${p.key} (${took}): ${o.error}` : `✓ ${p.key} (${took})${o.figure!.ratio !== undefined ? `: ratio ${o.figure!.ratio}` : ""}`)
      }
    }),
  )
  await Promise.all(preparing)
} finally {
  await quickScratch?.drop()
  if (quickPgliteRoot) rmSync(quickPgliteRoot, { recursive: true, force: true })
}
const wallSeconds = secondsSince(wallStarted)
outcomes.sort((a, b) => parts.indexOf(a.part) - parts.indexOf(b.part))

const meta = {
  date: started.toISOString(),
  cpu: `${cpus()[0]?.model ?? "?"} × ${cpus().length}`,
  loadAverage: { before: loadBefore.map((l) => Math.round(l * 100) / 100), after: loadavg().map((l) => Math.round(l * 100) / 100) },
  commit,
  node: process.version,
  quick,
}

// A partial run keeps the other figures of the last results, each with the run it came from.
const jsonFile = join(outDir, "results.json")
const previous = existsSync(jsonFile) && !quick ? (JSON.parse(readFileSync(jsonFile, "utf8")) as Record<string, unknown>) : {}
const results: Record<string, unknown> = { ...previous }
for (const o of outcomes) {
  results[o.part.key] = o.figure
    ? { ...o.figure, run: { date: meta.date, commit, loadAverage: meta.loadAverage, seconds: o.seconds, quick } }
    : { error: o.error, run: { date: meta.date, commit, quick } }
}
const ordered: Record<string, unknown> = { run: meta }
for (const p of parts) if (results[p.key] !== undefined) ordered[p.key] = results[p.key]
mkdirSync(outDir, { recursive: true })
writeFileSync(jsonFile, `${JSON.stringify(ordered, null, 2)}\n`)

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ")
const compact = (v: unknown) => cell(JSON.stringify(v).slice(0, 300))
const rowsMd = parts
  .filter((p) => ordered[p.key])
  .map((p) => {
    const f = ordered[p.key] as Figure & { error?: string; run?: { date: string; commit: string } }
    const when = f.run ? `${f.run.date.slice(0, 16).replace("T", " ")} @ ${f.run.commit}` : ""
    if (f.error) return `| ${p.key} | ${cell(p.what)} | not measured: ${cell(f.error.split("\n")[0]!)} | | | ${when} |`
    const measured = f.summary?.measured ?? compact(f.values)
    const ceiling = f.summary?.ceiling ?? (f.ceiling === undefined ? "—" : compact(f.ceiling))
    return `| ${p.key} | ${cell(p.what)} | ${cell(measured)} | ${cell(ceiling)} | ${f.ratio ?? "—"} | ${when} |`
  })
const notes = parts.filter((p) => (ordered[p.key] as Figure | undefined)?.notes).map((p) => `- **${p.key}**: ${(ordered[p.key] as Figure).notes}`)
const md = `# Relay benchmarks${quick ? " (quick: small data, proves the harness only)" : ""}

- Date: ${meta.date}
- CPU: ${meta.cpu}; load average (1/5/15 min) ${meta.loadAverage.before.join(" ")} before, ${meta.loadAverage.after.join(" ")} after — the machine may be shared
- Git commit: ${commit}; Node ${meta.node}
- Command: \`npm run bench${only ? ` -- --only ${only.join(",")}` : ""}${quick ? " -- --quick" : ""}\`; a figure from an earlier run says so in its last column

The ratio is the measured figure over its ceiling: for rates (req/s, events/s) 1.0 means as fast as the
ceiling; for times (ms, s) under 1.0 means within it.

| figure | what | measured | ceiling | ratio | run |
| --- | --- | --- | --- | --- | --- |
${rowsMd.join("\n")}

## How each was measured

${notes.join("\n")}
`
writeFileSync(join(outDir, "results.md"), md)
console.log(`\n${md}\nWritten: ${jsonFile} and ${join(outDir, "results.md")}`)

// Where the run's time went (the console only: results.json keeps each part's seconds in its "run").
const cpuNote = (cpu?: number) => (cpu === undefined ? "" : `, ${cpu} s CPU`)
console.log(
  `\nTime per part (wall seconds; ${quick ? `up to ${concurrency} parts at once` : "one part at a time"}; CPU of the part's own processes, not the database server's):`,
)
for (const [what, r] of prepared) console.log(`  prepare ${what}: ${r.seconds} s${cpuNote(r.cpu)}`)
for (const o of outcomes) console.log(`  ${o.part.key}: ${o.seconds} s${cpuNote(o.cpu)}${o.waited ? ` (${o.waited} s of it waiting for ${o.part.lock})` : ""}`)
console.log(
  `  whole run: ${wallSeconds} s; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
)

const failed = outcomes.filter((o) => o.error && !tolerated(o))
const skipped = outcomes.filter((o) => o.error && tolerated(o))
for (const o of skipped) console.warn(`note: ${o.part.key} not measured (its script does not take --json yet): ${o.error!.split("\n")[0]}`)
if (failed.length) {
  console.error(`\n${failed.length} part(s) failed: ${failed.map((o) => o.part.key).join(", ")}`)
  process.exit(1)
}

// What every part of `npm run bench` shares: its arguments (--quick, --json <file>), how it hands its
// figure back to tests/bench/run.ts, autocannon, free ports and where the CPU went during a run.
import { spawn, type ChildProcess } from "node:child_process"
import { randomUUID } from "node:crypto"
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { parseArgs } from "node:util"
import pg from "pg"

export interface PartArgs {
  quick: boolean
  json?: string
}

export function partArgs(argv = process.argv.slice(2)): PartArgs {
  const { values } = parseArgs({ args: argv, options: { quick: { type: "boolean" }, json: { type: "string" } }, strict: false })
  return { quick: values.quick === true, json: typeof values.json === "string" ? values.json : undefined }
}

/** One figure: what was measured, the ceiling it is compared to (measured in the same run when it can be) and the ratio. */
export interface Figure {
  values: Record<string, unknown>
  ceiling?: unknown
  /** Relay's figure over the ceiling's, so that 1 means "as fast as the ceiling" whichever way the unit points. */
  ratio?: number
  /** What was measured, on what data, in plain words (results.md shows it). */
  notes?: string
  /** The figure and its ceiling as results.md's table shows them ("1,234 req/s, p99 45 ms"). */
  summary?: { measured: string; ceiling?: string }
}

/** The part's result, for run.ts (--json) and for a person running the part alone (stdout). */
export function report(args: PartArgs, figure: Figure) {
  console.log(JSON.stringify(figure, null, 2))
  if (args.json) {
    mkdirSync(dirname(args.json), { recursive: true })
    writeFileSync(args.json, JSON.stringify(figure, null, 2))
  }
}

export interface Histogram {
  average: number
  mean: number
  p50: number
  p90: number
  p99: number
  max: number
}
export interface LoadResult {
  requests: Histogram
  latency: Histogram
  throughput: Histogram
  non2xx: number
  errors: number
  timeouts: number
  "2xx": number
  duration: number
}
export const autocannon = createRequire(import.meta.url)("autocannon") as (opts: Record<string, unknown>) => Promise<LoadResult>

/** The figures of an autocannon run worth keeping. */
export const loadFigures = (r: LoadResult) => ({
  rps: Math.round(r.requests.average),
  p50: r.latency.p50,
  p99: r.latency.p99,
  ok: r["2xx"],
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
})

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once("error", reject)
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!

/**
 * A throwaway schema in the scratch PostgreSQL database (DATABASE_URL, default the local `test` database),
 * dropped by `drop()`. Never relay_bench: the large shared database is only ever read (the full lookup).
 */
export function scratchSchema(name?: string) {
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test"
  if (new URL(url).pathname === "/relay_bench") throw new Error("relay_bench is read only for benchmarks: give a scratch database in DATABASE_URL")
  const schema = name ?? `bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`
  return {
    url,
    schema,
    /** A pg pool working in the schema. */
    pool: (max = 10) => new pg.Pool({ connectionString: url, max, options: `-c search_path="${schema}",public` }),
    async drop() {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await c.end()
    },
  }
}

export interface Ready {
  relay: number
  ceiling: number
  token: string
  marketerToken?: string
  repId: string
  emails: string[]
  contacts: number
  events: number
}

/**
 * A TypeScript entry point in a child process (through tsx), resolved once `ready` finds what it waits for in the
 * child's output; the child is stopped (SIGTERM, then awaited) when it exits early or does not get there in time.
 */
async function spawnUntil<T>(args: string[], env: NodeJS.ProcessEnv, withinMs: number, ready: (out: string) => T | undefined, what: string) {
  const server = spawn(join(process.cwd(), "node_modules/.bin/tsx"), args, { env, stdio: ["ignore", "pipe", "inherit"] })
  const stop = async () => {
    if (server.exitCode !== null) return
    const exited = new Promise((r) => server.once("exit", r))
    server.kill("SIGTERM")
    await exited
  }
  let out = ""
  server.stdout!.on("data", (d) => {
    out += d
  })
  const end = Date.now() + withinMs
  for (;;) {
    const found = ready(out)
    if (found !== undefined) return { server, found, stop }
    if (Date.now() > end || server.exitCode !== null) {
      await stop()
      throw new Error(`${what} did not start:\n${out}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Node's flags for the API, as package.json's start and server scripts give them (README, Performance). */
const serverNodeArgs = ["--max-semi-space-size=64"]

/**
 * tests/bench/api-server.ts in a child process (see there for `env`); resolves once it listens.
 * BENCH_SERVER_NODE_ARGS: node options for that process only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where it spends its time.
 */
export async function startApiServer(env: Record<string, string>): Promise<{ server: ChildProcess; ready: Ready; appName: string; stop(): Promise<void> }> {
  const nodeArgs = [...serverNodeArgs, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [])]
  // Its database connections carry this name, so that their backends' CPU can be told from everyone else's.
  const appName = `relay-bench-${randomUUID().slice(0, 8)}`
  const { server, found, stop } = await spawnUntil(
    [...nodeArgs, "tests/bench/api-server.ts"],
    { ...process.env, ...env, PGAPPNAME: appName },
    3_600_000, // a large seed takes a while
    (out) => {
      const line = out.split("\n").find((l) => l.startsWith("READY "))
      return line ? (JSON.parse(line.slice(6)) as Ready) : undefined
    },
    "the benchmark API server",
  )
  return { server, ready: found, appName, stop }
}

/** The PostgreSQL backends serving connections named `appName` (their pids, for cpuSeconds). */
export async function backendsOf(databaseUrl: string, appName: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: databaseUrl })
  await c.connect()
  try {
    return (await c.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1", [appName])).rows.map((r) => r.pid)
  } finally {
    await c.end()
  }
}

// CPU seconds used by a set of processes, from /proc (Linux): on a shared machine req/s alone says little.
const hz = 100
function procStat(pid: number) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8")
    const rest = f.slice(f.lastIndexOf(")") + 2).split(" ")
    return { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) }
  } catch {
    return undefined
  }
}
/** A process and all its descendants. */
export function processTree(root: number): number[] {
  let all: number[]
  try {
    all = readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .map(Number)
  } catch {
    return [root]
  }
  const parents = new Map(all.map((p) => [p, procStat(p)?.ppid]))
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
export const cpuSeconds = (pids: number[]) => pids.reduce((t, p) => t + (procStat(p)?.ticks ?? 0), 0) / hz

// Data tests/bench/quick-data.ts prepared once for every part of `npm run bench -- --quick` (run.ts says where).
/** A private copy of one of the prepared PGlite directories ("empty": migrated; "demo": a seeded DATA_DIR), or undefined without one. */
export function quickPglite(which: "empty" | "demo"): string | undefined {
  const root = process.env.BENCH_QUICK_PGLITE
  if (!root || !existsSync(join(root, which))) return undefined
  const dir = mkdtempSync(join(tmpdir(), `relay-bench-${which}-`))
  cpSync(join(root, which), dir, { recursive: true })
  return dir
}

/** The prepared scratch schema, or undefined without one. */
export const quickSchema = () => process.env.BENCH_QUICK_SCHEMA || undefined

/**
 * The schema a part works in: with --quick and the schema run.ts prepared, that one, already seeded with the quick
 * demo and left for the other parts (run.ts drops it); otherwise a new throwaway schema the part seeds and drops.
 */
export function partSchema(quick: boolean) {
  const shared = quick ? quickSchema() : undefined
  const s = scratchSchema(shared)
  return { ...s, seeded: shared !== undefined, drop: shared ? async () => {} : s.drop }
}

/** A database URL whose connections work in `schema` (the servers src/server/main.ts starts take no schema of their own). */
export const withSearchPath = (url: string, schema: string) =>
  `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema},public`)}`

/**
 * The API as production runs it, `npm run server -- --workers n` (src/server/main.ts), on `databaseUrl` with the rate
 * limit out of the way; resolves once every worker listens (one process says "Relay backend on …" instead).
 */
export async function startServerProcesses(n: number, databaseUrl: string, readyWithinMs = 120_000) {
  const port = await freePort()
  const { server, stop } = await spawnUntil(
    [...serverNodeArgs, "src/server/main.ts", "--workers", String(n)],
    { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), RATE_LIMIT_PER_MINUTE: "1000000000", LOG: "" },
    readyWithinMs,
    (out) => (n === 1 ? out.includes("Relay backend on") : (out.match(/worker \d+ listening/g) ?? []).length >= n) || undefined,
    "the server",
  )
  return { port, pid: server.pid!, stop }
}

// What every part of `npm run bench` shares: its arguments (--quick, --json <file>), how it hands its
// figure back to tests/bench/run.ts, autocannon, free ports and where the CPU went during a run.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { dirname } from "node:path"
import { parseArgs } from "node:util"

export interface PartArgs { quick: boolean; json?: string }

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
}

/** The part's result, for run.ts (--json) and for a person running the part alone (stdout). */
export function report(args: PartArgs, figure: Figure) {
  console.log(JSON.stringify(figure, null, 2))
  if (args.json) {
    mkdirSync(dirname(args.json), { recursive: true })
    writeFileSync(args.json, JSON.stringify(figure, null, 2))
  }
}

export interface Histogram { average: number; mean: number; p50: number; p90: number; p99: number; max: number }
export interface LoadResult { requests: Histogram; latency: Histogram; throughput: Histogram; non2xx: number; errors: number; timeouts: number; "2xx": number; duration: number }
export const autocannon = createRequire(import.meta.url)("autocannon") as (opts: Record<string, unknown>) => Promise<LoadResult>

/** The figures of an autocannon run worth keeping. */
export const loadFigures = (r: LoadResult) => ({
  rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, ok: r["2xx"], non2xx: r.non2xx, errors: r.errors + r.timeouts,
})

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once("error", reject)
    s.listen(0, "127.0.0.1", () => { const port = (s.address() as { port: number }).port; s.close(() => resolve(port)) })
  })
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!

/** Never relay_bench, except for the parts that read it on purpose (the full lookup): it is shared and slow to rebuild. */
export function scratchDatabaseUrl(): string | undefined {
  const url = process.env.BENCH_SCRATCH_URL ?? process.env.DATABASE_URL
  if (url && new URL(url).pathname === "/relay_bench") throw new Error("relay_bench is read only for benchmarks: give a scratch database (DATABASE_URL or BENCH_SCRATCH_URL)")
  return url
}

// CPU seconds used by a set of processes, from /proc (Linux): on a shared machine req/s alone says little.
const hz = 100
function procStat(pid: number) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8")
    const rest = f.slice(f.lastIndexOf(")") + 2).split(" ")
    return { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) }
  } catch { return undefined }
}
/** A process and all its descendants. */
export function processTree(root: number): number[] {
  let all: number[] = []
  try { all = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number) } catch { return [root] }
  const parents = new Map(all.map((p) => [p, procStat(p)?.ppid]))
  const found = [root]
  for (let grew = true; grew;) {
    grew = false
    for (const [p, pp] of parents) if (pp !== undefined && found.includes(pp) && !found.includes(p)) { found.push(p); grew = true }
  }
  return found
}
export const cpuSeconds = (pids: number[]) => pids.reduce((t, p) => t + (procStat(p)?.ticks ?? 0), 0) / hz

// Relay's own script time on a page's renderer main thread, from a Chromium trace: what the sidebar benchmark
// (sidebar.bench.ts) reports and what sidebar-ab.ts compares between builds.
// Counted: the HOST page's renderer main thread only. The trace covers every process; the page's is the one the
// browser committed the page's main frame to (FrameCommittedInBrowser without a parent, its processId), and its
// main thread is that process's CrRendererMain (thread_name metadata).
import { writeFileSync } from "node:fs"
import type { BrowserContext, Page } from "playwright-core"

export type TraceEvent = {
  name: string
  ph: string
  pid: number
  tid: number
  dur?: number
  tdur?: number
  ts: number
  args?: { name?: string; data?: { url?: string; parent?: string; processId?: number; frame?: string } }
}
export type Slices = { wall: number; thread: number }
type CommitData = NonNullable<NonNullable<TraceEvent["args"]>["data"]>

/**
 * The trace of one page load in a new tab of `ctx`, until `until` (if given) and 600 ms more; `profile` names a file
 * for a CPU profile (CDP Profiler) of the same load.
 */
export async function traceLoad(ctx: BrowserContext, url: string, opts: { until?: (p: Page) => Promise<void>; profile?: string } = {}) {
  const p = await ctx.newPage()
  const cdp = await ctx.newCDPSession(p)
  const events: TraceEvent[] = []
  cdp.on("Tracing.dataCollected", (e) => {
    events.push(...(e.value as unknown as TraceEvent[]))
  })
  const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()))
  // disabled-by-default-devtools.timeline carries FrameCommittedInBrowser (which process each frame went to).
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8", transferMode: "ReportEvents" })
  if (opts.profile) {
    await cdp.send("Profiler.enable")
    await cdp.send("Profiler.setSamplingInterval", { interval: 50 })
    await cdp.send("Profiler.start")
  }
  await p.goto(url, { waitUntil: "load" })
  if (opts.until) await opts.until(p)
  await p.waitForTimeout(600)
  if (opts.profile) writeFileSync(opts.profile, JSON.stringify((await cdp.send("Profiler.stop")).profile))
  await cdp.send("Tracing.end")
  await done
  await p.close()
  return events
}

/** Wall and thread time of Relay's top-level script slices on one thread, nested slices counted once. */
export function scriptTime(events: TraceEvent[]): Slices {
  const ours = (e: TraceEvent) => (e.args?.data?.url ?? "").startsWith("chrome-extension://")
  // Top-level slices only (compile, evaluate, callbacks), so nested work is not counted twice.
  const top = events.filter(
    (e) => e.ph === "X" && ["EvaluateScript", "FunctionCall", "v8.compile", "TimerFire", "FireAnimationFrame"].includes(e.name) && ours(e),
  )
  top.sort((a, b) => a.ts - b.ts)
  if (process.env.TRACE_DEBUG)
    console.log(
      top
        .map(
          (e) =>
            `${e.pid}/${e.tid} ${e.name} ${((e.dur ?? 0) / 1000).toFixed(2)}ms (thread ${((e.tdur ?? 0) / 1000).toFixed(2)}ms) ${e.args?.data?.url?.slice(-40)}`,
        )
        .join("\n"),
    )
  let total = 0
  let thread = 0
  let end = 0
  for (const e of top) {
    const from = Math.max(e.ts, end)
    const to = e.ts + (e.dur ?? 0)
    if (to > from) {
      total += to - from
      // A slice nested in an earlier one was counted with it; a whole slice adds its own thread time.
      if (from === e.ts) thread += e.tdur ?? e.dur ?? 0
    }
    end = Math.max(end, to)
  }
  return { wall: total / 1000, thread: thread / 1000 }
}

/** The renderer main thread (pid, tid) a frame committed to: the last commit whose URL matches. */
export function mainThreadOf(events: TraceEvent[], matches: (d: CommitData) => boolean) {
  const commit = events.filter((e) => e.name === "FrameCommittedInBrowser" && e.args?.data && matches(e.args.data)).at(-1)
  const pid = commit?.args?.data?.processId
  if (pid === undefined) return null
  const main = events.find((e) => e.ph === "M" && e.name === "thread_name" && e.pid === pid && e.args?.name === "CrRendererMain")
  return main ? { pid, tid: main.tid } : null
}

/** The events of one thread (none for no thread). */
export const onThread = (events: TraceEvent[], t: { pid: number; tid: number } | null) => (t ? events.filter((e) => e.pid === t.pid && e.tid === t.tid) : [])

/** The host page's main frame, committed from `origin`'s /demo/ pages. */
export const hostFrame = (origin: string) => (d: CommitData) => !d.parent && (d.url ?? "").startsWith(`${origin}/demo/`)

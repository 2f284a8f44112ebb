// A/B of Relay's own main-thread script time on the nobody-on-screen pages (the sidebar benchmark's measure), for
// comparing builds of the extension in the same run: each build gets its own browser, and the page loads alternate
// between them, so the machine's load falls on both alike.
// flock /tmp/relay-e2e.lock npx tsx tests/bench/sidebar-ab.ts <extension dir> [<extension dir> ...]
//   RUNS (default 9), PAGES (comma-separated paths), SLICES=1 prints each load's slices, PROFILE=<file> writes a
//   CPU profile (CDP Profiler) of the last load of each page with the first build.
import { mkdtempSync, writeFileSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { chromium, type BrowserContext } from "playwright-core"
import { startBackend } from "../e2e/harness"

const dirs = process.argv.slice(2).map((d) => resolve(d))
if (dirs.length === 0) throw new Error("usage: sidebar-ab.ts <extension dir> [<extension dir> ...]")
const runs = Number(process.env.RUNS ?? 9)
const pages = (process.env.PAGES ?? "/demo/gmail#inbox,/demo/gmail-heavy#inbox,/demo/outlook-heavy#/mail/inbox,/demo/linkedin-heavy/feed/").split(",")
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

type TraceEvent = {
  name: string
  ph: string
  pid: number
  tid: number
  dur?: number
  tdur?: number
  ts: number
  args?: { name?: string; data?: { url?: string; parent?: string; processId?: number; functionName?: string; lineNumber?: number } }
}

async function launch(dir: string) {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "relay-ab-")), {
    executablePath: "/usr/bin/chromium",
    headless: false,
    viewport: { width: 1400, height: 900 },
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  })
}

async function load(ctx: BrowserContext, url: string, profile?: string) {
  const p = await ctx.newPage()
  const cdp = await ctx.newCDPSession(p)
  const events: TraceEvent[] = []
  cdp.on("Tracing.dataCollected", (e) => {
    events.push(...(e.value as unknown as TraceEvent[]))
  })
  const done = new Promise<void>((r) => cdp.once("Tracing.tracingComplete", () => r()))
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8", transferMode: "ReportEvents" })
  if (profile) {
    await cdp.send("Profiler.enable")
    await cdp.send("Profiler.setSamplingInterval", { interval: 50 })
    await cdp.send("Profiler.start")
  }
  await p.goto(url, { waitUntil: "load" })
  await p.waitForTimeout(600)
  if (profile) writeFileSync(profile, JSON.stringify((await cdp.send("Profiler.stop")).profile))
  await cdp.send("Tracing.end")
  await done
  await p.close()
  const commit = events.filter((e) => e.name === "FrameCommittedInBrowser" && !e.args?.data?.parent && (e.args?.data?.url ?? "").includes("/demo/")).at(-1)
  const pid = commit?.args?.data?.processId
  const main = events.find((e) => e.ph === "M" && e.name === "thread_name" && e.pid === pid && e.args?.name === "CrRendererMain")
  const on = events.filter((e) => e.pid === pid && e.tid === main?.tid)
  const top = on
    .filter((e) => e.ph === "X" && ["EvaluateScript", "FunctionCall", "v8.compile", "TimerFire", "FireAnimationFrame"].includes(e.name))
    .filter((e) => (e.args?.data?.url ?? "").startsWith("chrome-extension://"))
    .sort((a, b) => a.ts - b.ts)
  let thread = 0
  let end = 0
  const slices: string[] = []
  for (const e of top) {
    const to = e.ts + (e.dur ?? 0)
    if (e.ts >= end) {
      thread += e.tdur ?? e.dur ?? 0
      slices.push(`${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ""} ${((e.tdur ?? 0) / 1000).toFixed(2)}`)
    }
    end = Math.max(end, to)
  }
  if (process.env.NESTED)
    for (const e of top) {
      const inside = on.filter((x) => x.ph === "X" && x.ts >= e.ts && x.ts + (x.dur ?? 0) <= e.ts + (e.dur ?? 0) && (x.dur ?? 0) > 100)
      console.log(
        inside
          .map((x) => `  ${((x.ts - e.ts) / 1000).toFixed(2)} ${x.name} ${((x.dur ?? 0) / 1000).toFixed(2)}/${((x.tdur ?? 0) / 1000).toFixed(2)}`)
          .join("\n"),
      )
    }
  return { thread: thread / 1000, slices }
}

const backend = await startBackend()
const contexts: BrowserContext[] = []
try {
  for (const d of dirs) contexts.push(await launch(d))
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  )
  const results = pages.map(() => dirs.map(() => [] as number[]))
  for (let i = 0; i < runs; i++)
    for (const [k, path] of pages.entries())
      for (const [j] of dirs.entries()) {
        // Alternate which build goes first.
        const b = (j + i) % dirs.length
        const prof = process.env.PROFILE && b === 0 && i === runs - 1 ? `${process.env.PROFILE}-${k}.cpuprofile` : undefined
        const r = await load(contexts[b]!, `${backend.url}${path}`, prof)
        results[k]![b]!.push(r.thread)
        if (process.env.SLICES) console.log(`${path} [${b}] ${r.thread.toFixed(2)}: ${r.slices.join(", ")}`)
      }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  )
  for (const [k, path] of pages.entries()) console.log(`${path.padEnd(40)} ${dirs.map((_, b) => `[${b}] ${median(results[k]![b]!).toFixed(2)} ms`).join("  ")}`)
} finally {
  for (const c of contexts) await c.close()
  await backend.stop()
}

// A/B of Relay's own main-thread script time on the nobody-on-screen pages (the sidebar benchmark's measure), for
// comparing builds of the extension in the same run: each build gets its own browser, and the page loads alternate
// between them, so the machine's load falls on both alike.
// flock /tmp/relay-e2e.lock npx tsx tests/bench/sidebar-ab.ts <extension dir> [<extension dir> ...]
//   RUNS (default 9), PAGES (comma-separated paths), TRACE_DEBUG=1 prints each load's slices, PROFILE=<file> writes a
//   CPU profile (CDP Profiler) of the last load of each page with the first build.
import { loadavg } from "node:os"
import { resolve } from "node:path"
import type { BrowserContext } from "playwright-core"
import { launchBrowser, startBackend } from "../e2e/harness"
import { hostFrame, mainThreadOf, onThread, scriptTime, traceLoad } from "./sidebar-trace"

const dirs = process.argv.slice(2).map((d) => resolve(d))
if (dirs.length === 0) throw new Error("usage: sidebar-ab.ts <extension dir> [<extension dir> ...]")
const runs = Number(process.env.RUNS ?? 9)
const pages = (process.env.PAGES ?? "/demo/gmail#inbox,/demo/gmail-heavy#inbox,/demo/outlook-heavy#/mail/inbox,/demo/linkedin-heavy/feed/").split(",")
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function load(ctx: BrowserContext, url: string, profile?: string) {
  const events = await traceLoad(ctx, url, { profile })
  return scriptTime(onThread(events, mainThreadOf(events, hostFrame(backend.url)))).thread
}

const backend = await startBackend()
const contexts: BrowserContext[] = []
try {
  for (const d of dirs) contexts.push((await launchBrowser(undefined, d)).context)
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
        results[k]![b]!.push(await load(contexts[b]!, `${backend.url}${path}`, prof))
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

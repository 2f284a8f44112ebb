// Where recommend() spends its time, step by step, on the benchmark data:
//   npx tsx tests/bench/profile-recommendations.ts
import { performance } from "node:perf_hooks"
import * as repo from "../../src/server/recommendations/repository"
import { recommend } from "../../src/server/recommendations/service"
import { setup } from "./recommendations.bench"

const { db, close, principal, contactId } = await setup()
const now = new Date("2026-03-10T12:00:00Z")
const since = new Date(now.getTime() - 150 * 86_400_000)
const time = async (label: string, f: () => Promise<unknown>, n = 40) => {
  for (let i = 0; i < 5; i++) await f()
  const t: number[] = []
  for (let i = 0; i < n; i++) {
    const s = performance.now()
    await f()
    t.push(performance.now() - s)
  }
  t.sort((a, b) => a - b)
  console.log(`${label.padEnd(22)} p50 ${t[Math.floor(n / 2)]!.toFixed(2)} ms   p90 ${t[Math.floor(n * 0.9)]!.toFixed(2)} ms`)
}
const o = principal.orgId
const k = (s: string) => `${o.slice(0, 8)}|${s}`
await time("history", () => repo.history(db, o, contactId, since, 60))
const base = { stage: "mql", personas: ["executive"], industry: "fintech", topics: ["security", "roi"], terms: ["security", "review"], limit: 100 }
// Each pass alone: strong keys that find enough, broad keys only, no keys (any live asset).
const pass = { strong: [], broad: [], minStrong: 0, minBroad: 0 }
await time("candidates (strong)", () =>
  repo.candidates(db, o, {
    ...base,
    ...pass,
    strong: [k("s:mql|i:fintech|p:executive"), k("s:mql|i:fintech|t:security"), k("s:mql|p:executive|t:security")],
  }),
)
await time("candidates (broad)", () => repo.candidates(db, o, { ...base, ...pass, broad: [k("s:mql"), k("p:executive"), k("i:fintech")], minStrong: 1 }))
await time("candidates (all)", () => repo.candidates(db, o, { ...base, ...pass, minStrong: 1, minBroad: 1 }))
await time("recommend", () => recommend(db, principal, contactId, { context: "security review", limit: 5 }, now))
await time("recommend, no context", () => recommend(db, principal, contactId, { limit: 5 }, now))
await close()

// Part of `npm run bench`: the first-start demo seed on the embedded database, against the 30 s the issue allows.
// Run alone: npx tsx tests/bench/seed.bench.ts [--quick] [--json <file>]   (full: writes tests/bench/results/seed.md)
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { cpus } from "node:os"
import { openDatabase } from "../../src/server/db/client"
import { seedDemo } from "../../src/server/seed/index"
import { partArgs, quickPglite, report, round } from "./part"

const args = partArgs()
const ceilingMs = 30_000
// --quick: a tenth of the demo's contacts and a fiftieth of its events, once, to prove the part runs.
const size = args.quick ? { contacts: 500, events: 2000 } : { contacts: 5000, events: 100_000 }
const runs: number[] = []
for (let i = 0; i < (args.quick ? 1 : 2); i++) {
  // --quick under npm run bench: a copy of the migrated PGlite directory prepared once (DATA_DIR's engine on disk),
  // instead of a new database's initdb and migrations, which the timed seed does not include anyway.
  const dataDir = args.quick ? quickPglite("empty") : undefined
  const database = await openDatabase({ dataDir }) // in memory: the same engine as DATA_DIR without the disk
  const t = performance.now()
  await seedDemo(database.db, { ...size, now: new Date("2026-11-01T12:00:00Z") })
  runs.push(performance.now() - t)
  await database.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}
const best = Math.min(...runs)
const what = `${size.contacts.toLocaleString("en-US")} contacts, ${size.events.toLocaleString("en-US")} events, 64 assets, Globex`
if (!args.quick) {
  const table = [
    "| what | time | ratio to the 30 s ceiling |",
    "| --- | --- | --- |",
    ...runs.map((ms, i) => `| run ${i + 1}: ${what} | ${(ms / 1000).toFixed(1)} s | ${(ms / ceilingMs).toFixed(2)} |`),
  ].join("\n")
  const out = `# Demo seed benchmark\n\n${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), PGlite in memory.\n\n${table}\n\nBest: ${(best / 1000).toFixed(1)} s (${((best / ceilingMs) * 100).toFixed(0)} % of the ceiling).\n`
  mkdirSync("tests/bench/results", { recursive: true })
  writeFileSync("tests/bench/results/seed.md", out)
  console.log(out)
}
report(args, {
  values: { seconds: round(best / 1000, 1), runs: runs.map((ms) => round(ms / 1000, 1)), ...size },
  ceiling: { seconds: ceilingMs / 1000 },
  ratio: round(best / ceilingMs),
  summary: { measured: `${(best / 1000).toFixed(1)} s (best of ${runs.length})`, ceiling: `${ceilingMs / 1000} s on first start` },
  notes: `the demo seed (${what}) into PGlite in memory, as the first start does; ratio = time / 30 s`,
})

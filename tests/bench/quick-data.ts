// The data `npm run bench -- --quick` prepares once and hands to several parts, instead of each part creating
// and seeding the same small demo again (on this 2-core machine a fresh PGlite alone costs seconds of CPU:
// initdb inside WebAssembly, then every migration).
//
//   npx tsx tests/bench/quick-data.ts --pg <schema>   a schema of the scratch database (DATABASE_URL, default
//                                                     .../test), migrated and seeded with the quick demo
//   npx tsx tests/bench/quick-data.ts --pglite-empty <dir>   <dir>/empty: a migrated, empty PGlite data directory
//   npx tsx tests/bench/quick-data.ts --pglite-demo <dir>    <dir>/demo: a DATA_DIR as `npm run
//                                                     server` leaves it after its first start (pglite/ and
//                                                     demo-credentials.json), seeded with the quick demo
//
// A part given one of these (tests/bench/run.ts sets BENCH_QUICK_SCHEMA, BENCH_QUICK_PGLITE) uses it through the
// same code as its own data: the scratch schema through DATABASE_URL and search_path, a PGlite directory copied
// with `quickPglite()` and opened by openDatabase({ dataDir }) or `npm run server` (DATA_DIR). Only --quick does.
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { openDatabase, sql } from "../../src/server/db/client"
import { seedDemo, writeCredentials } from "../../src/server/seed/index"

/** The quick demo: big enough for the lookup's 100-contact rotation and the showcase people, small to seed. */
export const quickDemo = { contacts: 500, events: 2000 }

async function main() {
  const { values } = parseArgs({ options: { pg: { type: "string" }, "pglite-empty": { type: "string" }, "pglite-demo": { type: "string" } } })
  if (values.pg) {
    const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test"
    if (new URL(url).pathname === "/relay_bench") throw new Error("relay_bench is read only for benchmarks: give a scratch database in DATABASE_URL")
    const d = await openDatabase({ databaseUrl: url, schema: values.pg })
    await seedDemo(d.db, quickDemo)
    // As tests/bench/api-server.ts does after its own seed: fresh statistics, an empty GIN pending list.
    await d.db.execute(sql`VACUUM ANALYZE`)
    await d.close()
  }
  if (values["pglite-empty"]) {
    const d = await openDatabase({ dataDir: join(values["pglite-empty"], "empty") })
    await d.close()
  }
  if (values["pglite-demo"]) {
    // Its own new database rather than a copy of <dir>/empty: made beside that one, not after it, it is ready sooner
    // for the parts that wait for it (the browser's is the longest). What `npm run server` does on its first start,
    // at the quick size.
    const demo = join(values["pglite-demo"], "demo")
    mkdirSync(demo, { recursive: true })
    const s = await openDatabase({ dataDir: join(demo, "pglite") })
    writeCredentials(demo, await seedDemo(s.db, quickDemo))
    await s.db.execute(sql`VACUUM ANALYZE`)
    await s.close()
  }
}

if (process.argv[1]?.endsWith("quick-data.ts"))
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })

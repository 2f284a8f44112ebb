// `npm run server`: the backend on PORT (8787) with the embedded database in DATA_DIR (.data/),
// or a PostgreSQL server via DATABASE_URL. An empty embedded database gets the demo data first.
// `npm run server -- --workers N`: N processes sharing the port (src/server/cluster.ts; needs DATABASE_URL).
import { join } from "node:path"
import { buildApp } from "./app"
import { config } from "./config"
import { embeddedRefusal, isWorker, superviseWorkers, workersArg } from "./cluster"
import { openDatabase } from "./db/client"
import { isEmpty, seedDemo, writeCredentials } from "./seed/index"
import { printCredentials } from "./seed/print"

const cfg = config()
let workers: number
try {
  workers = workersArg(process.argv.slice(2))
} catch (err) {
  console.error((err as Error).message)
  process.exit(2)
}
if (workers > 1 && !cfg.databaseUrl) {
  console.error(embeddedRefusal(workers))
  process.exit(2)
}
const clustered = workers > 1 || isWorker()
const where = (kind: string) => (kind === "pglite" ? `embedded database in ${cfg.dataDir}` : "PostgreSQL")

if (!isWorker()) {
  // Once, before any worker starts: migrations (openDatabase runs them) and the demo data of an empty embedded database.
  const database = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: join(cfg.dataDir, "pglite") })
  if (!cfg.databaseUrl && (await isEmpty(database.db))) {
    console.log("Empty database: seeding the demo organizations…")
    const creds = await seedDemo(database.db, { log: (m) => console.log(`  ${m}`) })
    printCredentials(writeCredentials(cfg.dataDir, creds), creds)
  }
  if (clustered) {
    await database.close()
    console.log(`Relay backend on http://localhost:${cfg.port} with ${workers} workers (${where(database.kind)}); primary pid ${process.pid}`)
    if (!cfg.redisUrl) console.warn(`REDIS_URL is not set: each of the ${workers} workers counts rate limits on its own (a caller gets ${workers}× the limit)`)
    superviseWorkers(workers)
  } else {
    await serve(database)
    console.log(`Relay backend on http://localhost:${cfg.port} (${where(database.kind)})`)
    console.log(`Demo pages: http://localhost:${cfg.port}/demo   API: http://localhost:${cfg.port}/api/v1/openapi.json`)
  }
} else {
  // A worker: the primary has migrated already, so this only checks schema_migrations.
  const database = await openDatabase({ databaseUrl: cfg.databaseUrl })
  await serve(database)
  console.log(`worker ${process.pid} listening`)
}

async function serve(database: Awaited<ReturnType<typeof openDatabase>>) {
  const app = await buildApp({
    db: database.db,
    logger: process.env.LOG === "1",
    trustProxy: cfg.trustProxy,
    redisUrl: cfg.redisUrl,
    rateLimitPerMinute: cfg.rateLimitPerMinute,
  })
  // Which process answered, so a load balancer's (or a test's) view of the workers can be checked; only when clustered.
  if (clustered)
    app.addHook("onSend", async (_req, reply) => {
      reply.header("x-relay-worker", String(process.pid))
    })
  await app.listen({ port: cfg.port, host: cfg.host })
  let closing = false
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, async () => {
      // Ctrl-C reaches the primary and every worker; the primary's SIGTERM may follow: close once.
      if (closing) return
      closing = true
      await app.close()
      await database.close()
      process.exit(0)
    })
  }
}

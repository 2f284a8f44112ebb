// `npm run server -- --workers N`: N API processes on one machine, sharing the port through node:cluster
// (the primary accepts connections and hands them out in turn). The primary only prepares the database
// and looks after the workers; nothing is shared between workers but PostgreSQL and (with REDIS_URL) Redis.
import cluster, { type Worker } from "node:cluster"

/** `--workers N` (or `--workers=N`); 1 when absent, which means one process and no cluster at all. */
export function workersArg(argv: string[]): number {
  const i = argv.findIndex((a) => a === "--workers" || a.startsWith("--workers="))
  if (i < 0) return 1
  const raw = argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1]
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`--workers must be a whole number from 1 to 256, not "${raw ?? ""}"`)
  return n
}

/** Why PGlite cannot be shared: it is the database engine inside one process, on files only it may open. */
export const embeddedRefusal = (n: number) =>
  `--workers ${n} needs a PostgreSQL server: the embedded database (PGlite) runs inside one process and cannot be shared by ${n} workers. ` +
  `Set DATABASE_URL (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/relay npm run server -- --workers ${n}), or run without --workers.`

export const isWorker = () => cluster.isWorker

/**
 * In the primary: forks `n` workers, forks a new one whenever one dies, and on SIGINT/SIGTERM stops
 * them all (SIGTERM, then SIGKILL after 10 s) before exiting.
 */
export function superviseWorkers(n: number, log: (msg: string) => void = console.log) {
  let stopping = false
  const started = new Map<number, number>() // worker id → when it was forked
  const fork = () => {
    const w = cluster.fork()
    started.set(w.id, Date.now())
    return w
  }
  cluster.on("exit", (w: Worker, code, signal) => {
    const lived = Date.now() - (started.get(w.id) ?? 0)
    started.delete(w.id)
    if (stopping) return
    log(`worker ${w.process.pid} died (${signal ?? `exit code ${code}`}); starting another`)
    // A worker that dies at once (a bad setting, the port taken) would otherwise be re-forked in a tight loop.
    setTimeout(fork, lived < 5000 ? 1000 : 0)
  })
  for (let i = 0; i < n; i++) fork()

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopping = true
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead())
      const force = setTimeout(() => {
        for (const w of workers) if (!w.isDead()) w.process.kill("SIGKILL")
      }, 10_000)
      let left = workers.length
      const done = () => {
        clearTimeout(force)
        process.exit(0)
      }
      if (left === 0) return done()
      for (const w of workers) {
        w.once("exit", () => {
          if (--left === 0) done()
        })
        w.process.kill("SIGTERM")
      }
    })
  }
}

import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { poolOf, rows, sql, type Database, type Executor } from "../../src/server/db/client"
import { reportHalves } from "../../src/server/analytics/report-tx"
import { backends, openTestDatabase } from "./harness"

// A report's two halves run at once on two connections (PostgreSQL) or one after the other (PGlite), and in both
// cases read one snapshot: what commits while the first half runs is seen by neither.

const count = async (ex: Executor) => (await rows<{ n: number }>(ex, sql`SELECT count(*)::int AS n FROM halves`))[0]!.n
const backendPid = async (ex: Executor) => (await rows<{ pid: number }>(ex, sql`SELECT pg_backend_pid() AS pid`))[0]!.pid

describe.each(backends)("a report's two halves on %s", (kind) => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase(kind)
    await database.db.execute(sql`CREATE TABLE halves (n int)`)
    await database.db.execute(sql`INSERT INTO halves SELECT generate_series(1, 3)`)
  })
  afterAll(async () => {
    if (kind === "postgres") {
      const [r] = await rows<{ s: string }>(database.db, sql`SELECT current_schema() AS s`)
      await database.db.execute(sql.raw(`DROP SCHEMA IF EXISTS "${r!.s}" CASCADE`))
    }
    await database.close()
  })

  it("read one snapshot: a row committed while the first half runs is seen by neither half", async () => {
    let insert: Promise<unknown> | undefined
    const [a, b] = await reportHalves(
      database.db,
      async (ex) => {
        const before = await count(ex)
        // Another connection commits after the snapshot was taken (PGlite has one connection: nothing to commit in between).
        // (Promise.resolve: a drizzle query runs again each time it is awaited.)
        insert = kind === "postgres" ? Promise.resolve(database.db.execute(sql`INSERT INTO halves VALUES (4)`)) : Promise.resolve()
        await insert
        return { before, after: await count(ex), pid: await backendPid(ex) }
      },
      async (ex) => {
        await insert
        return { seen: await count(ex), pid: await backendPid(ex) }
      },
    )
    expect([a.before, a.after, b.seen]).toEqual([3, 3, 3])
    if (kind === "postgres") {
      expect(a.pid).not.toBe(b.pid)
      expect(await count(database.db)).toBe(4)
      await database.db.execute(sql`DELETE FROM halves WHERE n = 4`)
    }
  })

  it("is read only in either half", async () => {
    for (const write of [0, 1]) {
      const halves = [(ex: Executor) => count(ex), (ex: Executor) => count(ex)]
      halves[write] = (ex) => ex.execute(sql`INSERT INTO halves VALUES (5)`).then(() => 0)
      const err = await reportHalves(database.db, halves[0]!, halves[1]!).then(
        () => undefined,
        (e: Error & { cause?: Error }) => e,
      )
      expect(String(err?.cause?.message ?? err?.message)).toMatch(/read-only transaction/)
    }
    expect(await count(database.db)).toBe(3)
  })

  // PGlite has no pool: one connection, both halves always on it.
  if (kind === "postgres")
    it("with the pool taken, runs both halves on one connection instead of waiting for a second", async () => {
      const pool = poolOf(database.db)!
      const halves = () =>
        reportHalves(
          database.db,
          async (ex) => {
            await ex.execute(sql`SELECT pg_sleep(0.05)`)
            return backendPid(ex)
          },
          (ex) => backendPid(ex),
        )
      // All but one of the pool's connections held elsewhere: the report gets one and runs both halves on it.
      const held = await Promise.all(Array.from({ length: (pool.options.max ?? 10) - 1 }, () => pool.connect()))
      const [a, b] = await halves()
      held.forEach((c) => c.release())
      expect(a).toBe(b)
      // With room again, two connections.
      const [c, d] = await halves()
      expect(c).not.toBe(d)
      // Twelve reports at once on a pool of ten: each takes one connection first, so some cannot get a second; none waits for ever.
      expect(await Promise.all(Array.from({ length: 12 }, halves))).toHaveLength(12)
      // Every connection went back to the pool, none left inside a transaction.
      await new Promise((r) => setTimeout(r, 100))
      expect(pool.totalCount - pool.idleCount).toBe(0)
      const [{ n }] = (await rows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      )) as [{ n: number }]
      expect(n).toBe(0)
    })

  it("a failing half fails the report and leaves no connection behind", async () => {
    await expect(
      reportHalves(
        database.db,
        (ex) => count(ex),
        (ex) => ex.execute(sql`SELECT * FROM no_such_table`),
      ),
    ).rejects.toThrow(/no_such_table/)
    expect(await count(database.db)).toBeGreaterThanOrEqual(3)
    const pool = poolOf(database.db)
    if (pool) expect(pool.totalCount - pool.idleCount).toBe(0)
  })
})

import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Database, type Db, retriedTransaction, rows, sql } from "../../src/server/db/client"
import { openTestDatabase } from "./harness"

// Two ingest batches that each marked several MQLs deadlocked on the day's score-band rollup rows under load, and
// one answered 500. PostgreSQL undoes the transaction it ends, so the writers run it again (retriedTransaction), as
// they do one that lost a race for a new unique key (tests/integration/ingest-concurrency.test.ts).
// A real deadlock needs two connections: the PostgreSQL server only.
describe.runIf(process.env.DATABASE_URL)("a transaction PostgreSQL ends to break a deadlock", () => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase("postgres")
    await database.db.execute(sql`CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)`)
    await database.db.execute(sql`INSERT INTO counters VALUES (1, 0), (2, 0)`)
  })
  afterAll(() => database.close())

  it("runs again and both writers' work is kept exactly once", async () => {
    const db = database.db
    let tries = 0
    // Each takes its first row, waits until the other holds its own, then asks for the other's: a deadlock.
    const holding: Promise<void>[] = []
    const held: (() => void)[] = []
    for (let i = 0; i < 2; i++) holding.push(new Promise<void>((r) => held.push(r)))
    const writer = (first: number, second: number, me: number) =>
      retriedTransaction(db, async (tx: Db) => {
        tries++
        await tx.execute(sql`UPDATE counters SET n = n + 1 WHERE id = ${first}`)
        held[me]!()
        await holding[1 - me]
        await tx.execute(sql`UPDATE counters SET n = n + 1 WHERE id = ${second}`)
        return me
      })
    expect(await Promise.all([writer(1, 2, 0), writer(2, 1, 1)])).toEqual([0, 1])
    expect(tries).toBe(3) // one of the two was ended once and ran again
    expect(await rows(db, sql`SELECT id, n FROM counters ORDER BY id`)).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ])
  })

  it("throws a unique violation no race explains after the third try, and any other error at once", async () => {
    let tries = 0
    await expect(
      retriedTransaction(database.db, async (tx: Db) => {
        tries++
        await tx.execute(sql`INSERT INTO counters VALUES (1, 0)`)
      }),
    ).rejects.toThrow()
    expect(tries).toBe(3)
    tries = 0
    await expect(
      retriedTransaction(database.db, async (tx: Db) => {
        tries++
        await tx.execute(sql`UPDATE counters SET n = n / 0 WHERE id = 1`)
      }),
    ).rejects.toThrow()
    expect(tries).toBe(1)
  })
})

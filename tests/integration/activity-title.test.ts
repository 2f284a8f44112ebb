// A rep's activity's timeline title has one rule (src/shared/activity-words.ts): the server builds
// it in SQL, the sidebar in TypeScript for a log not yet sent. Both must read the same for every
// type, outcome and subject, or a log would change its title the moment it syncs.
import { PGlite } from "@electric-sql/pglite"
import { drizzle as drizzlePglite } from "drizzle-orm/pglite"
import { drizzle as drizzleNode } from "drizzle-orm/node-postgres"
import pg from "pg"
import { afterAll, describe, expect, it } from "vitest"
import { rows, sql, type Executor } from "../../src/server/db/client"
import { activityTitleSql } from "../../src/server/contacts/timeline-sql"
import { activityNames, activityTitle, outcomeLabels } from "../../src/shared/activity-words"

const types = [...Object.keys(activityNames), "voice_memo"]
const outcomes = [null, "", ...Object.keys(outcomeLabels), "rescheduled_by_them", "O'Brien"]
const subjects = [null, "", "Re: pricing", "It's 'quoted'"]
const cases = types.flatMap((type) => outcomes.flatMap((outcome) => subjects.map((subject) => ({ type, outcome, subject }))))

const closers: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const close of closers) await close()
})

async function open(kind: string): Promise<Executor> {
  if (kind === "postgres") {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 })
    closers.push(() => pool.end())
    return drizzleNode(pool) as unknown as Executor
  }
  const client = await PGlite.create()
  closers.push(() => client.close())
  return drizzlePglite(client) as unknown as Executor
}

describe.each(["pglite", ...(process.env.DATABASE_URL ? ["postgres"] : [])])("activity titles on %s", (kind) => {
  it("the SQL reads as activityTitle() for every type, outcome and subject", async () => {
    const db = await open(kind)
    const values = sql.join(
      cases.map((c, i) => sql`(${i}::int, ${c.type}::text, ${c.subject}::text, ${c.outcome}::text)`),
      sql`, `,
    )
    const got = await rows<{ i: number; title: string }>(
      db,
      sql`SELECT x.i, ${activityTitleSql(sql`x.type`, sql`x.subject`, sql`x.outcome`)} AS title FROM (VALUES ${values}) x(i, type, subject, outcome) ORDER BY x.i`,
    )
    expect(got.map((r) => r.title)).toEqual(cases.map((c) => activityTitle(c)))
    expect(got.find((r) => r.i === cases.findIndex((c) => c.type === "call" && c.outcome === "left_voicemail" && c.subject === null))?.title).toBe(
      "Call — left voicemail",
    )
  })
})

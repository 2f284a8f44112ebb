import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Database, pgArray, pgColumn, preparedRows, rows, sql } from "../../src/server/db/client"
import { backends, openTestDatabase } from "./harness"

// Every batch statement sends a column of values as one array literal (pgArray, pgColumn): whatever text a field
// holds must come back from the database exactly as sent, or a batch would store something else than it was given.
const texts = [
  "plain",
  "",
  "NULL",
  "null",
  'a "quoted" word',
  "back\\slash",
  '\\"',
  "comma, and {braces}",
  "  spaces around  ",
  "line\nbreak\ttab",
  '{"page":"/pricing","utm":"spring \\"launch\\""}',
  "Zoë Ångström 日本 🚀",
]

describe.each(backends)("array parameters on %s", (kind) => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase(kind)
  })
  afterAll(() => database.close())

  it("bring back every text as sent, NULL as NULL, in order", async () => {
    const sent = [...texts, null, "last"]
    const r = await rows<{ v: string | null }>(database.db, sql`SELECT v FROM unnest(${pgArray(sent)}::text[]) WITH ORDINALITY AS x(v, n) ORDER BY n`)
    expect(r.map((x) => x.v)).toEqual(sent)
  })

  it("carry numbers and booleans as their text, and an absent field as NULL, through a prepared statement", async () => {
    const items = [
      { n: 42, b: true, s: 'say "hi"' },
      { n: -1.5, b: false },
      { n: undefined, b: null, s: "\\" },
    ]
    const r = await preparedRows<{ n: number | null; b: boolean | null; s: string | null }, Record<string, string>>(
      database.db,
      "array_parameters_test",
      { n: pgColumn(items, (x) => x.n), b: pgColumn(items, (x) => x.b), s: pgColumn(items, (x) => x.s) },
      (v) => sql`SELECT n, b, s FROM unnest(${v.n}::float8[], ${v.b}::bool[], ${v.s}::text[]) WITH ORDINALITY AS x(n, b, s, k) ORDER BY k`,
    )
    expect(r.map((x) => ({ ...x, n: x.n === null ? null : Number(x.n) }))).toEqual([
      { n: 42, b: true, s: 'say "hi"' },
      { n: -1.5, b: false, s: null },
      { n: null, b: null, s: "\\" },
    ])
  })
})

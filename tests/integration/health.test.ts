import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rows, sql } from "../../src/server/db/client"
import type { SelectorHealth } from "../../src/shared/contracts/health"
import { printHealth } from "../../src/server/health/cli"
import { auth, backends, harness, type Harness } from "./harness"

const utcDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)
const yesterday = utcDay(1)

const report = (over: Record<string, unknown> = {}) => ({
  reportId: randomUUID(),
  day: yesterday,
  counts: [
    { site: "gmail", view: "thread", strategy: "structure", version: "0.1.0", count: 40 },
    { site: "gmail", view: "thread", strategy: "signals", version: "0.1.0", count: 7 },
    { site: "gmail", view: "thread", strategy: "none", version: "0.1.0", count: 3 },
    { site: "outlook", view: "thread", strategy: "name", version: "0.1.0", count: 2 },
  ],
  ...over,
})

describe.each(backends)("selector health on %s", (kind) => {
  let h: Harness
  const post = (payload: unknown, token = h.acme.tokens.rep, headers: Record<string, string> = {}) =>
    h.app.inject({ method: "POST", url: "/api/v1/health/selectors", headers: { ...auth(token), ...headers }, payload: payload as object })
  const read = (query = "", token = h.acme.tokens.admin) => h.app.inject({ url: `/api/v1/health/selectors${query}`, headers: auth(token) })
  const stored = async (orgId: string) =>
    (await rows<{ n: number }>(h.database.db, sql`SELECT coalesce(sum(n), 0)::int AS n FROM selector_health WHERE org_id = ${orgId}`))[0]!.n

  beforeAll(async () => {
    h = await harness(kind)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("takes a report from any signed-in extension and shows admins the counts per day, version, site and view", async () => {
    const r = report()
    const res = await post(r)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ day: yesterday, stored: 4, replaced: false })

    const health = (await read()).json() as SelectorHealth
    expect(health.to).toBe(utcDay(0))
    expect(health.rows).toEqual([
      { day: yesterday, version: "0.1.0", site: "gmail", view: "thread", structure: 40, signals: 7, name: 0, none: 3, total: 50, missRate: 0.06, reports: 1 },
      { day: yesterday, version: "0.1.0", site: "outlook", view: "thread", structure: 0, signals: 0, name: 2, none: 0, total: 2, missRate: 0, reports: 1 },
    ])
  })

  it("a resend of the same report replaces it (counted once); another browser's report adds up; versions stay apart", async () => {
    const before = await stored(h.acme.id)
    const r = report({ day: utcDay(2) })
    expect((await post(r)).json()).toMatchObject({ replaced: false })
    const again = await post(r, h.acme.tokens.marketer)
    expect(again.json()).toEqual({ day: utcDay(2), stored: 4, replaced: true })
    expect(await stored(h.acme.id)).toBe(before + 52)

    // A corrected resend (same id) replaces the numbers rather than adding them.
    await post({ ...r, counts: [{ site: "gmail", view: "thread", strategy: "structure", version: "0.1.0", count: 10 }] })
    expect(await stored(h.acme.id)).toBe(before + 10)

    await post(report({ day: utcDay(2), counts: [{ site: "gmail", view: "thread", strategy: "structure", version: "0.1.0", count: 5 }] }))
    await post(report({ day: utcDay(2), counts: [{ site: "gmail", view: "thread", strategy: "none", version: "0.2.0", count: 9 }] }))
    const health = (await read(`?from=${utcDay(2)}&to=${utcDay(2)}`)).json() as SelectorHealth
    expect(health.rows.map((x) => [x.version, x.site, x.structure, x.none, x.reports])).toEqual([
      ["0.2.0", "gmail", 0, 9, 1],
      ["0.1.0", "gmail", 15, 0, 2],
    ])
    const v2 = (await read(`?from=${utcDay(2)}&to=${utcDay(2)}&version=0.2.0`)).json() as SelectorHealth
    expect(v2.rows).toHaveLength(1)
    expect(v2.rows[0]!.missRate).toBe(1)
  })

  it("only admins read it", async () => {
    for (const role of ["rep", "marketer"] as const) {
      const res = await read("", h.acme.tokens[role])
      expect(res.statusCode).toBe(403)
      expect(res.json().error.code).toBe("forbidden")
    }
    expect((await read("", "not-a-token-at-all-000000000000")).statusCode).toBe(401)
    expect((await h.app.inject({ url: "/api/v1/health/selectors" })).statusCode).toBe(401)
    expect((await h.app.inject({ method: "POST", url: "/api/v1/health/selectors", payload: report() })).statusCode).toBe(401)
  })

  it("another org never sees them, and a report id another org used touches nothing of theirs", async () => {
    const r = report({ day: utcDay(3) })
    await post(r)
    const acmeBefore = await stored(h.acme.id)
    const theirs = (await read(`?from=${utcDay(10)}`, h.globex.tokens.admin)).json() as SelectorHealth
    expect(theirs.rows).toEqual([])
    // Globex resending Acme's report id stores Globex's own report and leaves Acme's alone.
    expect((await post(r, h.globex.tokens.rep)).json()).toMatchObject({ replaced: false })
    expect(await stored(h.acme.id)).toBe(acmeBefore)
    expect(((await read(`?from=${utcDay(10)}`, h.globex.tokens.admin)).json() as SelectorHealth).rows).toHaveLength(2)
  })

  it("refuses bad bodies and queries with 400 and stores nothing", async () => {
    const before = await stored(h.acme.id)
    const one = (c: Record<string, unknown>) => report({ counts: [{ site: "gmail", view: "thread", strategy: "structure", version: "0.1.0", count: 1, ...c }] })
    const bad: unknown[] = [
      {},
      [],
      report({ reportId: "not-a-uuid" }),
      report({ day: "2025-02-30" }),
      report({ day: "9999-12-31" }),
      report({ day: utcDay(400) }),
      report({ counts: [] }),
      report({ counts: Array.from({ length: 501 }, (_, i) => ({ site: "gmail", view: "thread", strategy: "structure", version: `1.${i}`, count: 1 })) }),
      one({ site: "facebook" }),
      one({ strategy: "guess" }),
      one({ view: "x".repeat(5000) }),
      one({ version: "<img src=x onerror=alert(1)>" }),
      one({ version: "1.2.3.4.5" }),
      one({ count: 0 }),
      one({ count: -3 }),
      one({ count: 1.5 }),
      one({ count: 3e9 }),
      one({ email: "someone@example.com" }),
      report({ url: "https://mail.google.com/mail/u/0/#inbox/abc" }),
      report({ counts: [...report().counts, report().counts[0]] }),
    ]
    for (const body of bad) {
      const res = await post(body)
      expect(res.statusCode, JSON.stringify(body).slice(0, 200)).toBe(400)
      expect(res.json().error.message).toBeTruthy()
    }
    const garbled = await post("{not json", h.acme.tokens.rep, { "content-type": "application/json" })
    expect(garbled.statusCode).toBe(400)
    const huge = await post({ ...report(), pad: "x".repeat(70 * 1024) })
    expect(huge.statusCode).toBe(413)
    expect(await stored(h.acme.id)).toBe(before)

    for (const q of ["?from=yesterday", "?from=2025-03-10&to=2025-03-01", "?site=myspace", "?version=abc", "?from=2020-01-01&to=2025-01-01", "?limit=5"]) {
      const res = await read(q)
      expect(res.statusCode, q).toBe(400)
    }
  })

  it("`relay health` prints the same rows for one org, and says why bad options are refused", async () => {
    const lines: unknown[] = []
    const log = { log: (m: unknown) => lines.push(m), table: (t: unknown) => lines.push(t) } as unknown as Console
    await printHealth(h.database.db, h.acme.id, { from: yesterday, to: yesterday }, log)
    expect(lines[0]).toMatch(new RegExp(`^Selector health from ${yesterday} to ${yesterday}`))
    expect(lines[1]).toEqual([
      {
        day: yesterday,
        version: "0.1.0",
        site: "gmail",
        view: "thread",
        structure: 40,
        signals: 7,
        name: 0,
        "nobody found": 3,
        total: 50,
        "missed %": "6.0",
        browsers: 1,
      },
      {
        day: yesterday,
        version: "0.1.0",
        site: "outlook",
        view: "thread",
        structure: 0,
        signals: 0,
        name: 2,
        "nobody found": 0,
        total: 2,
        "missed %": "0.0",
        browsers: 1,
      },
    ])
    lines.length = 0
    await printHealth(h.database.db, h.globex.id, { from: yesterday }, log)
    expect(lines).toEqual([`No selector health reported from ${yesterday} to ${utcDay(0)}.`])
    await expect(printHealth(h.database.db, h.acme.id, { site: "myspace" }, log)).rejects.toThrow(/--site/)
    await expect(printHealth(h.database.db, h.acme.id, { from: "last week" }, log)).rejects.toThrow(/--from/)
  })

  it("appears in openapi.json", async () => {
    const doc = (await h.app.inject({ url: "/api/v1/openapi.json" })).json() as { paths: Record<string, Record<string, unknown>> }
    expect(Object.keys(doc.paths["/api/v1/health/selectors"] ?? {}).sort()).toEqual(["get", "post"])
  })
})

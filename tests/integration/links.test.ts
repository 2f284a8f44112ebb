import { randomUUID } from "node:crypto"
import type { FastifyInstance } from "fastify"
import { Redis } from "ioredis"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../../src/server/app"
import { one, rows, sql } from "../../src/server/db/client"
import { clientNetwork } from "../../src/server/links/visitor"
import { auth, backends, harness, type Harness } from "./harness"

// Issue 10, items 3 and 4: a tracked link counts one view per visitor in a window and is limited per
// address; a stored URL that is not a valid Location never breaks its link nor records a view.

const browserUa = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
const otherUa = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15"
const day = new Date().toISOString().slice(0, 10)

describe.each(backends)("tracked links on %s", (kind) => {
  let h: Harness
  let contactId: string
  /** Each share is opened from an address of its own, so the per-address limit of one test never meets another's. */
  let address = 0
  const extraApps: FastifyInstance[] = []

  const post = (url: string, token: string, payload: object) => h.app.inject({ method: "POST", url, headers: auth(token), payload })
  const newAsset = async (url: string) => {
    const r = await post("/api/v1/assets", h.acme.tokens.marketer, { title: `Asset ${randomUUID().slice(0, 8)}`, url, kind: "one_pager" })
    expect(r.statusCode, r.body).toBe(201)
    return r.json() as { id: string; url: string }
  }
  /** A share made a minute ago, so that a click on it is past the mail-scanner delay. */
  const newShare = async (assetId: string) => {
    const r = await post("/api/v1/shares", h.acme.tokens.rep, { id: randomUUID(), assetId, contactId, channel: "gmail", sharedAt: new Date().toISOString() })
    expect(r.statusCode, r.body).toBe(201)
    const s = r.json() as { id: string; code: string }
    await h.database.db.execute(sql`UPDATE asset_shares SET created_at = created_at - interval '1 minute' WHERE code = ${s.code}`)
    address++
    return s
  }
  const open = (app: FastifyInstance, code: string, opts: { ua?: string; from?: string; method?: "GET" | "HEAD" } = {}) =>
    app.inject({
      method: opts.method ?? "GET",
      url: `/r/${code}`,
      headers: { "user-agent": opts.ua ?? browserUa },
      remoteAddress: opts.from ?? `198.51.100.${address}`,
    })
  const views = (shareId: string) =>
    rows<{ flagged: boolean; repeats: number; visitor: string | null }>(
      h.database.db,
      sql`
    SELECT flagged, repeats, visitor FROM asset_views WHERE org_id = ${h.acme.id} AND share_id = ${shareId} ORDER BY id`,
    )
  const linkEvents = async () =>
    (await one<{ n: number }>(
      h.database.db,
      sql`
    SELECT count(*)::int AS n FROM marketing_events WHERE org_id = ${h.acme.id} AND contact_id = ${contactId} AND source = 'relay-link'`,
    ))!.n
  const usageOf = async (assetId: string) => {
    const r = await h.app.inject({ url: `/api/v1/analytics/content-usage?from=${day}&to=${day}`, headers: auth(h.acme.tokens.marketer) })
    expect(r.statusCode, r.body).toBe(200)
    return r.json().rows.find((x: { assetId: string }) => x.assetId === assetId) as { views: number; botViews: number }
  }

  beforeAll(async () => {
    h = await harness(kind)
    contactId = randomUUID()
    await h.database.db.execute(
      sql`INSERT INTO contacts (org_id, id, first_name, last_name, stage) VALUES (${h.acme.id}, ${contactId}, 'Wren', 'Halloway', 'lead')`,
    )
  })
  afterAll(async () => {
    for (const a of extraApps) await a.close()
    await h?.close()
  })

  it("counts one view per visitor in 30 minutes: 40 clicks from one browser are one view, one event and 39 repeats", async () => {
    const asset = await newAsset("https://content.example/one-view")
    const s = await newShare(asset.id)
    const before = await linkEvents()
    for (let i = 0; i < 40; i++) expect((await open(h.app, s.code)).statusCode).toBe(302)
    expect(await views(s.id)).toEqual([{ flagged: false, repeats: 39, visitor: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) }])
    expect(await linkEvents()).toBe(before + 1)
    // The dashboard's "views by people" counts the view, not the clicks.
    expect(await usageOf(asset.id)).toMatchObject({ views: 1, botViews: 0 })

    // Another browser (another visitor) is another view; so is the first one again after the window.
    expect((await open(h.app, s.code, { ua: otherUa })).statusCode).toBe(302)
    await h.database.db.execute(sql`UPDATE asset_views SET at = at - interval '31 minutes' WHERE org_id = ${h.acme.id} AND share_id = ${s.id}`)
    expect((await open(h.app, s.code)).statusCode).toBe(302)
    expect((await views(s.id)).map((v) => [v.flagged, v.repeats])).toEqual([
      [false, 39],
      [false, 0],
      [false, 0],
    ])
    expect(await linkEvents()).toBe(before + 3)
  })

  it("keeps scanners' views apart and deduplicated, and never stores the client address", async () => {
    const asset = await newAsset("https://content.example/scanned")
    const s = await newShare(asset.id)
    for (let i = 0; i < 5; i++) await open(h.app, s.code, { ua: "Mozilla/5.0 (compatible; Googlebot/2.1)", from: "203.0.113.9" })
    for (let i = 0; i < 3; i++) await open(h.app, s.code, { method: "HEAD", from: "203.0.113.9" })
    // The same browser's GET after its HEADs is a person's view, not a repeat of the link checker's.
    await open(h.app, s.code, { from: "203.0.113.9" })
    expect((await views(s.id)).map((v) => [v.flagged, v.repeats])).toEqual([
      [true, 4],
      [true, 2],
      [false, 0],
    ])
    expect(await usageOf(asset.id)).toMatchObject({ views: 1, botViews: 2 })
    const stored = await rows<{ row: string }>(
      h.database.db,
      sql`SELECT row_to_json(v)::text AS row FROM asset_views v WHERE org_id = ${h.acme.id} AND share_id = ${s.id}`,
    )
    for (const r of stored) expect(r.row).not.toContain("203.0.113.9")
  })

  it("two clicks of one visitor at the same moment are still one view", async () => {
    const asset = await newAsset("https://content.example/race")
    const s = await newShare(asset.id)
    const all = await Promise.all(Array.from({ length: 12 }, () => open(h.app, s.code)))
    expect(all.map((r) => r.statusCode)).toEqual(Array(12).fill(302))
    expect((await views(s.id)).map((v) => [v.flagged, v.repeats])).toEqual([[false, 11]])
  })

  it("limits opens per client address (429 with its code and message) while other addresses still get through", async () => {
    process.env.LINK_RATE_LIMIT_PER_MINUTE = "5"
    const limited = await buildApp({ db: h.database.db, rateLimitPerMinute: 100_000 })
    delete process.env.LINK_RATE_LIMIT_PER_MINUTE
    extraApps.push(limited)
    const s = await newShare((await newAsset("https://content.example/limited")).id)
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) statuses.push((await open(limited, s.code, { from: "192.0.2.44" })).statusCode)
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429, 429, 429])
    const refused = await open(limited, s.code, { from: "192.0.2.44" })
    expect(refused.json().error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/^too many requests; retry in \d+ s$/) })
    // An unknown code counts too: guessing codes is what the limit is for.
    expect((await open(limited, "x".repeat(22), { from: "192.0.2.44" })).statusCode).toBe(429)
    expect((await open(limited, s.code, { from: "192.0.2.45" })).statusCode).toBe(302)
    // One IPv6 client is its /64: it cannot step around the limit by changing the rest of its address.
    const v6 = [] as number[]
    for (let i = 0; i < 7; i++) v6.push((await open(limited, s.code, { from: `2001:db8:1:2::${i + 1}` })).statusCode)
    expect(v6).toEqual([302, 302, 302, 302, 302, 429, 429])
    // The API's own budget is untouched by link opens.
    expect((await limited.inject({ url: "/api/v1/me", headers: auth(h.acme.tokens.rep), remoteAddress: "192.0.2.44" })).statusCode).toBe(200)
  })

  it("with REDIS_URL the per-address link limit is counted in Redis, shared by every process", async () => {
    const redis = new Redis("redis://127.0.0.1:6379", { lazyConnect: true, maxRetriesPerRequest: 0 })
    const ok = await redis.connect().then(
      () => true,
      () => false,
    )
    expect(ok, "a Redis server on 127.0.0.1:6379 (the multiprocess tests use it too)").toBe(true)
    const prefix = `relay:rl:test-${randomUUID()}:`
    try {
      process.env.LINK_RATE_LIMIT_PER_MINUTE = "3"
      const [a, b] = [
        await buildApp({ db: h.database.db, rateLimitPerMinute: 100_000, redisUrl: "redis://127.0.0.1:6379", rateLimitKeyPrefix: prefix }),
        await buildApp({ db: h.database.db, rateLimitPerMinute: 100_000, redisUrl: "redis://127.0.0.1:6379", rateLimitKeyPrefix: prefix }),
      ]
      delete process.env.LINK_RATE_LIMIT_PER_MINUTE
      extraApps.push(a, b)
      const s = await newShare((await newAsset("https://content.example/shared-limit")).id)
      const statuses = [
        await open(a, s.code, { from: "192.0.2.60" }),
        await open(b, s.code, { from: "192.0.2.60" }),
        await open(a, s.code, { from: "192.0.2.60" }),
        await open(b, s.code, { from: "192.0.2.60" }),
      ].map((r) => r.statusCode)
      expect(statuses).toEqual([302, 302, 302, 429])
      expect(await redis.get(`${prefix}link:ip:192.0.2.60`)).toBe("4")
    } finally {
      const keys = await redis.keys(`${prefix}*`)
      if (keys.length) await redis.del(...keys)
      redis.disconnect()
    }
  })

  it("stores asset URLs normalised, so an internationalised address redirects instead of failing", async () => {
    const asset = await newAsset("https://例え.jp/パス?q=ü#frag")
    expect(asset.url).toBe("https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9?q=%C3%BC#frag")
    const patched = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/assets/${asset.id}`,
      headers: auth(h.acme.tokens.marketer),
      payload: { url: "HTTPS://Example.COM:443/a b" },
    })
    expect(patched.json().url).toBe("https://example.com/a%20b")
    const imported = await post("/api/v1/assets/import", h.acme.tokens.marketer, {
      rows: [{ title: "Imported", url: "https://例え.jp/インポート", kind: "deck" }],
    })
    expect(imported.json()).toMatchObject({ inserted: 1, rejected: [] })
    const [row] = await rows<{ url: string }>(h.database.db, sql`SELECT url FROM assets WHERE org_id = ${h.acme.id} AND title = 'Imported'`)
    expect(row!.url).toBe("https://xn--r8jz45g.jp/%E3%82%A4%E3%83%B3%E3%83%9D%E3%83%BC%E3%83%88")
  })

  it("an old row with a raw URL still redirects (normalised on the way out); one that cannot be a Location is a 404 and records nothing", async () => {
    const asset = await newAsset("https://content.example/placeholder")
    const s = await newShare(asset.id)
    const setUrl = (url: string) => h.database.db.execute(sql`UPDATE assets SET url = ${url} WHERE org_id = ${h.acme.id} AND id = ${asset.id}`)

    await setUrl("https://例え.jp/パス")
    const ok = await open(h.app, s.code)
    expect(ok.statusCode).toBe(302)
    expect(ok.headers.location).toBe("https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9")
    expect(await views(s.id)).toHaveLength(1)

    for (const bad of ["javascript:alert(1)", "not a url at all", "data:text/html,<script>alert(1)</script>", "ftp://files.example/x"]) {
      await setUrl(bad)
      const r = await open(h.app, s.code, { ua: `${otherUa} ${bad.length}` })
      expect(r.statusCode, bad).toBe(404)
      expect(r.json().error.message).toMatch(/not a web page/)
      expect(r.headers.location).toBeUndefined()
    }
    expect(await views(s.id)).toHaveLength(1)
  })

  it("hashes a visitor by network: IPv6 by its /64, IPv4-mapped as IPv4", () => {
    expect(clientNetwork("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64")
    expect(clientNetwork("2001:DB8:1:2::9")).toBe("2001:db8:1:2::/64")
    expect(clientNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64")
    expect(clientNetwork("::ffff:192.0.2.1")).toBe("192.0.2.1")
    expect(clientNetwork("192.0.2.1")).toBe("192.0.2.1")
  })
})

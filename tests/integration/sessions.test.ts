import { createHash, randomUUID } from "node:crypto"
import type { FastifyInstance } from "fastify"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../../src/server/app"
import { createToken, revokeToken } from "../../src/server/auth/service"
import { one, sql } from "../../src/server/db/client"
import { auth, backends, harness, type Harness } from "./harness"

interface Cookie {
  name: string
  value: string
  attributes: string[]
}

/** The Set-Cookie headers of a response, split into name, value and attributes as a browser reads them. */
function setCookies(headers: Record<string, unknown>): Cookie[] {
  const raw = headers["set-cookie"]
  const list = raw === undefined ? [] : Array.isArray(raw) ? (raw as string[]) : [String(raw)]
  return list.map((line) => {
    const [pair, ...attributes] = line.split(";").map((s) => s.trim())
    const i = pair!.indexOf("=")
    return { name: pair!.slice(0, i), value: pair!.slice(i + 1), attributes }
  })
}

describe.each(backends)("dashboard sessions on %s", (kind) => {
  let h: Harness
  let ip = 0
  /** Each sign-in test comes from its own address, so failed sign-ins in one test never lock out another. */
  const nextAddress = () => `10.0.${kind === "postgres" ? 2 : 1}.${++ip}`

  const signIn = async (token: string, remoteAddress = nextAddress()) => {
    const r = await h.app.inject({ method: "POST", url: "/api/v1/sessions", payload: { token }, remoteAddress })
    const cookie = setCookies(r.headers).find((c) => c.name === "relay_session")
    return { r, cookie, secret: cookie?.value ?? "" }
  }
  const withCookie = (secret: string, extra: Record<string, string> = {}) => ({ cookie: `relay_session=${secret}`, ...extra })
  const sessionRow = (secret: string) =>
    one<{ id: string; tokenId: string; lastSeenAt: string; expiresAt: string; createdAt: string }>(
      h.database.db,
      sql`
    SELECT id, token_id AS "tokenId", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", created_at AS "createdAt"
    FROM sessions WHERE secret_hash = ${createHash("sha256").update(secret).digest("hex")}`,
    )

  beforeAll(async () => {
    h = await harness(kind)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("signs in with an API token: 201, who it is, and an HttpOnly SameSite=Strict cookie for the whole site", async () => {
    const { r, cookie } = await signIn(h.acme.tokens.marketer)
    expect(r.statusCode, r.body).toBe(201)
    expect(r.json()).toEqual({
      user: { id: h.acme.userIds.marketer, email: "marketer@acme.example", name: "Acme Test marketer", role: "marketer" },
      org: { id: h.acme.id, name: "Acme Test" },
    })
    expect(cookie).toBeDefined()
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/) // 32 random bytes, base64url
    expect(cookie!.attributes).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=604800"]))
    expect(cookie!.attributes).not.toContain("Secure") // this request came over plain http
  })

  it("stores only the SHA-256 of the session secret, with a 7-day lifetime", async () => {
    const { secret } = await signIn(h.acme.tokens.rep)
    const row = await sessionRow(secret)
    expect(row).toBeDefined()
    const stored = await one<{ n: number }>(h.database.db, sql`SELECT count(*)::int AS n FROM sessions WHERE secret_hash = ${secret}`)
    expect(stored!.n).toBe(0)
    const lifetime = new Date(row!.expiresAt).getTime() - new Date(row!.createdAt).getTime()
    expect(Math.round(lifetime / 3_600_000)).toBe(7 * 24)
  })

  it("marks the cookie Secure when the request came over https", async () => {
    const app = await buildApp({ db: h.database.db })
    // What a TLS socket looks like to Fastify; inject's fake socket is plain otherwise.
    app.addHook("onRequest", async (req) => {
      ;(req.raw.socket as { encrypted?: boolean }).encrypted = true
    })
    try {
      const r = await app.inject({ method: "POST", url: "/api/v1/sessions", payload: { token: h.acme.tokens.rep } })
      expect(r.statusCode).toBe(201)
      expect(setCookies(r.headers)[0]!.attributes).toContain("Secure")
    } finally {
      await app.close()
    }
  })

  it("behind a trusted TLS proxy, marks the cookie Secure and limits by the client's address, not the proxy's", async () => {
    const app = await buildApp({ db: h.database.db, trustProxy: "127.0.0.1" })
    const viaProxy = (token: string, client: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/sessions",
        payload: { token },
        remoteAddress: "127.0.0.1",
        headers: { "x-forwarded-proto": "https", "x-forwarded-for": client },
      })
    try {
      const r = await viaProxy(h.acme.tokens.rep, "203.0.113.7")
      expect(r.statusCode).toBe(201)
      expect(setCookies(r.headers)[0]!.attributes).toContain("Secure")
      // One client guessing tokens runs out of tries; another behind the same proxy still signs in.
      for (let i = 0; i < 10; i++) expect((await viaProxy(`rly_guess-${i}`, "203.0.113.8")).statusCode).toBe(401)
      expect((await viaProxy(h.acme.tokens.rep, "203.0.113.8")).statusCode).toBe(429)
      expect((await viaProxy(h.acme.tokens.rep, "203.0.113.9")).statusCode).toBe(201)
    } finally {
      await app.close()
    }
  })

  it("refuses a wrong token with 401 and sets no cookie", async () => {
    const { r, cookie } = await signIn("rly_not-a-real-token-000000000000000000000")
    expect(r.statusCode).toBe(401)
    expect(r.json().error).toEqual({ code: "unauthorized", message: "this API token is not valid or has been revoked" })
    expect(cookie).toBeUndefined()
    const empty = await h.app.inject({ method: "POST", url: "/api/v1/sessions", payload: {}, remoteAddress: nextAddress() })
    expect(empty.statusCode).toBe(400)
  })

  it("the cookie signs GET /api/v1/me in", async () => {
    const { secret } = await signIn(h.acme.tokens.admin)
    const r = await h.app.inject({ url: "/api/v1/me", headers: withCookie(secret) })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toEqual({
      user: { id: h.acme.userIds.admin, email: "admin@acme.example", name: "Acme Test admin", role: "admin" },
      org: { id: h.acme.id, name: "Acme Test" },
    })
  })

  it("a write with the cookie needs the X-Relay-Request header", async () => {
    const { secret } = await signIn(h.acme.tokens.marketer)
    const asset = { title: "Session-made one-pager", url: "https://content.example/session", kind: "one_pager" }
    const bare = await h.app.inject({ method: "POST", url: "/api/v1/assets", headers: withCookie(secret), payload: asset })
    expect(bare.statusCode).toBe(403)
    expect(bare.json().error.code).toBe("forbidden")
    expect(bare.json().error.message).toContain("the X-Relay-Request header is missing")
    const count = await one<{ n: number }>(h.database.db, sql`SELECT count(*)::int AS n FROM assets WHERE org_id = ${h.acme.id} AND title = ${asset.title}`)
    expect(count!.n).toBe(0)

    const ok = await h.app.inject({ method: "POST", url: "/api/v1/assets", headers: withCookie(secret, { "x-relay-request": "1" }), payload: asset })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json().title).toBe(asset.title)
    // Every write method is covered, not only POST.
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      const url = method === "PATCH" ? `/api/v1/assets/${ok.json().id}` : method === "PUT" ? "/api/v1/settings" : "/api/v1/sessions/current"
      const r = await h.app.inject({ method, url, headers: withCookie(secret), payload: method === "DELETE" ? undefined : { title: "x" } })
      expect(r.statusCode, `${method} ${url}`).toBe(403)
    }
    // Reads need no header, and bearer writes (the extension) never did.
    expect((await h.app.inject({ url: "/api/v1/settings", headers: withCookie(secret) })).statusCode).toBe(200)
    const bearer = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/assets/${ok.json().id}`,
      headers: auth(h.acme.tokens.marketer),
      payload: { title: "Renamed" },
    })
    expect(bearer.statusCode).toBe(200)
  })

  it("signs out: 204, the cookie is cleared and the session no longer works", async () => {
    const { secret } = await signIn(h.acme.tokens.rep)
    const r = await h.app.inject({ method: "DELETE", url: "/api/v1/sessions/current", headers: withCookie(secret, { "x-relay-request": "1" }) })
    expect(r.statusCode).toBe(204)
    expect(r.body).toBe("")
    const cleared = setCookies(r.headers).find((c) => c.name === "relay_session")
    expect(cleared?.value).toBe("")
    expect(cleared?.attributes).toEqual(expect.arrayContaining(["Path=/", "Expires=Thu, 01 Jan 1970 00:00:00 GMT"]))
    const after = await h.app.inject({ url: "/api/v1/me", headers: withCookie(secret) })
    expect(after.statusCode).toBe(401)
    expect(after.json().error.message).toBe("your session has ended; sign in again")
  })

  it("ends a session at its absolute lifetime", async () => {
    const { secret } = await signIn(h.acme.tokens.rep)
    expect((await h.app.inject({ url: "/api/v1/me", headers: withCookie(secret) })).statusCode).toBe(200)
    const row = await sessionRow(secret)
    await h.database.db.execute(sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE org_id = ${h.acme.id} AND id = ${row!.id}`)
    const r = await h.app.inject({ url: "/api/v1/me", headers: withCookie(secret) })
    expect(r.statusCode).toBe(401)
    expect(r.json().error).toEqual({ code: "unauthorized", message: "your session has ended; sign in again" })
    // The browser is told to drop a cookie that no longer signs anyone in.
    expect(setCookies(r.headers).find((c) => c.name === "relay_session")?.value).toBe("")
  })

  it("ends a session after 12 idle hours; activity slides the idle timeout", async () => {
    const { secret } = await signIn(h.acme.tokens.rep)
    const row = await sessionRow(secret)
    await h.database.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '11 hours 50 minutes' WHERE org_id = ${h.acme.id} AND id = ${row!.id}`)
    expect((await h.app.inject({ url: "/api/v1/me", headers: withCookie(secret) })).statusCode).toBe(200)
    const slid = await sessionRow(secret)
    expect(Date.now() - new Date(slid!.lastSeenAt).getTime()).toBeLessThan(60_000)

    await h.database.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '12 hours 1 minute' WHERE org_id = ${h.acme.id} AND id = ${row!.id}`)
    const r = await h.app.inject({ url: "/api/v1/me", headers: withCookie(secret) })
    expect(r.statusCode).toBe(401)
    expect(r.json().error.message).toBe("your session has ended; sign in again")
  })

  it("records activity at most once a minute", async () => {
    const { secret } = await signIn(h.acme.tokens.rep)
    const row = await sessionRow(secret)
    await h.database.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '30 seconds' WHERE org_id = ${h.acme.id} AND id = ${row!.id}`)
    const before = (await sessionRow(secret))!.lastSeenAt
    expect((await h.app.inject({ url: "/api/v1/me", headers: withCookie(secret) })).statusCode).toBe(200)
    expect(new Date((await sessionRow(secret))!.lastSeenAt).getTime()).toBe(new Date(before).getTime())
  })

  it("revoking the API token ends the sessions signed in with it, and only those", async () => {
    const { id, token } = await createToken(h.database.db, h.acme.id, "rep@acme.example", "dashboard")
    const a = await signIn(token)
    const b = await signIn(token)
    const other = await signIn(h.acme.tokens.rep) // same user, another token
    for (const s of [a, b, other]) expect((await h.app.inject({ url: "/api/v1/me", headers: withCookie(s.secret) })).statusCode).toBe(200)
    await revokeToken(h.database.db, h.acme.id, id)
    for (const s of [a, b]) {
      const r = await h.app.inject({ url: "/api/v1/me", headers: withCookie(s.secret) })
      expect(r.statusCode).toBe(401)
      expect(r.json().error.message).toBe("your session has ended; sign in again")
    }
    expect((await h.app.inject({ url: "/api/v1/me", headers: withCookie(other.secret) })).statusCode).toBe(200)
    // Nor can the revoked token open a new session.
    expect((await signIn(token)).r.statusCode).toBe(401)
  })

  it("a session ends when the API token it was made from expires", async () => {
    const { token } = await createToken(h.database.db, h.acme.id, "rep@acme.example", "expiring")
    const s = await signIn(token)
    expect((await h.app.inject({ url: "/api/v1/me", headers: withCookie(s.secret) })).statusCode).toBe(200)
    await h.database.db.execute(sql`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE org_id = ${h.acme.id} AND name = 'expiring'`)
    const r = await h.app.inject({ url: "/api/v1/me", headers: withCookie(s.secret) })
    expect(r.statusCode).toBe(401)
    expect(r.json().error.message).toBe("your session has ended; sign in again")
  })

  it("an unknown cookie is a 401, never a 500", async () => {
    for (const value of ["nonsense", "", "%00%ff", "a".repeat(5000)]) {
      const r = await h.app.inject({ url: "/api/v1/me", headers: { cookie: `relay_session=${value}` } })
      expect(r.statusCode, value).toBe(401)
      expect(r.json().error.code).toBe("unauthorized")
    }
  })

  it("another org's data still answers 404 through a session", async () => {
    const globexAsset = await h.app.inject({
      method: "POST",
      url: "/api/v1/assets",
      headers: auth(h.globex.tokens.marketer),
      payload: { title: "Globex battle card", url: "https://content.example/globex", kind: "battle_card" },
    })
    expect(globexAsset.statusCode).toBe(201)
    const { secret } = await signIn(h.acme.tokens.admin)
    const id = globexAsset.json().id
    expect((await h.app.inject({ url: `/api/v1/assets/${id}`, headers: withCookie(secret) })).statusCode).toBe(404)
    const patch = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/assets/${id}`,
      headers: withCookie(secret, { "x-relay-request": "1" }),
      payload: { title: "Mine now" },
    })
    expect(patch.statusCode).toBe(404)
    const search = await h.app.inject({ url: "/api/v1/assets?q=globex", headers: withCookie(secret) })
    expect(search.json().items).toEqual([])
  })

  it("a bearer header wins over a cookie", async () => {
    const { secret } = await signIn(h.acme.tokens.admin)
    const r = await h.app.inject({ url: "/api/v1/me", headers: { ...withCookie(secret), ...auth(h.globex.tokens.rep) } })
    expect(r.json().user.email).toBe("rep@globex.example")
    // A bearer write needs no X-Relay-Request header even when a cookie rides along.
    const w = await h.app.inject({
      method: "PUT",
      url: "/api/v1/settings",
      headers: { ...withCookie(secret), ...auth(h.globex.tokens.admin) },
      payload: { slaHours: 24 },
    })
    expect(w.statusCode).toBe(200)
  })

  it.each([
    ["lower-case scheme", (t: string) => `bearer ${t}`],
    ["upper-case scheme", (t: string) => `BEARER ${t}`],
    ["spaces around and between", (t: string) => `  Bearer   ${t}  `],
    ["a tab between", (t: string) => `Bearer\t${t}`],
  ])("accepts the bearer scheme with %s", async (_name, header) => {
    const r = await h.app.inject({ url: "/api/v1/me", headers: { authorization: header(h.acme.tokens.rep) } })
    expect(r.statusCode).toBe(200)
    expect(r.json().user.email).toBe("rep@acme.example")
  })

  it.each([
    ["no token", "Bearer"],
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["two tokens", "Bearer a b"],
  ])("refuses %s with 401", async (_name, header) => {
    const r = await h.app.inject({ url: "/api/v1/me", headers: { authorization: header } })
    expect(r.statusCode).toBe(401)
    expect(r.json().error.code).toBe("unauthorized")
  })

  it("limits failed sign-ins per address: 10 failures, then 429 even for a good token; other addresses unaffected", async () => {
    const from = nextAddress()
    for (let i = 0; i < 10; i++) {
      const r = await signIn(`rly_guess-${i}-${randomUUID()}`, from)
      expect(r.r.statusCode, `attempt ${i + 1}`).toBe(401)
    }
    const blocked = await signIn(`rly_guess-${randomUUID()}`, from)
    expect(blocked.r.statusCode).toBe(429)
    expect(blocked.r.json().error.code).toBe("rate_limited")
    expect(blocked.r.json().error.message).toMatch(/^too many requests; retry in \d+ s$/)
    const good = await signIn(h.acme.tokens.rep, from)
    expect(good.r.statusCode).toBe(429)
    expect(good.cookie).toBeUndefined()
    expect((await signIn(h.acme.tokens.rep, nextAddress())).r.statusCode).toBe(201)
  })

  it("successful sign-ins do not count as failures", async () => {
    const from = nextAddress()
    for (let i = 0; i < 12; i++) expect((await signIn(h.acme.tokens.rep, from)).r.statusCode).toBe(201)
  })

  describe("rate limits", () => {
    let app: FastifyInstance
    beforeAll(async () => {
      app = await buildApp({ db: h.database.db, rateLimitPerMinute: 3 })
    })
    afterAll(async () => {
      await app?.close()
    })

    it("count per token id: two spellings of one header share one budget, and its sessions share it too", async () => {
      const { token } = await createToken(h.database.db, h.acme.id, "rep@acme.example", "budget")
      const session = await app.inject({ method: "POST", url: "/api/v1/sessions", payload: { token }, remoteAddress: "10.9.0.1" })
      const secret = setCookies(session.headers)[0]!.value
      const spellings = [`Bearer ${token}`, `bearer  ${token}`]
      expect((await app.inject({ url: "/api/v1/me", headers: { authorization: spellings[0]! } })).statusCode).toBe(200)
      expect((await app.inject({ url: "/api/v1/me", headers: { authorization: spellings[1]! } })).statusCode).toBe(200)
      expect((await app.inject({ url: "/api/v1/me", headers: withCookie(secret) })).statusCode).toBe(200)
      for (const headers of [{ authorization: spellings[0]! }, { authorization: spellings[1]! }, withCookie(secret)]) {
        const r = await app.inject({ url: "/api/v1/me", headers })
        expect(r.statusCode).toBe(429)
        expect(r.json()).toEqual({ error: { code: "rate_limited", message: expect.stringMatching(/^too many requests; retry in \d+ s$/) } })
        expect(r.headers["retry-after"]).toBeDefined()
      }
      // Another token of the same user has its own budget.
      expect((await app.inject({ url: "/api/v1/me", headers: auth(h.acme.tokens.admin) })).statusCode).toBe(200)
    })

    it("count made-up tokens by client address: a flood of random tokens from one address gets 429", async () => {
      const codes: number[] = []
      for (let i = 0; i < 6; i++) {
        const r = await app.inject({ url: "/api/v1/me", headers: { authorization: `Bearer rly_${randomUUID()}` }, remoteAddress: "10.9.0.2" })
        codes.push(r.statusCode)
      }
      expect(codes).toEqual([401, 401, 401, 429, 429, 429])
      const r = await app.inject({ url: "/api/v1/me", headers: { authorization: `Bearer rly_${randomUUID()}` }, remoteAddress: "10.9.0.2" })
      expect(r.json().error.code).toBe("rate_limited")
      // Another address is not held back by this one.
      const elsewhere = await app.inject({ url: "/api/v1/me", headers: { authorization: `Bearer rly_${randomUUID()}` }, remoteAddress: "10.9.0.3" })
      expect(elsewhere.statusCode).toBe(401)
    })
  })

  it("CORS answers only chrome-extension origins; the dashboard is same-origin", async () => {
    const preflight = (origin: string) =>
      h.app.inject({
        method: "OPTIONS",
        url: "/api/v1/settings",
        headers: { origin, "access-control-request-method": "PUT", "access-control-request-headers": "x-relay-request" },
      })
    expect((await preflight("https://evil.example")).headers["access-control-allow-origin"]).toBeUndefined()
    const ext = await preflight(`chrome-extension://${"a".repeat(32)}`)
    expect(ext.headers["access-control-allow-origin"]).toBe(`chrome-extension://${"a".repeat(32)}`)
  })
})

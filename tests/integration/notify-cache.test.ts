import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { FastifyInstance } from "fastify"
import { buildApp } from "../../src/server/app"
import { createToken, listTokens, parseExpiry, principalCacheReady, principalTtlMs, revokeToken } from "../../src/server/auth/service"
import * as authRepo from "../../src/server/auth/repository"
import { one, openDatabase, rows, sql, type Database } from "../../src/server/db/client"
import * as settingsRepo from "../../src/server/settings/repository"
import { settingsCacheReady } from "../../src/server/settings/service"
import { defaultSettings } from "../../src/shared/default-settings"
import { auth, backends, event, harness, type Harness } from "./harness"

// Tokens and settings are cached per process for a few seconds (src/server/auth/notify-cache.ts); a
// revocation or a settings change reaches every process through NOTIFY long before that lifetime ends.

/** Polls until `done` or `ms` pass; returns how long it took, or Infinity. */
async function within(ms: number, done: () => Promise<boolean>): Promise<number> {
  const t = Date.now()
  while (Date.now() - t < ms) {
    if (await done()) return Date.now() - t
    await new Promise((r) => setTimeout(r, 50))
  }
  return Infinity
}

const me = (app: FastifyInstance, token: string) => app.inject({ url: "/api/v1/me", headers: auth(token) })
const threshold = async (app: FastifyInstance, token: string) =>
  (await app.inject({ url: "/api/v1/contacts/lookup?email=cache@prospect.example", headers: auth(token) })).json().score.threshold as number

describe.each(backends)("token and settings caches on %s", (kind) => {
  let h: Harness
  beforeAll(async () => {
    h = await harness(kind)
    const r = await h.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: auth(h.acme.tokens.marketer),
      payload: [event("cache@prospect.example", "email_open", new Date(), "cache-1")],
    })
    expect(r.statusCode).toBe(200)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("a revocation announced by another writer ends the token well within the cache's lifetime", async () => {
    const { id, token } = await createToken(h.database.db, h.acme.id, "rep@acme.example", "notified")
    expect((await me(h.app, token)).statusCode).toBe(200)
    await principalCacheReady(h.database.db)
    // The repository revokes and notifies, without this process evicting anything itself.
    expect(await authRepo.revokeToken(h.database.db, h.acme.id, id)).toBe(true)
    const took = await within(principalTtlMs, async () => (await me(h.app, token)).statusCode === 401)
    expect(took).toBeLessThan(2000)
    expect((await me(h.app, token)).json().error.message).toMatch(/not valid or has been revoked/)
  })

  it("caches the principal: a change nobody announces is seen only when the entry's lifetime ends", async () => {
    const { id, token } = await createToken(h.database.db, h.acme.id, "rep@acme.example", "silent")
    expect((await me(h.app, token)).statusCode).toBe(200)
    await h.database.db.execute(sql`UPDATE api_tokens SET revoked_at = now() WHERE org_id = ${h.acme.id} AND id = ${id}`)
    expect((await me(h.app, token)).statusCode).toBe(200) // served from the cache, no statement
    const took = await within(principalTtlMs + 2000, async () => (await me(h.app, token)).statusCode === 401)
    expect(took).toBeLessThan(principalTtlMs + 2000)
  })

  it("writes a token's last use at most once a minute", async () => {
    const { id, token } = await createToken(h.database.db, h.acme.id, "rep@acme.example", "touch")
    expect((await me(h.app, token)).statusCode).toBe(200)
    const lastUsed = async () =>
      (await one<{ at: string | null }>(h.database.db, sql`SELECT last_used_at AS at FROM api_tokens WHERE org_id = ${h.acme.id} AND id = ${id}`))!.at
    expect(await lastUsed()).not.toBeNull()
    await h.database.db.execute(sql`UPDATE api_tokens SET last_used_at = NULL WHERE org_id = ${h.acme.id} AND id = ${id}`)
    for (let i = 0; i < 5; i++) expect((await me(h.app, token)).statusCode).toBe(200)
    expect(await lastUsed()).toBeNull()
  })

  it("settings saved elsewhere reach the sidebar's score well within the cache's lifetime", async () => {
    expect(await threshold(h.app, h.acme.tokens.rep)).toBe(defaultSettings.mqlThreshold)
    await settingsCacheReady(h.database.db)
    await settingsRepo.putSettings(h.database.db, h.acme.id, { ...defaultSettings, mqlThreshold: 77 })
    const took = await within(5000, async () => (await threshold(h.app, h.acme.tokens.rep)) === 77)
    expect(took).toBeLessThan(2000)
    // Through the API, the process that saved sees it on the next request.
    expect((await h.app.inject({ method: "PUT", url: "/api/v1/settings", headers: auth(h.acme.tokens.admin), payload: { mqlThreshold: 66 } })).statusCode).toBe(
      200,
    )
    expect(await threshold(h.app, h.acme.tokens.rep)).toBe(66)
  })

  it("an expired token gets 401 saying so; one that has not expired works; the list shows expiries", async () => {
    const past = await createToken(h.database.db, h.acme.id, "rep@acme.example", "expired", new Date(Date.now() - 1000))
    const future = await createToken(h.database.db, h.acme.id, "rep@acme.example", "later", new Date(Date.now() + 86_400_000))
    const r = await me(h.app, past.token)
    expect(r.statusCode).toBe(401)
    expect(r.json().error).toMatchObject({ code: "unauthorized", message: expect.stringMatching(/expired on \d{4}-/) })
    expect((await me(h.app, future.token)).statusCode).toBe(200)
    const listed = await listTokens(h.database.db, h.acme.id)
    expect(listed.find((t) => t.id === future.id)!.expiresAt).not.toBeNull()
    expect(listed.find((t) => t.name === "silent")!.expiresAt).toBeNull()
  })

  it("a cached token stops working when it expires", async () => {
    const soon = await createToken(h.database.db, h.acme.id, "rep@acme.example", "soon", new Date(Date.now() + 1500))
    expect((await me(h.app, soon.token)).statusCode).toBe(200)
    const took = await within(4000, async () => (await me(h.app, soon.token)).statusCode === 401)
    expect(took).toBeLessThan(4000)
  })
})

describe("token lifetimes as the CLI takes them", () => {
  const now = new Date("2026-12-01T10:00:00Z")
  it.each([
    ["30d", "2026-12-31T10:00:00.000Z"],
    ["12h", "2026-12-01T22:00:00.000Z"],
    ["90m", "2026-12-01T11:30:00.000Z"],
    ["2027-06-30", "2027-06-30T00:00:00.000Z"],
  ])("%s", (text, at) => expect(parseExpiry(text, now).toISOString()).toBe(at))
  it.each(["", "0d", "soon", "30x", "2020-01-01", "-5d"])("refuses %j", (text) => expect(() => parseExpiry(text, now)).toThrow())
})

// Two processes need a server both can reach; on PGlite (one process) the describe above covers NOTIFY.
if (process.env.DATABASE_URL)
  describe("two API processes on one PostgreSQL database", () => {
    let h: Harness
    let other: { database: Database; app: FastifyInstance }
    beforeAll(async () => {
      h = await harness("postgres")
      const [{ schema } = { schema: "" }] = await rows<{ schema: string }>(h.database.db, sql`SELECT current_schema() AS schema`)
      // A second pool, listener and app on the same schema: what a second process (or machine) has.
      const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, schema })
      other = { database, app: await buildApp({ db: database.db, rateLimitPerMinute: 100_000 }) }
      const r = await h.app.inject({
        method: "POST",
        url: "/api/v1/events",
        headers: auth(h.acme.tokens.marketer),
        payload: [event("cache@prospect.example", "email_open", new Date(), "cache-1")],
      })
      expect(r.statusCode).toBe(200)
    })
    afterAll(async () => {
      await other?.app.close()
      await other?.database.close()
      await h?.close()
    })

    it("a token revoked in one process stops working in the other within a second or two", async () => {
      const { id, token } = await createToken(h.database.db, h.acme.id, "rep@acme.example", "two processes")
      expect((await me(other.app, token)).statusCode).toBe(200)
      await principalCacheReady(other.database.db)
      await revokeToken(h.database.db, h.acme.id, id)
      expect((await me(h.app, token)).statusCode).toBe(401)
      const took = await within(principalTtlMs, async () => (await me(other.app, token)).statusCode === 401)
      expect(took).toBeLessThan(2000)
    })

    it("settings changed through one process reach the other's lookups within a second or two", async () => {
      expect(await threshold(other.app, h.acme.tokens.rep)).toBe(defaultSettings.mqlThreshold)
      await settingsCacheReady(other.database.db)
      expect(
        (await h.app.inject({ method: "PUT", url: "/api/v1/settings", headers: auth(h.acme.tokens.admin), payload: { mqlThreshold: 81 } })).statusCode,
      ).toBe(200)
      const took = await within(5000, async () => (await threshold(other.app, h.acme.tokens.rep)) === 81)
      expect(took).toBeLessThan(2000)
    })
  })

import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { revokeToken } from "../../src/server/auth/service"
import { createToken } from "../../src/server/auth/service"
import { rows, sql } from "../../src/server/db/client"
import { auth, backends, harness, type Harness } from "./harness"

describe.each(backends)("auth and meta on %s", (kind) => {
  let h: Harness
  beforeAll(async () => {
    h = await harness(kind)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("health needs no token", async () => {
    const r = await h.app.inject({ url: "/api/v1/health" })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ ok: true })
  })

  it("me tells who the token belongs to", async () => {
    const r = await h.app.inject({ url: "/api/v1/me", headers: auth(h.acme.tokens.rep) })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ user: { email: "rep@acme.example", role: "rep" }, org: { name: "Acme Test" } })
  })

  it.each([
    ["missing", undefined],
    ["malformed", "Token abc"],
    ["unknown", "Bearer rly_not-a-real-token-000000000000000000000"],
  ])("answers 401 to a %s token on every protected route", async (_name, header) => {
    for (const url of ["/api/v1/me", "/api/v1/contacts?q=a", "/api/v1/contacts/lookup?email=a@b.example", "/api/v1/settings"]) {
      const r = await h.app.inject({ url, headers: header ? { authorization: header } : {} })
      expect(r.statusCode).toBe(401)
      expect(r.json().error.code).toBe("unauthorized")
    }
  })

  it("knows who is asking before it reads a body: no token means 401, whatever the body", async () => {
    // A body that would fail to parse (400) or is over the route's limit (413) proves the order: 401 comes first.
    const broken = await h.app.inject({ method: "POST", url: "/api/v1/activities", headers: { "content-type": "application/json" }, payload: "{not json" })
    expect(broken.statusCode).toBe(401)
    const huge = await h.app.inject({
      method: "POST",
      url: "/api/v1/activities",
      headers: { "content-type": "application/json" },
      payload: `[${"0,".repeat(1_200_000)}0]`,
    })
    expect(huge.statusCode).toBe(401)
    expect(huge.json().error.code).toBe("unauthorized")
    // With a valid token the same bodies get the body's own errors.
    const parsed = await h.app.inject({
      method: "POST",
      url: "/api/v1/activities",
      headers: { ...auth(h.acme.tokens.rep), "content-type": "application/json" },
      payload: "{not json",
    })
    expect(parsed.statusCode).toBe(400)
    const tooBig = await h.app.inject({
      method: "POST",
      url: "/api/v1/activities",
      headers: { ...auth(h.acme.tokens.rep), "content-type": "application/json" },
      payload: `[${"0,".repeat(1_200_000)}0]`,
    })
    expect(tooBig.statusCode).toBe(413)
  })

  it("a revoked token stops working at once, and last use is recorded", async () => {
    const { id, token } = await createToken(h.database.db, h.acme.id, "admin@acme.example", "to revoke")
    expect(token.length).toBeGreaterThanOrEqual(43) // 32 random bytes, base64url
    expect((await h.app.inject({ url: "/api/v1/me", headers: auth(token) })).statusCode).toBe(200)
    const [used] = await rows<{ lastUsedAt: string | null; tokenHash: string }>(
      h.database.db,
      sql`SELECT last_used_at AS "lastUsedAt", token_hash AS "tokenHash" FROM api_tokens WHERE org_id = ${h.acme.id} AND id = ${id}`,
    )
    expect(used!.lastUsedAt).not.toBeNull()
    expect(used!.tokenHash).not.toContain(token) // only the hash is stored
    await revokeToken(h.database.db, h.acme.id, id)
    const r = await h.app.inject({ url: "/api/v1/me", headers: auth(token) })
    expect(r.statusCode).toBe(401)
  })

  it("serves an OpenAPI document generated from the contracts", async () => {
    const r = await h.app.inject({ url: "/api/v1/openapi.json" })
    expect(r.statusCode).toBe(200)
    const doc = r.json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/contacts/lookup", "/api/v1/events", "/api/v1/activities", "/api/v1/contacts/{id}/handoff", "/api/v1/settings"]),
    )
    const lookupParams = doc.paths["/api/v1/contacts/lookup"].get.parameters.map((p: { name: string }) => p.name)
    expect(lookupParams).toEqual(expect.arrayContaining(["email", "linkedin"]))
    expect(doc.paths["/api/v1/activities"].post.requestBody.content["application/json"].schema.properties).toHaveProperty("contactId")
  })

  it("unknown routes answer a JSON 404", async () => {
    const r = await h.app.inject({ url: "/api/v1/nope", headers: auth(h.acme.tokens.rep) })
    expect(r.statusCode).toBe(404)
    expect(r.json().error.code).toBe("not_found")
  })
})

import { randomBytes, randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rows, sql } from "../../src/server/db/client"
import { config } from "../../src/server/config"
import { auth, backends, harness, type Harness } from "./harness"

// Issue 10, items 5 and 8: client-made link codes must carry the entropy the server's do, another org's code
// is answered like one nobody has, and links never take their address from the request.

describe.each(backends)("share codes and links on %s", (kind) => {
  let h: Harness
  let acmeContact: string
  let acmeAsset: string
  let globexContact: string
  let globexAsset: string

  const post = (token: string, payload: object, headers: Record<string, string> = {}) =>
    h.app.inject({ method: "POST", url: "/api/v1/shares", headers: { ...auth(token), ...headers }, payload })
  const acmeShare = (over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    assetId: acmeAsset,
    contactId: acmeContact,
    channel: "gmail",
    sharedAt: new Date().toISOString(),
    ...over,
  })
  const globexShare = (over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    assetId: globexAsset,
    contactId: globexContact,
    channel: "copy",
    sharedAt: new Date().toISOString(),
    ...over,
  })
  /** The answer with what differs between any two shares blanked out, to compare two answers' shape. */
  const shape = (r: { statusCode: number; json(): Record<string, unknown> }, code: string) => ({
    status: r.statusCode,
    body: JSON.stringify({ ...r.json(), id: "ID" }).replaceAll(code, "CODE"),
  })

  beforeAll(async () => {
    h = await harness(kind)
    const contact = async (orgId: string) => {
      const id = randomUUID()
      await h.database.db.execute(sql`INSERT INTO contacts (org_id, id, first_name, stage) VALUES (${orgId}, ${id}, 'Ida', 'lead')`)
      return id
    }
    const asset = async (token: string) =>
      (
        await h.app.inject({
          method: "POST",
          url: "/api/v1/assets",
          headers: auth(token),
          payload: { title: "Battle card", url: "https://content.example/card", kind: "battle_card" },
        })
      ).json().id as string
    acmeContact = await contact(h.acme.id)
    globexContact = await contact(h.globex.id)
    acmeAsset = await asset(h.acme.tokens.marketer)
    globexAsset = await asset(h.globex.tokens.marketer)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("refuses client codes that are not random (400 with a message saying how to make one)", async () => {
    for (const weak of [
      "AAAAAAAAAAAAAAAAAAAAAA",
      "ABCDEFGHIJKLMNOPQRSTUV",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "x7Kp2Qa9x7Kp2Qa9x7Kp2Q",
      "0123456789012345678901",
    ]) {
      const r = await post(h.acme.tokens.rep, acmeShare({ code: weak }))
      expect(r.statusCode, weak).toBe(400)
      expect(r.json().error.message).toMatch(/code: code is not random enough: make it from 16 random bytes/)
    }
    expect(await rows(h.database.db, sql`SELECT 1 FROM asset_shares WHERE code = 'AAAAAAAAAAAAAAAAAAAAAA'`)).toHaveLength(0)
    // What the extension makes (src/sidebar/features/content/share-code.ts) always passes.
    for (let i = 0; i < 20; i++) {
      expect((await post(h.acme.tokens.rep, acmeShare({ code: randomBytes(16).toString("base64url") }))).statusCode).toBe(201)
    }
  })

  it("answers another org's code exactly like a code nobody has, and keeps that org's link pointing where it did", async () => {
    const taken = randomBytes(16).toString("base64url")
    const theirs = await post(h.globex.tokens.rep, globexShare({ code: taken }))
    expect(theirs.statusCode).toBe(201)

    const unknown = randomBytes(16).toString("base64url")
    const fresh = acmeShare({ code: unknown })
    const probe = acmeShare({ code: taken })
    const [a, b] = [await post(h.acme.tokens.rep, fresh), await post(h.acme.tokens.rep, probe)]
    expect(shape(b, taken)).toEqual(shape(a, unknown))
    expect(b.json()).toMatchObject({ code: taken, url: `${config().publicUrl}/r/${taken}` })
    // A retry answers the same again (200), as for any share; the list shows the code asked for.
    const [a2, b2] = [await post(h.acme.tokens.rep, fresh), await post(h.acme.tokens.rep, probe)]
    expect(shape(b2, taken)).toEqual(shape(a2, unknown))
    const list = (await h.app.inject({ url: `/api/v1/shares?contactId=${acmeContact}`, headers: auth(h.acme.tokens.rep) })).json().items
    expect(list.find((i: { id: string }) => i.id === probe.id).code).toBe(taken)

    // The code still opens Globex's share: Acme's share was recorded under a code of the server's.
    const [stored] = await rows<{ org: string; n: number }>(
      h.database.db,
      sql`SELECT org_id::text AS org, count(*) OVER ()::int AS n FROM asset_shares WHERE code = ${taken}`,
    )
    expect(stored).toEqual({ org: h.globex.id, n: 1 })
    await h.database.db.execute(sql`UPDATE asset_shares SET created_at = created_at - interval '1 minute' WHERE code = ${taken}`)
    const opened = await h.app.inject({ url: `/r/${taken}`, headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0" } })
    expect(opened.statusCode).toBe(302)
    const [view] = await rows<{ org: string }>(
      h.database.db,
      sql`SELECT v.org_id::text AS org FROM asset_views v JOIN asset_shares s ON s.org_id = v.org_id AND s.id = v.share_id WHERE s.code = ${taken}`,
    )
    expect(view!.org).toBe(h.globex.id)

    // Within one org a code used twice is still a 409: that says nothing the org does not know.
    const again = await post(h.acme.tokens.rep, acmeShare({ code: unknown }))
    expect(again.statusCode).toBe(409)
    expect((await post(h.acme.tokens.rep, acmeShare({ code: taken }))).statusCode).toBe(409)
  })

  it("builds links from the configured address, never from the request's Host header", async () => {
    const r = await post(h.acme.tokens.rep, acmeShare(), { host: "evil.example", "x-forwarded-host": "evil.example" })
    expect(r.statusCode).toBe(201)
    expect(r.json().url).not.toContain("evil.example")
    expect(r.json().url).toBe(`${config().publicUrl}/r/${r.json().code}`)
    const list = await h.app.inject({ url: `/api/v1/shares?contactId=${acmeContact}`, headers: { ...auth(h.acme.tokens.rep), host: "evil.example" } })
    for (const item of list.json().items) expect(item.url).not.toContain("evil.example")
  })

  it("reads PUBLIC_URL and HOST/PORT for the link address, and refuses a PUBLIC_URL that is not a web address", () => {
    expect(config({ PUBLIC_URL: "https://relay.example.com/" }).publicUrl).toBe("https://relay.example.com")
    expect(config({ PUBLIC_URL: "https://example.com/relay/" }).publicUrl).toBe("https://example.com/relay")
    expect(config({ HOST: "0.0.0.0", PORT: "9000" }).publicUrl).toBe("http://localhost:9000")
    expect(config({ HOST: "relay.internal" }).publicUrl).toBe("http://relay.internal:8787")
    for (const bad of ["javascript:alert(1)", "relay.example.com", "https://user:pw@relay.example.com", "https://relay.example.com/?a=1"]) {
      expect(() => config({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL must be an http or https address/)
    }
  })

  it("bounds sharedAt: 9999-12-31 and next week are refused with a clear message", async () => {
    for (const [sharedAt, message] of [
      ["9999-12-31T00:00:00Z", /sharedAt: must be a date from 1970-01-01 to 2099-12-31/],
      [new Date(Date.now() + 7 * 86_400_000).toISOString(), /sharedAt: must not be more than a day in the future/],
      ["1969-12-31T23:59:59Z", /sharedAt: must be a date from 1970-01-01/],
    ] as const) {
      const r = await post(h.acme.tokens.rep, acmeShare({ sharedAt }))
      expect(r.statusCode, sharedAt).toBe(400)
      expect(r.json().error.message).toMatch(message)
    }
  })
})

import { randomBytes, randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { one, rows, sql } from "../../src/server/db/client"
import { importAssets } from "../../src/server/assets/service"
import { publicBase } from "../../src/server/shares/routes"
import { auth, backends, harness, type Harness } from "./harness"

const browserUa = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15"

describe.each(backends)("enablement content on %s", (kind) => {
  let h: Harness
  let vp: string // Acme contact: VP, fintech, MQL
  let other: string // another Acme contact
  let globexContact: string
  const ids: Record<string, string> = {}

  const insertContact = async (orgId: string, c: { first: string; title: string; industry: string; stage: string }) => {
    const id = randomUUID()
    await h.database.db.execute(sql`INSERT INTO contacts (org_id, id, first_name, last_name, title, industry, stage)
      VALUES (${orgId}, ${id}, ${c.first}, 'Test', ${c.title}, ${c.industry}, ${c.stage})`)
    return id
  }
  const post = (url: string, token: string, payload: unknown) => h.app.inject({ method: "POST", url, headers: auth(token), payload: payload as object })
  const get = (url: string, token: string) => h.app.inject({ url, headers: auth(token) })
  const newAsset = (over: Record<string, unknown>) => ({
    title: "Untitled",
    url: "https://content.example/x",
    kind: "one_pager",
    description: "",
    ...over,
  })
  const share = (over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    assetId: ids.security,
    contactId: vp,
    channel: "gmail",
    sharedAt: new Date().toISOString(),
    ...over,
  })
  const engagement = async (contactId: string) =>
    Number((await one<{ v: number }>(h.database.db, sql`SELECT engagement_value AS v FROM contact_scores WHERE contact_id = ${contactId}`))!.v)
  const linkEvents = async (contactId: string) =>
    (
      await rows<{ n: number }>(h.database.db, sql`SELECT count(*)::int AS n FROM marketing_events WHERE contact_id = ${contactId} AND source = 'relay-link'`)
    )[0]!.n
  const ageShare = (code: string) => h.database.db.execute(sql`UPDATE asset_shares SET created_at = created_at - interval '1 minute' WHERE code = ${code}`)

  beforeAll(async () => {
    h = await harness(kind)
    vp = await insertContact(h.acme.id, { first: "Vera", title: "VP Finance", industry: "fintech", stage: "mql" })
    other = await insertContact(h.acme.id, { first: "Otto", title: "Data Analyst", industry: "retail", stage: "lead" })
    globexContact = await insertContact(h.globex.id, { first: "Gus", title: "CTO", industry: "software", stage: "lead" })
    const library: [string, Record<string, unknown>][] = [
      [
        "security",
        {
          title: "Security and compliance one-pager",
          kind: "one_pager",
          description: "How we keep customer data safe: SOC 2, SSO, encryption.",
          stages: ["mql", "sql"],
          personas: ["it", "executive"],
          industries: ["fintech"],
          topics: ["security"],
          url: "https://content.example/security",
        },
      ],
      [
        "fintechCase",
        {
          title: "How Bluefin Finance cut reporting time",
          kind: "case_study",
          description: "A fintech customer story about forecasting and security reviews.",
          stages: ["mql", "opportunity"],
          personas: ["executive"],
          industries: ["fintech"],
          topics: ["forecasting"],
        },
      ],
      [
        "pricing",
        {
          title: "Pricing guide",
          kind: "pricing_guide",
          description: "Plans, discounts and what is included.",
          stages: ["sql", "opportunity"],
          personas: ["sales"],
          topics: ["pricing"],
        },
      ],
      [
        "blog",
        {
          title: "Five lead scoring mistakes",
          kind: "blog_post",
          description: "Common scoring errors.",
          stages: ["subscriber", "lead"],
          topics: ["lead scoring"],
        },
      ],
      ["old", { title: "Security whitepaper 2019", kind: "whitepaper", description: "Outdated security material.", stages: ["mql"], topics: ["security"] }],
    ]
    for (const [key, a] of library) {
      const r = await post("/api/v1/assets", h.acme.tokens.marketer, newAsset(a))
      expect(r.statusCode, r.body).toBe(201)
      ids[key] = r.json().id
    }
    expect((await post(`/api/v1/assets/${ids.old}/archive`, h.acme.tokens.admin, {})).json().archived).toBe(true)
    ids.globex = (await post("/api/v1/assets", h.globex.tokens.marketer, newAsset({ title: "Globex security brief", topics: ["security"] }))).json().id
  })
  afterAll(async () => {
    await h?.close()
  })

  describe("library", () => {
    it("only marketers and admins change the library; reps get 403", async () => {
      expect((await post("/api/v1/assets", h.acme.tokens.rep, newAsset({ title: "Rep's deck" }))).statusCode).toBe(403)
      const patchAs = (token: string) =>
        h.app.inject({ method: "PATCH", url: `/api/v1/assets/${ids.blog}`, headers: auth(token), payload: { description: "Common scoring errors, fixed." } })
      expect((await patchAs(h.acme.tokens.rep)).statusCode).toBe(403)
      expect((await post(`/api/v1/assets/${ids.blog}/archive`, h.acme.tokens.rep, {})).statusCode).toBe(403)
      const ok = await patchAs(h.acme.tokens.marketer)
      expect(ok.statusCode).toBe(200)
      expect(ok.json()).toMatchObject({ id: ids.blog, description: "Common scoring errors, fixed.", title: "Five lead scoring mistakes" })
    })

    it("rejects bad input with 400 and a message, never a 500", async () => {
      const bad = [newAsset({ url: "javascript:alert(1)" }), newAsset({ kind: "poster" }), newAsset({ title: "" }), newAsset({ stages: ["someday"] })]
      for (const b of bad) {
        const r = await post("/api/v1/assets", h.acme.tokens.marketer, b)
        expect(r.statusCode, r.body).toBe(400)
        expect(r.json().error.message).toMatch(/invalid request/)
      }
      const empty = await h.app.inject({ method: "PATCH", url: `/api/v1/assets/${ids.blog}`, headers: auth(h.acme.tokens.marketer), payload: {} })
      expect(empty.statusCode).toBe(400)
      expect((await get("/api/v1/assets/not-a-uuid", h.acme.tokens.rep)).statusCode).toBe(400)
      expect((await get("/api/v1/assets?limit=0", h.acme.tokens.rep)).statusCode).toBe(400)
      expect((await get("/api/v1/assets?includeArchived=maybe", h.acme.tokens.rep)).statusCode).toBe(400)
    })

    it("normalises tags and keeps one copy of each", async () => {
      const r = await post(
        "/api/v1/assets",
        h.acme.tokens.marketer,
        newAsset({ title: "Tags", industries: [" FinTech ", "fintech"], topics: ["Data Quality"] }),
      )
      expect(r.json()).toMatchObject({ industries: ["fintech"], topics: ["data quality"] })
      await post(`/api/v1/assets/${r.json().id}/archive`, h.acme.tokens.marketer, {})
    })

    it("gets one asset; another org's asset is 404", async () => {
      expect((await get(`/api/v1/assets/${ids.pricing}`, h.acme.tokens.rep)).json()).toMatchObject({ title: "Pricing guide", kind: "pricing_guide" })
      expect((await get(`/api/v1/assets/${ids.pricing}`, h.globex.tokens.admin)).statusCode).toBe(404)
      expect(
        (await h.app.inject({ method: "PATCH", url: `/api/v1/assets/${ids.pricing}`, headers: auth(h.globex.tokens.admin), payload: { title: "Mine" } }))
          .statusCode,
      ).toBe(404)
      expect((await post(`/api/v1/assets/${ids.pricing}/archive`, h.globex.tokens.admin, {})).statusCode).toBe(404)
    })

    it("imports many rows at once, and a re-import updates instead of duplicating", async () => {
      const rowsIn = [1, 2, 3].map((n) => ({
        id: randomUUID(),
        title: `Imported ${n}`,
        url: `https://content.example/i${n}`,
        kind: "deck" as const,
        topics: ["imported"],
      }))
      expect(await importAssets(h.database.db, h.acme.id, rowsIn)).toEqual({ inserted: 3, updated: 0 })
      expect(
        await importAssets(
          h.database.db,
          h.acme.id,
          rowsIn.map((r) => ({ ...r, title: `${r.title} v2` })),
        ),
      ).toEqual({ inserted: 0, updated: 3 })
      const found = await get("/api/v1/assets?q=imported&limit=10", h.acme.tokens.rep)
      expect(found.json().items.map((a: { title: string }) => a.title)).toEqual(["Imported 1 v2", "Imported 2 v2", "Imported 3 v2"])
      await expect(importAssets(h.database.db, h.acme.id, [{ title: "x", url: "ftp://x", kind: "deck" }])).rejects.toThrow(/row 1: url/)
      for (const r of rowsIn) await post(`/api/v1/assets/${r.id}/archive`, h.acme.tokens.marketer, {})
    })
  })

  describe("search", () => {
    const titles = async (qs: string, token = h.acme.tokens.rep) => {
      const r = await get(`/api/v1/assets?${qs}`, token)
      expect(r.statusCode, r.body).toBe(200)
      return r.json().items.map((a: { title: string }) => a.title) as string[]
    }

    it("ranks title matches above description matches and hides archived assets", async () => {
      expect(await titles("q=security")).toEqual(["Security and compliance one-pager", "How Bluefin Finance cut reporting time"])
      expect(await titles("q=security&includeArchived=true")).toContain("Security whitepaper 2019")
    })

    it("understands what people type: prefixes, phrases, stray operators", async () => {
      expect(await titles("q=secur")).toEqual(["Security and compliance one-pager", "How Bluefin Finance cut reporting time"])
      expect(await titles(`q=${encodeURIComponent('"pricing guide"')}`)).toEqual(["Pricing guide"])
      expect(await titles(`q=${encodeURIComponent("&|!:*()' -")}`)).toEqual([])
    })

    it("filters by kind and stage, and lists by title without words", async () => {
      expect(await titles("q=security&kind=case_study")).toEqual(["How Bluefin Finance cut reporting time"])
      expect(await titles("stage=sql")).toEqual(["Pricing guide", "Security and compliance one-pager"])
      expect(await titles("kind=blog_post")).toEqual(["Five lead scoring mistakes"])
    })

    it("never shows another org's assets", async () => {
      expect(await titles("q=security", h.globex.tokens.rep)).toEqual(["Globex security brief"])
    })
  })

  describe("recommendations", () => {
    it("ranks for the person and the conversation, with reasons", async () => {
      const context = encodeURIComponent("Re: security review before we sign — our auditors need your SOC 2 report")
      const r = await get(`/api/v1/contacts/${vp}/recommendations?context=${context}&limit=3`, h.acme.tokens.rep)
      expect(r.statusCode, r.body).toBe(200)
      const items = r.json().items as { asset: { id: string; title: string }; score: number; reasons: string[] }[]
      expect(items).toHaveLength(3)
      expect(items[0]!.asset.id).toBe(ids.security)
      expect(items[0]!.reasons).toEqual(
        expect.arrayContaining(["made for the MQL stage", "fintech one-pager", "for VP-level buyers", "the thread mentions security"]),
      )
      expect(items[1]!.asset.id).toBe(ids.fintechCase)
      expect(items[1]!.reasons).toEqual(expect.arrayContaining(["fintech case study"]))
      expect(items.map((i) => i.asset.id)).not.toContain(ids.old) // archived
      expect(items[0]!.score).toBeGreaterThan(items[1]!.score)
    })

    it("another org's contact is 404; bad queries are 400", async () => {
      expect((await get(`/api/v1/contacts/${vp}/recommendations`, h.globex.tokens.rep)).statusCode).toBe(404)
      expect((await get(`/api/v1/contacts/${randomUUID()}/recommendations`, h.acme.tokens.rep)).statusCode).toBe(404)
      const long = await get(`/api/v1/contacts/${vp}/recommendations?context=${"a".repeat(2001)}`, h.acme.tokens.rep)
      expect(long.statusCode).toBe(400)
      expect(long.json().error.message).toMatch(/context/)
      expect((await get(`/api/v1/contacts/${vp}/recommendations?limit=500`, h.acme.tokens.rep)).statusCode).toBe(400)
    })
  })

  describe("shares and tracked links", () => {
    it("records a share idempotently: 201, then 200 with the same link, 409 for other content", async () => {
      const s = share({ contactId: other, assetId: ids.pricing })
      const first = await post("/api/v1/shares", h.acme.tokens.rep, s)
      expect(first.statusCode, first.body).toBe(201)
      const body = first.json()
      expect(body).toMatchObject({ id: s.id, assetId: ids.pricing, contactId: other, channel: "gmail" })
      expect(body.code).toMatch(/^[A-Za-z0-9_-]{22,}$/)
      expect(body.url).toBe(`${publicBase()}/r/${body.code}`)
      const again = await post("/api/v1/shares", h.acme.tokens.rep, s)
      expect(again.statusCode).toBe(200)
      expect(again.json()).toEqual(body)
      const changed = await post("/api/v1/shares", h.acme.tokens.rep, { ...s, channel: "outlook" })
      expect(changed.statusCode).toBe(409)
      expect(changed.json().error.message).toMatch(/different content/)
      const second = await post("/api/v1/shares", h.acme.tokens.rep, share({ contactId: other, assetId: ids.pricing }))
      expect(second.json().code).not.toBe(body.code) // one code per share
    })

    it("takes a client-made code (the extension pastes the link before the share is recorded)", async () => {
      const code = randomBytes(16).toString("base64url")
      const s = share({ contactId: other, assetId: ids.blog, code })
      const first = await post("/api/v1/shares", h.acme.tokens.rep, s)
      expect(first.statusCode, first.body).toBe(201)
      expect(first.json()).toMatchObject({ id: s.id, code, url: `${publicBase()}/r/${code}` })
      // The outbox retrying: same id, same content, same code.
      const again = await post("/api/v1/shares", h.acme.tokens.rep, s)
      expect(again.statusCode).toBe(200)
      expect(again.json()).toEqual(first.json())
      // Same id, another code: different content.
      expect((await post("/api/v1/shares", h.acme.tokens.rep, { ...s, code: randomBytes(16).toString("base64url") })).statusCode).toBe(409)
      const r = await h.app.inject({ url: `/r/${code}`, headers: { "user-agent": browserUa } })
      expect(r.statusCode).toBe(302)
      expect(r.headers.location).toBe("https://content.example/x")
    })

    it("refuses a code another share of the org uses (409) and malformed or made-up codes (400)", async () => {
      const code = randomBytes(16).toString("base64url")
      expect((await post("/api/v1/shares", h.acme.tokens.rep, share({ contactId: other, code }))).statusCode).toBe(201)
      const reuse = await post("/api/v1/shares", h.acme.tokens.rep, share({ contactId: other, code }))
      expect(reuse.statusCode).toBe(409)
      expect(reuse.json().error.message).toMatch(/code is already used/)
      for (const bad of ["short", "x".repeat(65), "has spaces in it for sure!", "AAAAAAAAAAAAAAAAAAAAA/"]) {
        const r = await post("/api/v1/shares", h.acme.tokens.rep, share({ contactId: other, code: bad }))
        expect(r.statusCode, bad).toBe(400)
        expect(r.json().error.code).toBe("validation_failed")
      }
    })

    it("lists a contact's shares newest first, with the asset title and the rep's feedback; another org's contact is 404", async () => {
      const c = await insertContact(h.acme.id, { first: "Lina", title: "CFO", industry: "fintech", stage: "mql" })
      const older = share({ contactId: c, assetId: ids.security, sharedAt: "2025-01-01T10:00:00.000Z" })
      const newer = share({ contactId: c, assetId: ids.pricing, channel: "copy", sharedAt: "2025-01-02T10:00:00.000Z" })
      const byMarketer = share({ contactId: c, assetId: ids.blog, channel: "linkedin", sharedAt: "2025-01-03T10:00:00.000Z" })
      for (const [s, token] of [
        [older, h.acme.tokens.rep],
        [newer, h.acme.tokens.rep],
        [byMarketer, h.acme.tokens.marketer],
      ] as const) {
        expect((await post("/api/v1/shares", token, s)).statusCode).toBe(201)
      }
      expect((await post("/api/v1/asset-feedback", h.acme.tokens.rep, { assetId: ids.security, contactId: c, helped: false })).statusCode).toBe(201)

      const r = await get(`/api/v1/shares?contactId=${c}`, h.acme.tokens.rep)
      expect(r.statusCode, r.body).toBe(200)
      const items = r.json().items
      expect(items.map((i: { id: string }) => i.id)).toEqual([byMarketer.id, newer.id, older.id])
      expect(items[0]).toMatchObject({
        assetTitle: "Five lead scoring mistakes",
        assetKind: "blog_post",
        channel: "linkedin",
        byMe: false,
        sharedBy: "Acme Test marketer",
        myFeedback: null,
      })
      expect(items[1]).toMatchObject({ assetTitle: "Pricing guide", channel: "copy", byMe: true, sharedBy: "Acme Test rep", myFeedback: null })
      expect(items[2]).toMatchObject({ assetTitle: "Security and compliance one-pager", byMe: true, myFeedback: { helped: false } })
      expect(items[2].url).toBe(`${publicBase()}/r/${items[2].code}`)
      // Feedback is per person: the marketer said nothing.
      expect((await get(`/api/v1/shares?contactId=${c}`, h.acme.tokens.marketer)).json().items[2].myFeedback).toBeNull()
      expect((await get(`/api/v1/shares?contactId=${c}&limit=1`, h.acme.tokens.rep)).json().items).toHaveLength(1)

      expect((await get(`/api/v1/shares?contactId=${c}`, h.globex.tokens.rep)).statusCode).toBe(404)
      expect((await get(`/api/v1/shares?contactId=${globexContact}`, h.acme.tokens.rep)).statusCode).toBe(404)
      expect((await get("/api/v1/shares?contactId=nope", h.acme.tokens.rep)).statusCode).toBe(400)
      expect((await get("/api/v1/shares", h.acme.tokens.rep)).statusCode).toBe(400)
      expect((await h.app.inject({ url: `/api/v1/shares?contactId=${c}` })).statusCode).toBe(401)
    })

    it("uses PUBLIC_URL for links when it is set", async () => {
      process.env.PUBLIC_URL = "https://relay.example.com"
      try {
        const r = await post("/api/v1/shares", h.acme.tokens.rep, share({ contactId: other, assetId: ids.blog }))
        expect(r.json().url).toBe(`https://relay.example.com/r/${r.json().code}`)
      } finally {
        delete process.env.PUBLIC_URL
      }
    })

    it("refuses other orgs' contacts and assets (404), archived assets (409) and bad input (400)", async () => {
      expect((await post("/api/v1/shares", h.globex.tokens.rep, share())).statusCode).toBe(404)
      expect((await post("/api/v1/shares", h.acme.tokens.rep, share({ assetId: ids.globex }))).statusCode).toBe(404)
      expect((await post("/api/v1/shares", h.acme.tokens.rep, share({ contactId: globexContact }))).statusCode).toBe(404)
      expect((await post("/api/v1/shares", h.acme.tokens.rep, share({ assetId: ids.old }))).statusCode).toBe(409)
      for (const bad of [share({ channel: "fax" }), share({ sharedAt: "yesterday" }), share({ id: "123" })]) {
        const r = await post("/api/v1/shares", h.acme.tokens.rep, bad)
        expect(r.statusCode).toBe(400)
        expect(r.json().error.code).toBe("validation_failed")
      }
    })

    it("/r/:code redirects, and only a person's view moves the score", async () => {
      const r = await post("/api/v1/shares", h.acme.tokens.rep, share())
      const { code } = r.json()
      const open = (method: "GET" | "HEAD", ua: string) => h.app.inject({ method, url: `/r/${code}`, headers: { "user-agent": ua } })
      const before = await engagement(vp)

      // Within 10 s of the share: a gateway scanning the message.
      const immediate = await open("GET", browserUa)
      expect(immediate.statusCode).toBe(302)
      expect(immediate.headers.location).toBe("https://content.example/security")
      await ageShare(code)
      for (const [method, ua] of [
        ["HEAD", browserUa],
        ["GET", "Mozilla/5.0 (compatible; Microsoft Office/16.0; ms-office)"],
        ["GET", "Mozilla/5.0 (compatible; Googlebot/2.1)"],
        ["GET", "curl/8.5.0"],
        ["GET", ""],
      ] as const) {
        const x = await open(method, ua)
        expect(x.statusCode, `${method} ${ua}`).toBe(302)
        expect(x.headers.location).toBe("https://content.example/security")
      }
      expect(await engagement(vp)).toBe(before)
      expect(await linkEvents(vp)).toBe(0)

      const human = await open("GET", browserUa)
      expect(human.statusCode).toBe(302)
      expect(human.headers.location).toBe("https://content.example/security")
      expect(await engagement(vp)).toBeGreaterThan(before)
      const ev = await rows<{ type: string; assetId: string; externalId: string; counted: boolean }>(
        h.database.db,
        sql`
        SELECT type, asset_id AS "assetId", external_id AS "externalId", counted FROM marketing_events WHERE contact_id = ${vp} AND source = 'relay-link'`,
      )
      expect(ev).toHaveLength(1)
      expect(ev[0]).toMatchObject({ type: "asset_view", assetId: ids.security, counted: true })
      expect(ev[0]!.externalId).toMatch(/^view-\d+$/)

      const views = await rows<{ method: string; flagged: boolean; reason: string | null; repeats: number }>(
        h.database.db,
        sql`
        SELECT v.method, v.flagged, v.flag_reason AS reason, v.repeats FROM asset_views v JOIN asset_shares s ON s.org_id = v.org_id AND s.id = v.share_id
        WHERE s.code = ${code} ORDER BY v.id`,
      )
      // The HEAD from the browser that opened the link at once is that visitor's repeat, not a view of its own.
      expect(views.map((v) => [v.method, v.flagged, v.repeats])).toEqual([
        ["GET", true, 1],
        ["GET", true, 0],
        ["GET", true, 0],
        ["GET", true, 0],
        ["GET", true, 0],
        ["GET", false, 0],
      ])
      expect(views.map((v) => v.reason)).toEqual([
        expect.stringMatching(/after sharing/),
        "scanner: Microsoft Office",
        "scanner: Googlebot",
        "scanner: curl",
        "no user agent",
        null,
      ])
    })

    it("an archived asset's link keeps working", async () => {
      const a = (await post("/api/v1/assets", h.acme.tokens.marketer, newAsset({ title: "Soon archived", url: "https://content.example/soon" }))).json()
      const s = (await post("/api/v1/shares", h.acme.tokens.rep, share({ assetId: a.id, contactId: other }))).json()
      await post(`/api/v1/assets/${a.id}/archive`, h.acme.tokens.marketer, {})
      const r = await h.app.inject({ url: `/r/${s.code}`, headers: { "user-agent": browserUa } })
      expect(r.statusCode).toBe(302)
      expect(r.headers.location).toBe("https://content.example/soon")
    })

    it("unknown or malformed codes are a JSON 404", async () => {
      for (const code of ["AAAAAAAAAAAAAAAAAAAAAA", "short", "not%20a%20code%20at%20all%20really"]) {
        const r = await h.app.inject({ url: `/r/${code}`, headers: { "user-agent": browserUa } })
        expect(r.statusCode).toBe(404)
        expect(r.json().error.code).toBe("not_found")
      }
    })

    it("recommendations push down what the person already received", async () => {
      const r = await get(`/api/v1/contacts/${vp}/recommendations?context=security&limit=5`, h.acme.tokens.rep)
      const sec = (r.json().items as { asset: { id: string }; reasons: string[] }[]).find((i) => i.asset.id === ids.security)!
      expect(sec.reasons).toEqual(expect.arrayContaining(["already sent just now"]))
      expect(r.json().items[0].asset.id).toBe(ids.fintechCase)
    })
  })

  describe("asset feedback", () => {
    it("needs a share first (409), then records once per client id", async () => {
      const f = { id: randomUUID(), assetId: ids.fintechCase, contactId: vp, helped: true, note: "They loved the numbers" }
      const early = await post("/api/v1/asset-feedback", h.acme.tokens.rep, f)
      expect(early.statusCode).toBe(409)
      expect(early.json().error.message).toMatch(/after sharing/)
      await post("/api/v1/shares", h.acme.tokens.rep, share({ assetId: ids.fintechCase }))
      const first = await post("/api/v1/asset-feedback", h.acme.tokens.rep, f)
      expect(first.statusCode, first.body).toBe(201)
      expect(first.json()).toMatchObject({ id: f.id, helped: true, note: "They loved the numbers" })
      const again = await post("/api/v1/asset-feedback", h.acme.tokens.rep, f)
      expect(again.statusCode).toBe(200)
      expect(again.json()).toEqual(first.json())
      expect((await post("/api/v1/asset-feedback", h.acme.tokens.rep, { ...f, helped: false })).statusCode).toBe(409)
      // Without an id, every submission is new.
      const { id: _id, ...noId } = f
      expect((await post("/api/v1/asset-feedback", h.acme.tokens.rep, noId)).statusCode).toBe(201)
      // Another rep never shared it with this contact.
      expect((await post("/api/v1/asset-feedback", h.acme.tokens.marketer, noId)).statusCode).toBe(409)
    })

    it("feeds the ranking", async () => {
      const r = await get(`/api/v1/contacts/${other}/recommendations?limit=20`, h.acme.tokens.rep)
      const fc = (r.json().items as { asset: { id: string }; reasons: string[] }[]).find((i) => i.asset.id === ids.fintechCase)!
      expect(fc.reasons).toEqual(expect.arrayContaining(["reps say it helped (2 of 2)"]))
    })

    it("another org gets 404; bad input 400", async () => {
      const f = { assetId: ids.fintechCase, contactId: vp, helped: true }
      expect((await post("/api/v1/asset-feedback", h.globex.tokens.rep, f)).statusCode).toBe(404)
      expect((await post("/api/v1/asset-feedback", h.acme.tokens.rep, { ...f, helped: "yes" })).statusCode).toBe(400)
    })
  })

  describe("outcomes", () => {
    it("counts shared-to contacts that advanced afterwards", async () => {
      // `other` received the pricing guide (above); moving them on afterwards is an outcome of that share.
      await h.database.db.execute(sql`INSERT INTO stage_changes (org_id, contact_id, from_stage, to_stage, at)
        VALUES (${h.acme.id}, ${other}, 'lead', 'sql', now() + interval '1 minute')`)
      const r = await get(`/api/v1/contacts/${vp}/recommendations?limit=20`, h.acme.tokens.rep)
      const p = (r.json().items as { asset: { id: string }; reasons: string[] }[]).find((i) => i.asset.id === ids.pricing)!
      expect(p.reasons).toEqual(expect.arrayContaining(["used in 1 deal that advanced"]))
    })
  })

  it("documents the new routes in OpenAPI", async () => {
    const doc = (await h.app.inject({ url: "/api/v1/openapi.json" })).json()
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/assets",
        "/api/v1/assets/{id}",
        "/api/v1/assets/{id}/archive",
        "/api/v1/contacts/{id}/recommendations",
        "/api/v1/shares",
        "/api/v1/asset-feedback",
      ]),
    )
  })
})

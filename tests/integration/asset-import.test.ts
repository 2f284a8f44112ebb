import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rows, sql } from "../../src/server/db/client"
import { auth, backends, harness, type Harness } from "./harness"

describe.each(backends)("asset import over HTTP on %s", (kind) => {
  let h: Harness
  const importRows = (payload: unknown, token = h.acme.tokens.marketer) =>
    h.app.inject({ method: "POST", url: "/api/v1/assets/import", headers: auth(token), payload: payload as object })
  const titles = async (orgId: string) =>
    (await rows<{ title: string }>(h.database.db, sql`SELECT title FROM assets WHERE org_id = ${orgId} ORDER BY title`)).map((r) => r.title)

  beforeAll(async () => {
    h = await harness(kind)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("imports the good rows and reports the bad ones by index with the reason", async () => {
    const keep = randomUUID()
    const r = await importRows({
      rows: [
        {
          id: keep,
          title: "Harbor Freight case study",
          url: "https://content.example/harbor",
          kind: "case_study",
          stages: ["mql", "sql"],
          personas: ["executive"],
          industries: ["Logistics", "logistics "],
          topics: ["ROI"],
        },
        { title: "Sneaky link", url: "javascript:alert(1)", kind: "one_pager" },
        { title: "Pricing at a glance", url: "https://content.example/pricing", kind: "pricing_guide" },
        { title: "", url: "https://content.example/empty", kind: "brochure" },
        "not an object",
        { id: keep, title: "Harbor Freight again", url: "https://content.example/harbor-2", kind: "case_study" },
        { title: "Null byte\u0000 title", url: "https://content.example/nul", kind: "deck" },
      ],
    })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toEqual({
      inserted: 2,
      updated: 0,
      rejected: [
        { row: 1, message: "url: url must be an http or https address" },
        { row: 3, message: expect.stringMatching(/^title: .+; kind: .+/) },
        { row: 4, message: expect.stringMatching(/^row: /) },
        { row: 5, message: `id ${keep} is already used by row 0 of this import` },
        { row: 6, message: "title: must not contain NUL characters or broken Unicode" },
      ],
    })
    expect(r.json().rejected[1].message).toContain("kind: Invalid option")
    expect(await titles(h.acme.id)).toEqual(["Harbor Freight case study", "Pricing at a glance"])
    const [harbor] = await rows<{ industries: string[]; topics: string[] }>(
      h.database.db,
      sql`SELECT industries, topics FROM assets WHERE org_id = ${h.acme.id} AND id = ${keep}`,
    )
    expect(harbor).toEqual({ industries: ["logistics"], topics: ["roi"] })

    // Importing the same id again updates that asset.
    const again = await importRows({
      rows: [{ id: keep, title: "Harbor Freight case study (2026)", url: "https://content.example/harbor", kind: "case_study" }],
    })
    expect(again.json()).toEqual({ inserted: 0, updated: 1, rejected: [] })
    expect(await titles(h.acme.id)).toEqual(["Harbor Freight case study (2026)", "Pricing at a glance"])
  })

  it("all bad rows: nothing written, every row reported", async () => {
    const r = await importRows({ rows: [{ title: "No url", kind: "deck" }, { url: "https://content.example/x" }] })
    expect(r.statusCode).toBe(200)
    expect(r.json().inserted).toBe(0)
    expect(r.json().rejected.map((x: { row: number }) => x.row)).toEqual([0, 1])
  })

  it("takes 500 rows in one call and refuses 501", async () => {
    const row = (i: number) => ({ title: `Bulk sheet ${String(i).padStart(3, "0")}`, url: `https://content.example/bulk/${i}`, kind: "one_pager" })
    const ok = await importRows({ rows: Array.from({ length: 500 }, (_, i) => row(i)) }, h.globex.tokens.admin)
    expect(ok.json()).toEqual({ inserted: 500, updated: 0, rejected: [] })
    const tooMany = await importRows({ rows: Array.from({ length: 501 }, (_, i) => row(i)) }, h.globex.tokens.admin)
    expect(tooMany.statusCode).toBe(400)
    expect(tooMany.json().error.message).toContain("at most 500 rows per call")
    expect((await titles(h.globex.id)).length).toBe(500)
  })

  it("is for marketers and admins; a body without rows is a 400", async () => {
    const r = await importRows({ rows: [{ title: "Rep upload", url: "https://content.example/rep", kind: "deck" }] }, h.acme.tokens.rep)
    expect(r.statusCode).toBe(403)
    expect((await importRows({})).statusCode).toBe(400)
    expect((await importRows({ rows: "a,b,c" })).statusCode).toBe(400)
    expect((await importRows({ rows: [] })).json()).toEqual({ inserted: 0, updated: 0, rejected: [] })
  })

  it("an id from another org makes a new asset here and leaves theirs alone", async () => {
    const [theirs] = await rows<{ id: string; title: string }>(h.database.db, sql`SELECT id, title FROM assets WHERE org_id = ${h.globex.id} LIMIT 1`)
    const r = await importRows({ rows: [{ id: theirs!.id, title: "Acme's own sheet", url: "https://content.example/own", kind: "deck" }] })
    expect(r.json()).toEqual({ inserted: 1, updated: 0, rejected: [] })
    const [after] = await rows<{ title: string }>(h.database.db, sql`SELECT title FROM assets WHERE org_id = ${h.globex.id} AND id = ${theirs!.id}`)
    expect(after!.title).toBe(theirs!.title)
  })

  it("is documented in the OpenAPI document with the row schema", async () => {
    const doc = (await h.app.inject({ url: "/api/v1/openapi.json" })).json()
    const body = doc.paths["/api/v1/assets/import"].post.requestBody.content["application/json"].schema
    expect(body.properties.rows.maxItems).toBe(500)
    expect(body.properties.rows.items.properties).toHaveProperty("url")
  })
})

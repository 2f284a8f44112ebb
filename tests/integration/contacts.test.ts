import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { auth, backends, event, harness, type Harness } from "./harness"

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000)

describe.each(backends)("contacts on %s", (kind) => {
  let h: Harness
  let id: string
  beforeAll(async () => {
    h = await harness(kind)
    const events = Array.from({ length: 45 }, (_, i) =>
      event("lark.holm@tidewater.example", i % 2 ? "page_visit" : "email_open", hoursAgo(i * 5 + 1), `h${i}`, {
        contact: {
          firstName: "Lark",
          lastName: "Holm",
          company: "Tidewater Systems",
          title: "Data Analyst",
          linkedin: "https://www.linkedin.com/in/lark-holm-7f/?trk=x",
        },
      }),
    )
    events.push(
      event("b.quill@tidewater.example", "email_open", hoursAgo(3), "q1", { contact: { firstName: "Bea", lastName: "Quill", company: "Tidewater Systems" } }),
    )
    const r = await h.app.inject({ method: "POST", url: "/api/v1/events", headers: auth(h.acme.tokens.marketer), payload: events })
    expect(r.json().accepted).toBe(46)
    id = (await get("/api/v1/contacts/lookup?email=lark.holm@tidewater.example")).json().contact.id
  })
  afterAll(async () => {
    await h?.close()
  })

  const get = (url: string, token = h.acme.tokens.rep) => h.app.inject({ url, headers: auth(token) })

  it("looks up by email case-insensitively, returning the whole sidebar context in one response", async () => {
    const r = await get("/api/v1/contacts/lookup?email=LARK.HOLM@tidewater.example")
    expect(r.statusCode).toBe(200)
    const ctx = r.json()
    expect(ctx.contact).toMatchObject({ id, name: "Lark Holm", linkedin: "lark-holm-7f", company: "Tidewater Systems" })
    expect(ctx.score).toMatchObject({ threshold: 60 })
    expect(ctx.score.reasons.length).toBeGreaterThan(0)
    expect(ctx.events).toHaveLength(20)
    expect(ctx.nextCursor).toEqual(expect.any(String))
    expect(ctx.counts).toEqual({ marketing: 45, sales: 0, byType: { email_open: 23, page_visit: 22 } })
  })

  it.each(["lark-holm-7f", "/in/lark-holm-7f/", "https://www.linkedin.com/in/lark-holm-7f?miniProfile=1", "LARK-HOLM-7F"])(
    "looks up by LinkedIn %s",
    async (li) => {
      const r = await get(`/api/v1/contacts/lookup?linkedin=${encodeURIComponent(li)}`)
      expect(r.statusCode).toBe(200)
      expect(r.json().contact.id).toBe(id)
    },
  )

  it("answers 404 for an unknown person and 400 for nonsense", async () => {
    expect((await get("/api/v1/contacts/lookup?email=nobody@nowhere.example")).statusCode).toBe(404)
    expect((await get("/api/v1/contacts/lookup?linkedin=https://example.com/x/y")).statusCode).toBe(400)
    expect((await get("/api/v1/contacts/lookup?email=a@b.example&linkedin=x")).statusCode).toBe(400)
    expect((await get("/api/v1/contacts/not-a-uuid")).statusCode).toBe(400)
  })

  it("pages the history with a cursor, newest first, without gaps or repeats", async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let last = Infinity
    do {
      const r = await get(`/api/v1/contacts/${id}/events?limit=7${cursor ? `&before=${cursor}` : ""}`)
      expect(r.statusCode).toBe(200)
      const page = r.json()
      for (const e of page.items) {
        const t = new Date(e.occurredAt).getTime()
        expect(t).toBeLessThanOrEqual(last)
        last = t
        seen.push(e.id)
      }
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(45)
    expect(new Set(seen).size).toBe(45)
    const filtered = (await get(`/api/v1/contacts/${id}/events?type=page_visit&limit=100`)).json()
    expect(filtered.items).toHaveLength(22)
    expect((await get(`/api/v1/contacts/${id}/events?before=garbage`)).statusCode).toBe(400)
    expect((await get(`/api/v1/contacts/${id}/events?limit=0`)).statusCode).toBe(400)
  })

  it("searches by name, email and company", async () => {
    const byName = (await get("/api/v1/contacts?q=lark")).json().items
    expect(byName.map((c: { name: string }) => c.name)).toEqual(["Lark Holm"])
    const byEmail = (await get("/api/v1/contacts?q=b.quill@")).json().items
    expect(byEmail[0].name).toBe("Bea Quill")
    const byCompany = (await get("/api/v1/contacts?q=Tidewater&limit=10")).json().items
    expect(byCompany).toHaveLength(2)
    expect((await get("/api/v1/contacts?q=")).statusCode).toBe(400)
    expect((await get("/api/v1/contacts?q=%25%25%25")).json().items).toEqual([])
  })

  it("saves BANT fields on the contact", async () => {
    const r = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/contacts/${id}/bant`,
      headers: auth(h.acme.tokens.rep),
      payload: { budget: "40k approved", timeline: "Q3" },
    })
    expect(r.statusCode).toBe(200)
    await h.app.inject({ method: "PATCH", url: `/api/v1/contacts/${id}/bant`, headers: auth(h.acme.tokens.rep), payload: { need: "Forecast accuracy" } })
    expect((await get(`/api/v1/contacts/${id}`)).json().contact.bant).toEqual({ budget: "40k approved", timeline: "Q3", need: "Forecast accuracy" })
    const bad = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/contacts/${id}/bant`,
      headers: auth(h.acme.tokens.rep),
      payload: { budget: 5, colour: "red" },
    })
    expect(bad.statusCode).toBe(400)
  })

  it("hides every contact route from another org (404, never a leak)", async () => {
    const g = h.globex.tokens.admin
    expect((await get("/api/v1/contacts/lookup?email=lark.holm@tidewater.example", g)).statusCode).toBe(404)
    expect((await get("/api/v1/contacts/lookup?linkedin=lark-holm-7f", g)).statusCode).toBe(404)
    expect((await get(`/api/v1/contacts/${id}`, g)).statusCode).toBe(404)
    expect((await get(`/api/v1/contacts/${id}/events`, g)).statusCode).toBe(404)
    expect((await get("/api/v1/contacts?q=lark", g)).json().items).toEqual([])
    const bant = await h.app.inject({ method: "PATCH", url: `/api/v1/contacts/${id}/bant`, headers: auth(g), payload: { budget: "x" } })
    expect(bant.statusCode).toBe(404)
    const act = await h.app.inject({
      method: "POST",
      url: "/api/v1/activities",
      headers: auth(g),
      payload: { id: randomUUID(), contactId: id, type: "call", occurredAt: new Date().toISOString() },
    })
    expect(act.statusCode).toBe(404)
    const ho = await h.app.inject({ method: "POST", url: `/api/v1/contacts/${id}/handoff`, headers: auth(g), payload: { decision: "accept" } })
    expect(ho.statusCode).toBe(404)
    const fb = await h.app.inject({ method: "POST", url: `/api/v1/contacts/${id}/feedback`, headers: auth(g), payload: { rating: 3 } })
    expect(fb.statusCode).toBe(404)
  })

  it("answers 400, not 500, to text the database cannot store", async () => {
    const r = await h.app.inject({
      method: "POST",
      url: "/api/v1/activities",
      headers: auth(h.acme.tokens.rep),
      payload: { id: randomUUID(), contactId: id, type: "note", occurredAt: new Date().toISOString(), notes: "nul \u0000 byte" },
    })
    expect(r.statusCode).toBe(400)
    expect(r.json().error.code).toBe("invalid_value")
  })

  it("renders hostile strings back as data, not markup or errors", async () => {
    const name = "<img src=x onerror=alert(1)>"
    const r = await h.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: auth(h.acme.tokens.marketer),
      payload: [
        event("evil@hostile.example", "email_open", hoursAgo(1), "evil", {
          // Array-literal syntax too: a batch's columns travel as PostgreSQL array literals.
          contact: { firstName: name, lastName: 'Quote" Back\\slash {a,b} NULL', company: "'; DROP TABLE contacts; --" },
        }),
      ],
    })
    expect(r.json().accepted).toBe(1)
    const ctx = (await get("/api/v1/contacts/lookup?email=evil@hostile.example")).json()
    expect(ctx.contact.firstName).toBe(name)
    expect(ctx.contact.lastName).toBe('Quote" Back\\slash {a,b} NULL')
    expect(ctx.contact.company).toBe("'; DROP TABLE contacts; --")
  })
})

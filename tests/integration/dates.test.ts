import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { sql } from "../../src/server/db/client"
import { auth, backends, harness, type Harness } from "./harness"

// Issue 10, item 8: dates such as 9999-12-31 are typing or clock mistakes; every date a contract takes is
// bounded (1970..2099, and times something happened at most a day ahead) and refused with a clear 400.

describe.each(backends)("date bounds on %s", (kind) => {
  let h: Harness
  let contactId: string
  beforeAll(async () => {
    h = await harness(kind)
    contactId = randomUUID()
    await h.database.db.execute(sql`INSERT INTO contacts (org_id, id, first_name, stage) VALUES (${h.acme.id}, ${contactId}, 'Juno', 'lead')`)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("report ranges: 9999-12-31 and 1900-01-01 are a 400 naming the field; in-range days still work", async () => {
    for (const [q, field] of [
      ["to=9999-12-31", "to"],
      ["from=9999-12-31", "from"],
      ["from=1900-01-01&to=1900-02-01", "from"],
    ] as const) {
      for (const report of ["content-usage", "handoff", "rep-activity", "calibration"]) {
        const r = await h.app.inject({ url: `/api/v1/analytics/${report}?${q}`, headers: auth(h.acme.tokens.marketer) })
        expect(r.statusCode, `${report}?${q}`).toBe(400)
        expect(r.json().error.message).toContain(`${field}: must be a date from 1970-01-01 to 2099-12-31`)
      }
    }
    const ok = await h.app.inject({ url: "/api/v1/analytics/content-usage?from=2026-01-01&to=2026-03-31", headers: auth(h.acme.tokens.marketer) })
    expect(ok.statusCode, ok.body).toBe(200)
  })

  it("activities: occurredAt 9999-12-31, before 1970 or days ahead is a 400 with the reason", async () => {
    const log = (occurredAt: string) =>
      h.app.inject({
        method: "POST",
        url: "/api/v1/activities",
        headers: auth(h.acme.tokens.rep),
        payload: { id: randomUUID(), contactId, type: "call", occurredAt },
      })
    const far = await log("9999-12-31T23:59:59Z")
    expect(far.statusCode).toBe(400)
    expect(far.json().error.message).toContain("occurredAt: must be a date from 1970-01-01 to 2099-12-31")
    const early = await log("1969-07-20T20:17:00Z")
    expect(early.statusCode).toBe(400)
    expect(early.json().error.message).toContain("occurredAt: must be a date from 1970-01-01")
    const ahead = await log(new Date(Date.now() + 3 * 86_400_000).toISOString())
    expect(ahead.statusCode).toBe(400)
    expect(ahead.json().error.message).toContain("occurredAt: must not be more than a day in the future")
    const fine = await log(new Date().toISOString())
    expect(fine.statusCode, fine.body).toBe(201)
  })
})

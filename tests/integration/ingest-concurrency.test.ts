import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { pgArray, rows, sql } from "../../src/server/db/client"
import { auth, backends, event, harness, type Harness } from "./harness"

// Batches in flight at once that share contacts: each locks the batch's known contacts first, in id
// order (src/server/events/repository.ts), so they queue instead of deadlocking. Before, the first-touch
// update and the score update locked them in different orders and one batch failed with a 500.
// The deadlock needs several connections (the PostgreSQL server); PGlite runs one statement at a time and
// checks the same outcome.
describe.each(backends)("ingest batches in flight together on %s", (kind) => {
  let h: Harness
  const people = Array.from({ length: 300 }, (_, i) => `shared.${i}@overlap.example`)
  beforeAll(async () => {
    h = await harness(kind)
    const r = await h.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: auth(h.acme.tokens.marketer),
      payload: people.map((e, i) => event(e, "email_open", new Date(Date.now() - 86_400_000), `seed-${i}`)),
    })
    expect(r.statusCode).toBe(200)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("all succeed, every event kept once, and each contact's first touch is its oldest event", async () => {
    // Each batch touches every shared contact, in its own order, with events older than the first touch (so the
    // first-touch update rewrites them) and some scored types.
    const batches = Array.from({ length: 6 }, (_, b) => {
      const order = b % 2 === 0 ? people : [...people].reverse()
      return order.map((e, i) =>
        event(e, ["page_visit", "email_click", "content_download"][i % 3]!, new Date(Date.now() - (2 + b) * 86_400_000 - i * 1000), `b${b}-${i}`, {
          campaign: `Campaign ${b}`,
        }),
      )
    })
    const answers = await Promise.all(
      batches.map((payload) =>
        h.app.inject({ method: "POST", url: "/api/v1/events", headers: { ...auth(h.acme.tokens.marketer), "content-type": "application/json" }, payload }),
      ),
    )
    expect(answers.map((a) => a.statusCode)).toEqual(batches.map(() => 200))
    expect(answers.reduce((n, a) => n + a.json().accepted, 0)).toBe(6 * people.length)
    const lookup = await h.app.inject({ url: `/api/v1/contacts/lookup?email=${people[0]}`, headers: auth(h.acme.tokens.rep) })
    expect(lookup.json().counts.marketing).toBe(7)
    const firstTouch = await rows<{ campaign: string | null }>(
      h.database.db,
      sql`
      SELECT c.campaign FROM contacts c JOIN contact_emails ce ON ce.org_id = c.org_id AND ce.contact_id = c.id
      WHERE ce.org_id = ${h.acme.id} AND ce.email = ANY(${pgArray(people)}::text[])`,
    )
    expect(firstTouch).toHaveLength(people.length)
    expect(new Set(firstTouch.map((r) => r.campaign))).toEqual(new Set(["Campaign 5"]))
  })
})

import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rows, sql } from "../../src/server/db/client"
import { demoOrgs, seedDemo } from "../../src/server/seed/index"
import { showcaseContacts } from "../../src/server/seed/showcase"
import { Uuid } from "../../src/shared/contracts/common"
import { auth, backends, harness, type Harness } from "./harness"

const now = new Date("2026-11-01T12:00:00Z")

describe.each(backends)("demo seed on %s", (kind) => {
  let h: Harness
  beforeAll(async () => { h = await harness(kind) })
  afterAll(async () => { await h?.close() })

  const digest = async () => (await rows<{ d: string }>(h.database.db, sql`
    SELECT md5(string_agg(x, ',' ORDER BY x)) AS d FROM (
      SELECT id::text || first_name || last_name || coalesce(title, '') || stage || fit_score || round(engagement_value::numeric, 6) AS x FROM contacts WHERE org_id = ${demoOrgs.acme}
      UNION ALL SELECT contact_id::text || type || occurred_at::text || external_id FROM marketing_events WHERE org_id = ${demoOrgs.acme}
    ) t`))[0]!.d

  it("is deterministic for a seed, and replaces the earlier demo data", async () => {
    const creds = await seedDemo(h.database.db, { contacts: 300, events: 3000, now })
    const first = await digest()
    const again = await seedDemo(h.database.db, { contacts: 300, events: 3000, now })
    expect(await digest()).toBe(first)
    expect(new Set([...creds, ...again].map((c) => c.token)).size).toBe(creds.length * 2) // tokens are secrets, new each time
    const other = await seedDemo(h.database.db, { contacts: 300, events: 3000, now, seed: "another" })
    expect(await digest()).not.toBe(first)

    const [counts] = await rows<{ contacts: number; events: number; assets: number; linkedin: number; stages: number }>(h.database.db, sql`
      SELECT (SELECT count(*)::int FROM contacts WHERE org_id = ${demoOrgs.acme}) AS contacts,
        (SELECT count(*)::int FROM marketing_events WHERE org_id = ${demoOrgs.acme}) AS events,
        (SELECT count(*)::int FROM assets WHERE org_id = ${demoOrgs.acme}) AS assets,
        (SELECT count(*)::int FROM contacts WHERE org_id = ${demoOrgs.acme} AND linkedin IS NOT NULL) AS linkedin,
        (SELECT count(DISTINCT stage)::int FROM contacts WHERE org_id = ${demoOrgs.acme}) AS stages`)
    expect(counts!.contacts).toBe(300 + showcaseContacts.length)
    expect(counts!.events).toBeGreaterThanOrEqual(3000)
    expect(counts!.assets).toBeGreaterThanOrEqual(60)
    expect(counts!.linkedin).toBeGreaterThan(60)
    expect(counts!.stages).toBe(8)

    // Seeded ids are deterministic yet valid to the contracts (a client parses every id it is given).
    const ids = await rows<{ id: string }>(h.database.db, sql`
      SELECT id::text FROM contacts WHERE org_id = ${demoOrgs.acme} UNION ALL SELECT id::text FROM assets WHERE org_id = ${demoOrgs.acme}
      UNION ALL SELECT id::text FROM activities WHERE org_id = ${demoOrgs.acme}`)
    expect(ids.length).toBeGreaterThan(300)
    expect(ids.filter((r) => !Uuid.safeParse(r.id).success)).toEqual([])

    // Every demo user can sign in; Globex cannot see Acme's showcase contact.
    const rep = other.find((c) => c.org === "Acme Analytics" && c.role === "rep")!
    const globex = other.find((c) => c.org === "Globex")!
    const email = showcaseContacts[0]!.email
    const ctx = await h.app.inject({ url: `/api/v1/contacts/lookup?email=${email}`, headers: auth(rep.token) })
    expect(ctx.statusCode).toBe(200)
    expect(ctx.json().score.reasons.length).toBeGreaterThan(2)
    expect(ctx.json().events.length).toBeGreaterThan(3)
    expect((await h.app.inject({ url: `/api/v1/contacts/lookup?email=${email}`, headers: auth(globex.token) })).statusCode).toBe(404)
  })
})

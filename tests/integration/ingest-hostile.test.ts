import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { one, rows, sql } from "../../src/server/db/client"
import { auth, backends, event, harness, type Harness } from "./harness"

// Issue 10, item 6: everything PostgreSQL would refuse is refused per line, so one bad line of a
// 1,000-line batch costs that line only — checked for every column an event writes, on both databases.

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000)

/** One bad line per way a column can be refused: [what, line, the field the reason must name]. */
const hostile: [string, Record<string, unknown> | string, string][] = [
  ["NUL in source", { source: "hub\u0000spot" }, "source"],
  ["NUL in externalId", { externalId: "x\u0000" }, "externalId"],
  ["NUL in campaign", { campaign: "Spring\u0000" }, "campaign"],
  ["NUL in a property value", { properties: { page: "/pricing\u0000" } }, "properties.page"],
  ["NUL in a property key", { properties: { "pa\u0000ge": "/pricing" } }, "properties"],
  ["NUL in firstName", { contact: { firstName: "A\u0000" } }, "contact.firstName"],
  ["NUL in lastName", { contact: { lastName: "\u0000" } }, "contact.lastName"],
  ["NUL in title", { contact: { title: "VP\u0000" } }, "contact.title"],
  ["NUL in company", { contact: { company: "Acme\u0000" } }, "contact.company"],
  ["NUL in industry", { contact: { industry: "\u0000fintech" } }, "contact.industry"],
  ["NUL decoded from a LinkedIn slug", { contact: { linkedin: "https://www.linkedin.com/in/jane%00doe" } }, "contact.linkedin"],
  ["half a surrogate pair in campaign", { campaign: "launch \ud800" }, "campaign"],
  ["half a surrogate pair in a property key", { properties: { "\udc00": 1 } }, "properties"],
  ["companySize past int4", { contact: { companySize: 3e9 } }, "contact.companySize"],
  ["companySize 2^31", { contact: { companySize: 2 ** 31 } }, "contact.companySize"],
  ["companySize negative", { contact: { companySize: -1 } }, "contact.companySize"],
  ["companySize fractional", { contact: { companySize: 12.5 } }, "contact.companySize"],
  ["companySize as text", { contact: { companySize: "400" } }, "contact.companySize"],
  ["occurredAt 9999-12-31", { occurredAt: "9999-12-31T00:00:00Z" }, "occurredAt"],
  ["occurredAt year 0", { occurredAt: "0000-01-01T00:00:00Z" }, "occurredAt"],
  ["occurredAt before 1970", { occurredAt: "1969-12-31T23:59:59Z" }, "occurredAt"],
  ["occurredAt next week", { occurredAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }, "occurredAt"],
  ["occurredAt 30 February", { occurredAt: "2025-02-30T10:00:00Z" }, "occurredAt"],
  ["occurredAt without offset", { occurredAt: "2025-02-03T10:00:00" }, "occurredAt"],
  ["source too long", { source: "s".repeat(65) }, "source"],
  ["externalId too long", { externalId: "e".repeat(201) }, "externalId"],
  ["campaign too long", { campaign: "c".repeat(201) }, "campaign"],
  ["property key too long", { properties: { ["k".repeat(101)]: 1 } }, "properties"],
  ["property value too long", { properties: { page: "p".repeat(501) } }, "properties.page"],
  ["21 properties", { properties: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`p${i}`, i])) }, "properties"],
  ["a nested property", { properties: { deep: { deeper: [1, 2, { deepest: true }] } } }, "properties.deep"],
  ["email too long", { email: `${"a".repeat(64)}@${"b".repeat(250)}.example` }, "email"],
  ["assetId not a uuid", { assetId: "'; DROP TABLE assets; --" }, "assetId"],
  ["an unknown type", { type: "teleport" }, "type"],
  // Written into the NDJSON text as is: JSON.parse reads 1e400 as Infinity, which jsonb cannot hold.
  ["a property of 1e400", "INFINITY", "properties.n"],
]

describe.each(backends)("a hostile line costs only itself on %s", (kind) => {
  let h: Harness
  beforeAll(async () => {
    h = await harness(kind)
  })
  afterAll(async () => {
    await h?.close()
  })

  const ndjson = (lines: string[]) =>
    h.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: { ...auth(h.acme.tokens.marketer), "content-type": "application/x-ndjson" },
      payload: lines.join("\n"),
    })
  const stored = async (source: string) =>
    (await one<{ n: number }>(h.database.db, sql`SELECT count(*)::int AS n FROM marketing_events WHERE org_id = ${h.acme.id} AND source = ${source}`))!.n
  const good = (source: string, i: number) =>
    event(`lead${i % 50}@hostile.example`, "email_open", daysAgo(1 + (i % 20)), `${source}-${i}`, {
      source,
      campaign: `Campaign ${i % 7}`,
      properties: { page: `/p/${i}`, n: i, ok: true, none: null },
      contact: { firstName: `Lead${i % 50}`, title: "Head of Data", company: "Fernhill", industry: "software", companySize: 2_147_483 },
    })

  it("a 1,000-line batch with one bad line stores 999 and names the bad line", async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => JSON.stringify(good("one-bad", i)))
    lines[616] = JSON.stringify({ ...good("one-bad", 616), contact: { companySize: 3e9 } })
    const r = await ndjson(lines)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ accepted: 999, duplicates: 0, rejected: [{ line: 617, reason: expect.stringMatching(/^contact\.companySize: /) }] })
    expect(await stored("one-bad")).toBe(999)
  })

  it(`refuses each of ${hostile.length} kinds of bad value on its own line and keeps the other lines of the batch`, async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => JSON.stringify(good("many-bad", i)))
    const at = hostile.map((_, k) => 10 + k * 27) // spread over the batch
    hostile.forEach(([, bad], k) => {
      const line = at[k]!
      lines[line] =
        typeof bad === "string"
          ? JSON.stringify({ ...good("many-bad", line), properties: { n: 0 } }).replace('"n":0', '"n":1e400')
          : JSON.stringify({ ...good("many-bad", line), ...bad })
    })
    const r = await ndjson(lines)
    expect(r.statusCode, r.body).toBe(200)
    const body = r.json() as { accepted: number; rejected: { line: number; reason: string }[] }
    expect(body.rejected.map((x) => x.line)).toEqual(at.map((l) => l + 1))
    hostile.forEach(([what, , field], k) => {
      expect(body.rejected[k]!.reason.startsWith(field), `${what}: ${body.rejected[k]!.reason}`).toBe(true)
    })
    expect(body.accepted).toBe(1000 - hostile.length)
    expect(await stored("many-bad")).toBe(1000 - hostile.length)
  })

  it("takes the edges the columns can hold: year 1970, a day ahead, the largest company size, long Unicode text", async () => {
    const lines = [
      event("edge@hostile.example", "page_visit", "1970-01-01T00:00:00Z", "edge-1", { source: "edge" }),
      event("edge@hostile.example", "page_visit", new Date(Date.now() + 23 * 3_600_000).toISOString(), "edge-2", { source: "edge" }),
      event("edge@hostile.example", "page_visit", daysAgo(1), "edge-3", {
        source: "edge",
        campaign: "🚀".repeat(100),
        properties: { ["é".repeat(100)]: "漢".repeat(500), big: 1e308, small: -1e-308 },
        contact: { companySize: 10_000_000, firstName: "Ågot", company: "株式会社テスト" },
      }),
    ].map((e) => JSON.stringify(e))
    const r = await ndjson(lines)
    expect(r.json()).toMatchObject({ accepted: 3, rejected: [] })
    expect(await stored("edge")).toBe(3)
  })

  it("should PostgreSQL still refuse a value the contract let through, only that line is lost (the batch is halved in savepoints)", async () => {
    // A stand-in for a refusal no check foresaw: a trigger that raises a data exception (SQLSTATE 22023) for one campaign.
    await h.database.db.execute(
      sql.raw(`
      CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF NEW.campaign = 'refused by the database' THEN RAISE EXCEPTION 'invalid parameter value' USING ERRCODE = '22023'; END IF;
        RETURN NEW; END $$`),
    )
    await h.database.db.execute(sql.raw("CREATE TRIGGER test_refuse BEFORE INSERT ON marketing_events FOR EACH ROW EXECUTE FUNCTION test_refuse()"))
    try {
      const lines = Array.from({ length: 1000 }, (_, i) => JSON.stringify(good("db-refused", i)))
      for (const i of [3, 500, 998]) lines[i] = JSON.stringify({ ...good("db-refused", i), campaign: "refused by the database" })
      // A contact whose first touch moves in both halves: the earlier move wins, though the later half saw only its own.
      const touched = "moved.twice@hostile.example"
      await ndjson([JSON.stringify(event(touched, "email_open", daysAgo(30), "mt-0", { source: "db-refused", campaign: "Stored" }))])
      lines[10] = JSON.stringify(event(touched, "email_open", daysAgo(95), "db-refused-10", { source: "db-refused", campaign: "Earliest" }))
      lines[900] = JSON.stringify(event(touched, "email_open", daysAgo(90), "db-refused-900", { source: "db-refused", campaign: "Early" }))
      const r = await ndjson(lines)
      expect(r.statusCode, r.body).toBe(200)
      expect(r.json()).toMatchObject({
        accepted: 997,
        rejected: [4, 501, 999].map((line) => ({ line, reason: expect.stringMatching(/^the database cannot store this event: /) })),
      })
      expect(await stored("db-refused")).toBe(998)
      const [touch] = await rows<{ campaign: string }>(
        h.database.db,
        sql`SELECT c.campaign FROM contacts c JOIN contact_emails e ON e.org_id = c.org_id AND e.contact_id = c.id WHERE e.email = ${touched}`,
      )
      expect(touch).toEqual({ campaign: "Earliest" })
    } finally {
      await h.database.db.execute(sql.raw("DROP TRIGGER test_refuse ON marketing_events"))
      await h.database.db.execute(sql.raw("DROP FUNCTION test_refuse()"))
    }
  })
})

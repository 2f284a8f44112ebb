import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rows, sql, type Executor } from "../../src/server/db/client"
import { Conflict } from "../../src/server/errors"
import { decide, importReason, importStages, markMqls, mqlReason } from "../../src/server/lifecycle/service"
import { auth, backends, event, harness, type Harness } from "./harness"

interface ChangeRow {
  contactId: string
  from: string | null
  to: string
  at: string | Date
  userId: string | null
  reason: string | null
  score: number | null
}

describe.each(backends)("the lifecycle on %s", (kind) => {
  let h: Harness
  let org: string
  beforeAll(async () => {
    h = await harness(kind)
    org = h.acme.id
  })
  afterAll(async () => {
    await h?.close()
  })

  const contact = async (stage: string, mqlAt: Date | null = null) => {
    const id = randomUUID()
    await h.database.db.execute(sql`INSERT INTO contacts (org_id, id, first_name, stage, stage_changed_at, mql_at)
      VALUES (${org}, ${id}, 'Test', ${stage}, now() - interval '10 days', ${mqlAt?.toISOString() ?? null})`)
    return id
  }
  const state = async (id: string) =>
    (
      await rows<{ stage: string; stageChangedAt: string | Date; mqlAt: string | Date | null }>(
        h.database.db,
        sql`SELECT stage, stage_changed_at AS "stageChangedAt", mql_at AS "mqlAt" FROM contacts WHERE org_id = ${org} AND id = ${id}`,
      )
    )[0]!
  const changes = (ids: string[]) =>
    rows<ChangeRow>(
      h.database.db,
      sql`SELECT contact_id AS "contactId", from_stage AS "from", to_stage AS "to", at, user_id AS "userId", reason, score
        FROM stage_changes WHERE org_id = ${org} AND contact_id = ANY(${`{${ids.join(",")}}`}::uuid[]) ORDER BY id`,
    )
  /** The transaction, counting the statements run through it. */
  const counted = async <T>(fn: (tx: Executor) => Promise<T>) =>
    h.database.db.transaction(async (tx) => {
      let statements = 0
      const ex: Executor = {
        execute: (q) => {
          statements++
          return tx.execute(q)
        },
      }
      const result = await fn(ex)
      return { result, statements }
    })
  const at = new Date("2026-03-02T10:00:00.000Z")
  const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString())

  describe("sales' decision on an MQL", () => {
    it("accept makes it sql and records who decided, why and the score", async () => {
      const id = await contact("mql", new Date("2026-03-01T09:00:00Z"))
      const to = await h.database.db.transaction((tx) =>
        decide(tx, org, { contactId: id, from: "mql", decision: "accept", userId: h.acme.userIds.rep, reason: "strong fit", score: 72 }, at),
      )
      expect(to).toBe("sql")
      const s = await state(id)
      expect(s.stage).toBe("sql")
      expect(iso(s.stageChangedAt)).toBe(at.toISOString())
      // The follow-up clock started at the crossing; the decision does not move it.
      expect(iso(s.mqlAt)).toBe("2026-03-01T09:00:00.000Z")
      expect((await changes([id])).map((c) => ({ ...c, at: iso(c.at) }))).toEqual([
        { contactId: id, from: "mql", to: "sql", at: at.toISOString(), userId: h.acme.userIds.rep, reason: "strong fit", score: 72 },
      ])
    })

    it("reject recycles it to marketing with the reason", async () => {
      const id = await contact("mql", new Date("2026-03-01T09:00:00Z"))
      const to = await h.database.db.transaction((tx) =>
        decide(tx, org, { contactId: id, from: "mql", decision: "reject", userId: h.acme.userIds.rep, reason: "no_budget", score: 64 }, at),
      )
      expect(to).toBe("recycled")
      expect((await state(id)).stage).toBe("recycled")
      expect(await changes([id])).toMatchObject([{ from: "mql", to: "recycled", userId: h.acme.userIds.rep, reason: "no_budget", score: 64 }])
    })

    it.each(["lead", "sql", "recycled", "customer"])("is refused for a contact in %s, and nothing is written", async (stage) => {
      const id = await contact(stage)
      await expect(
        h.database.db.transaction((tx) =>
          decide(tx, org, { contactId: id, from: stage, decision: "accept", userId: h.acme.userIds.rep, reason: null, score: 50 }, at),
        ),
      ).rejects.toThrow(new Conflict(`only an MQL can be accepted or rejected; this contact is ${stage}`))
      expect((await state(id)).stage).toBe(stage)
      expect(await changes([id])).toEqual([])
    })

    it("is refused when the contact left MQL meanwhile, and nothing is recorded", async () => {
      const id = await contact("sql")
      await expect(
        h.database.db.transaction((tx) =>
          decide(tx, org, { contactId: id, from: "mql", decision: "reject", userId: h.acme.userIds.rep, reason: "other", score: 50 }, at),
        ),
      ).rejects.toBeInstanceOf(Conflict)
      expect((await state(id)).stage).toBe("sql")
      expect(await changes([id])).toEqual([])
    })
  })

  describe("the MQL crossing", () => {
    it("marks exactly the contacts that crossed, with their scores, in one UPDATE and one INSERT", async () => {
      const lead = await contact("lead")
      const subscriber = await contact("subscriber")
      const recycled = await contact("recycled", new Date("2026-01-05T00:00:00Z"))
      const stayedUnder = await contact("lead")
      const wasOver = await contact("lead")
      const sales = await contact("sql")
      const customer = await contact("customer")
      const already = await contact("mql", new Date("2026-02-01T00:00:00Z"))
      const scored = [
        { contactId: lead, stage: "lead", before: 40, after: 61 },
        { contactId: subscriber, stage: "subscriber", before: 0, after: 60 },
        { contactId: recycled, stage: "recycled", before: 59, after: 90 },
        { contactId: stayedUnder, stage: "lead", before: 20, after: 59 },
        { contactId: wasOver, stage: "lead", before: 60, after: 75 },
        { contactId: sales, stage: "sql", before: 10, after: 80 },
        { contactId: customer, stage: "customer", before: 10, after: 80 },
        { contactId: already, stage: "mql", before: 10, after: 80 },
      ]
      const { result, statements } = await counted((tx) => markMqls(tx, org, scored, 60, at))
      expect(result.sort()).toEqual([lead, subscriber, recycled].sort())
      expect(statements).toBe(2)
      const all = scored.map((s) => s.contactId)
      expect((await changes(all)).map((c) => ({ ...c, at: iso(c.at) }))).toEqual([
        { contactId: lead, from: "lead", to: "mql", at: at.toISOString(), userId: null, reason: mqlReason, score: 61 },
        { contactId: subscriber, from: "subscriber", to: "mql", at: at.toISOString(), userId: null, reason: mqlReason, score: 60 },
        { contactId: recycled, from: "recycled", to: "mql", at: at.toISOString(), userId: null, reason: mqlReason, score: 90 },
      ])
      for (const id of [lead, subscriber, recycled]) {
        const s = await state(id)
        expect(s.stage).toBe("mql")
        // The follow-up clock starts again at every crossing.
        expect(iso(s.mqlAt)).toBe(at.toISOString())
        expect(iso(s.stageChangedAt)).toBe(at.toISOString())
      }
      for (const [id, stage] of [
        [stayedUnder, "lead"],
        [wasOver, "lead"],
        [sales, "sql"],
        [customer, "customer"],
        [already, "mql"],
      ] as const) {
        expect((await state(id)).stage).toBe(stage)
      }
      expect(iso((await state(already)).mqlAt)).toBe("2026-02-01T00:00:00.000Z")
    })

    it("with nobody crossing, runs no statement", async () => {
      const id = await contact("lead")
      const { result, statements } = await counted((tx) => markMqls(tx, org, [{ contactId: id, stage: "lead", before: 10, after: 20 }], 60, at))
      expect(result).toEqual([])
      expect(statements).toBe(0)
    })

    it("leaves a contact whose stage changed meanwhile, and records nothing for it", async () => {
      const moved = await contact("customer")
      const lead = await contact("lead")
      const { result } = await counted((tx) =>
        markMqls(
          tx,
          org,
          [
            { contactId: moved, stage: "lead", before: 10, after: 70 },
            { contactId: lead, stage: "lead", before: 10, after: 70 },
          ],
          60,
          at,
        ),
      )
      expect(result).toEqual([lead])
      expect((await state(moved)).stage).toBe("customer")
      expect(await changes([moved])).toEqual([])
    })

    it("ingest marks a batch's crossings once each, with the score each crossed at", async () => {
      const hot = ["ana.hot@kite.example", "ben.hot@kite.example"]
      const events = [
        ...hot.flatMap((email, n) =>
          Array.from({ length: 4 }, (_, i) =>
            event(email, "webinar_attended", new Date(Date.now() - (i + 1) * 86_400_000), `hot-${n}-${i}`, {
              contact: { title: "VP Marketing", industry: "software", companySize: 500 },
            }),
          ),
        ),
        event("cy.cold@kite.example", "email_open", new Date(Date.now() - 3_600_000), "cold-1"),
      ]
      const r = await h.app.inject({ method: "POST", url: "/api/v1/events", headers: auth(h.acme.tokens.marketer), payload: events })
      expect(r.statusCode).toBe(200)
      expect(r.json().newMqls).toBe(2)
      const people = await rows<{ id: string; email: string; stage: string }>(
        h.database.db,
        sql`SELECT c.id, e.email, c.stage FROM contacts c JOIN contact_emails e ON e.org_id = c.org_id AND e.contact_id = c.id
          WHERE c.org_id = ${org} AND e.email LIKE '%@kite.example' ORDER BY e.email`,
      )
      expect(people.map((p) => [p.email, p.stage])).toEqual([
        ["ana.hot@kite.example", "mql"],
        ["ben.hot@kite.example", "mql"],
        ["cy.cold@kite.example", "lead"],
      ])
      const recorded = await changes(people.map((p) => p.id))
      expect(recorded).toHaveLength(2)
      for (const p of people.slice(0, 2)) {
        const score = (await h.app.inject({ url: `/api/v1/contacts/${p.id}`, headers: auth(h.acme.tokens.rep) })).json().score.total
        expect(recorded.find((c) => c.contactId === p.id)).toMatchObject({ from: "lead", to: "mql", userId: null, reason: mqlReason })
        // The score at the crossing, which is the score now give or take the decay since (seconds).
        expect(Math.abs(recorded.find((c) => c.contactId === p.id)!.score! - score)).toBeLessThanOrEqual(1)
        expect(recorded.find((c) => c.contactId === p.id)!.score!).toBeGreaterThanOrEqual(60)
      }
    })
  })

  describe("a contact import", () => {
    it("sets any stage the CSV carries, records each change with the score, and skips rows that change nothing", async () => {
      const lead = await contact("lead")
      const mql = await contact("mql", new Date("2026-02-01T00:00:00Z"))
      const customer = await contact("customer")
      const twice = await contact("lead")
      const { result, statements } = await counted((tx) =>
        importStages(
          tx,
          org,
          [
            { contactId: lead, from: "lead", to: "mql", score: 41 },
            { contactId: mql, from: "mql", to: "customer", score: 55 },
            { contactId: customer, from: "customer", to: "customer", score: 12 },
            { contactId: twice, from: "lead", to: "sql", score: 30 },
            { contactId: twice, from: "lead", to: "opportunity", score: 30 },
          ],
          at,
        ),
      )
      expect(statements).toBe(2)
      expect(result.map((c) => c.contactId)).toEqual([lead, mql, twice])
      expect((await changes([lead, mql, customer, twice])).map((c) => ({ ...c, at: iso(c.at) }))).toEqual([
        { contactId: lead, from: "lead", to: "mql", at: at.toISOString(), userId: null, reason: importReason, score: 41 },
        { contactId: mql, from: "mql", to: "customer", at: at.toISOString(), userId: null, reason: importReason, score: 55 },
        // The later row of the same contact is the CSV's last word.
        { contactId: twice, from: "lead", to: "opportunity", at: at.toISOString(), userId: null, reason: importReason, score: 30 },
      ])
      expect(await state(lead)).toMatchObject({ stage: "mql" })
      expect(iso((await state(lead)).mqlAt)).toBe(at.toISOString())
      expect(iso((await state(mql)).mqlAt)).toBe("2026-02-01T00:00:00.000Z")
      expect((await state(customer)).stage).toBe("customer")
      expect(iso((await state(customer)).stageChangedAt)).not.toBe(at.toISOString())
      expect((await state(twice)).stage).toBe("opportunity")
    })
  })
})

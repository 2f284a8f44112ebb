import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { importCsv } from "../../src/server/cli/csv"
import { importContacts } from "../../src/server/contacts/import"
import { rows, sql } from "../../src/server/db/client"
import { ContactCsvRow } from "../../src/shared/contracts/imports"
import { auth, backends, harness, type Harness } from "./harness"

describe.each(backends)("CSV contact import on %s", (kind) => {
  let h: Harness
  beforeAll(async () => {
    h = await harness(kind)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("imports good rows, upserts by email, and reports bad rows by line", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "relay-csv-")), "contacts.csv")
    writeFileSync(
      file,
      [
        "Email,First_Name,Last_Name,Title,Company,Industry,Company_Size,LinkedIn,Stage,Owner_Email",
        "ada.north@kestrel.example,Ada,North,VP Sales,Kestrel Labs,Software,400,https://www.linkedin.com/in/ada-north/,mql,rep@acme.example",
        "bad-email,X,Y,,,,,,,",
        '"cy.west@kestrel.example","Cy, Jr.",West,,Kestrel Labs,,lots,,,',
        "di.east@kestrel.example,Di,East,,Kestrel Labs,,,,lead,nobody@acme.example",
        "ADA.NORTH@kestrel.example,,,,,,,,,",
      ].join("\n"),
    )
    const r = await importCsv(file, ContactCsvRow, 2, (batch) => importContacts(h.database.db, h.acme.id, batch))
    expect(r.total).toBe(5)
    expect(r.imported).toBe(2)
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 5])
    const ctx = (await h.app.inject({ url: "/api/v1/contacts/lookup?linkedin=ada-north", headers: auth(h.acme.tokens.rep) })).json()
    expect(ctx.contact).toMatchObject({ name: "Ada North", title: "VP Sales", industry: "software", stage: "mql", owner: { email: "rep@acme.example" } })
    expect(ctx.score.fit).toBe(37) // software 15 + VP 12 + size 10
    expect(ctx.sla.state).toBe("pending")
  })

  it("records each stage the import sets in the stage history, with the score, and nothing for a stage left as it is", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "relay-csv-")), "stages.csv")
    const write = (lines: string[]) => writeFileSync(file, ["Email,First_Name,Title,Industry,Company_Size,Stage", ...lines].join("\n"))
    const history = async (email: string) =>
      rows<{ from: string | null; to: string; userId: string | null; reason: string | null; score: number | null }>(
        h.database.db,
        sql`SELECT s.from_stage AS "from", s.to_stage AS "to", s.user_id AS "userId", s.reason, s.score FROM stage_changes s
          JOIN contact_emails e ON e.org_id = s.org_id AND e.contact_id = s.contact_id WHERE s.org_id = ${h.acme.id} AND e.email = ${email} ORDER BY s.id`,
      )
    write(["gus.pike@larch.example,Gus,VP Sales,software,400,mql", "hal.reed@larch.example,Hal,,,,lead", "ivy.moss@larch.example,Ivy,,,,customer"])
    const run = () => importCsv(file, ContactCsvRow, 10, (batch) => importContacts(h.database.db, h.acme.id, batch))
    expect((await run()).imported).toBe(3)
    // A new contact starts as a lead: naming that stage changes nothing.
    expect(await history("hal.reed@larch.example")).toEqual([])
    // The score at the import is its fit (no engagement yet): software 15 + VP 12 + size 10.
    expect(await history("gus.pike@larch.example")).toEqual([{ from: "lead", to: "mql", userId: null, reason: "contact import", score: 37 }])
    expect(await history("ivy.moss@larch.example")).toEqual([{ from: "lead", to: "customer", userId: null, reason: "contact import", score: 0 }])

    write(["gus.pike@larch.example,Gus,VP Sales,software,400,sql", "ivy.moss@larch.example,Ivy,,,,customer"])
    await run()
    expect((await history("gus.pike@larch.example")).map((c) => [c.from, c.to])).toEqual([
      ["lead", "mql"],
      ["mql", "sql"],
    ])
    expect(await history("ivy.moss@larch.example")).toHaveLength(1)
    const ctx = (await h.app.inject({ url: "/api/v1/contacts/lookup?email=gus.pike@larch.example", headers: auth(h.acme.tokens.rep) })).json()
    expect(ctx.contact.stage).toBe("sql")
  })
})

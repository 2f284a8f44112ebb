import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { importCsv } from "../../src/server/cli/csv"
import { importContacts } from "../../src/server/contacts/import"
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
})

import { describe, expect, it } from "vitest"
import { detect } from "../../../src/sites/outlook/detect"
import { garbagePages, JSDOM, load } from "./load"

const BASE = "https://outlook.office.com/mail/"
const ITEM = `${BASE}inbox/id/AAQkADk2ZjQ1NzA3LWRkMDUtNDFkYi1iOGM1LTc3ZTFhNzYxNjA0ZQAQAFbqLwVtz1xJp0r3`
const emails = (ctx: { people: { email?: string }[] }) => ctx.people.map((p) => p.email)

describe("outlook detect", () => {
  it("inbox list with nothing selected: list view, nobody", () => {
    const { document, url } = load("outlook", "inbox-list.html", `${BASE}inbox`)
    expect(detect(document, url)).toEqual({ site: "outlook", view: "list", people: [] })
  })

  it("reading pane: sender, To and Cc from the header; not the viewer, not body addresses", () => {
    const { document, url } = load("outlook", "reading-pane.html", ITEM)
    const ctx = detect(document, url)
    expect(ctx.view).toBe("thread")
    expect(ctx.subject).toBe("Pilot results from the Rotterdam depot")
    expect(ctx.people).toEqual([
      { email: "tobias.wrenfield@northpeak.example", name: "Tobias Wrenfield", role: "from" },
      { email: "dario.faulkner@tessellate.example", name: "Dario Faulkner", role: "to" },
      { email: "marisol.quintero@brightlane.example", name: "Marisol Quintero", role: "cc" },
    ])
    expect(emails(ctx)).not.toContain("riley.park@acme-analytics.example")
    expect(emails(ctx)).not.toContain("depot-ops@northpeak.example")
    expect(emails(ctx)).not.toContain("ops-desk@northpeak.example")
    expect(ctx.snippet).toMatch(/^Hi Riley, Attaching the numbers/)
  })

  it("German interface (Von:/An:/Cc:), viewer known only from the folder pane and account button", () => {
    const { document, url } = load("outlook", "reading-pane-de.html", ITEM)
    const ctx = detect(document, url)
    expect(ctx).toMatchObject({ view: "thread", subject: "Rückfrage zum Rahmenvertrag 2027" })
    expect(ctx.people).toEqual([
      { email: "wiebke.sandhoff@kranwerk-nord.example", name: "Wiebke Sandhoff", role: "from" },
      { email: "falk.overbeck@kranwerk-nord.example", name: "Falk Overbeck", role: "cc" },
    ])
  })

  it("compose: To and Cc wells, viewer left out", () => {
    const { document, url } = load("outlook", "compose.html", `${BASE}deeplink/compose`)
    const ctx = detect(document, url)
    expect(ctx).toMatchObject({ site: "outlook", view: "compose", subject: "Re: Security questionnaire (v3) attached" })
    expect(ctx.people).toEqual([
      { email: "dario.faulkner@tessellate.example", name: "Dario Faulkner", role: "to" },
      { email: "marisol.quintero@brightlane.example", name: "Marisol Quintero", role: "cc" },
    ])
    expect(emails(ctx)).not.toContain("security@acme-analytics.example")
    expect(ctx.snippet).toContain("SOC 2 letter")
  })

  it("empty compose: compose view, nobody", () => {
    const { document, url } = load("outlook", "compose-empty.html", `${BASE}deeplink/compose`)
    expect(detect(document, url)).toEqual({ site: "outlook", view: "compose", people: [] })
  })

  it("never throws and finds nobody on garbage pages", () => {
    for (const html of garbagePages) {
      const document = new JSDOM(html, { url: BASE }).window.document
      const ctx = detect(document, new URL(ITEM))
      expect(ctx.site).toBe("outlook")
      expect(ctx.people).toEqual([])
    }
    expect(detect(null as unknown as Document, new URL(BASE))).toMatchObject({ site: "outlook", people: [] })
  })
})

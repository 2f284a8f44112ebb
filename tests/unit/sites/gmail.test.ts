import { describe, expect, it } from "vitest"
import { detect, hashHint } from "../../../src/sites/gmail/detect"
import { garbagePages, JSDOM, load } from "./load"

const BASE = "https://mail.google.com/mail/u/0/"
const VIEWER = "riley.park@acme-analytics.example"
const emails = (ctx: { people: { email?: string }[] }) => ctx.people.map((p) => p.email)

describe("gmail detect", () => {
  it("inbox list with no thread open: list view, nobody", () => {
    const { document, url } = load("gmail", "inbox-list.html", `${BASE}#inbox`)
    expect(detect(document, url)).toEqual({ site: "gmail", view: "list", people: [] })
  })

  it("open thread: senders and recipients from headers, never the viewer or body addresses", () => {
    const { document, url } = load("gmail", "thread.html", `${BASE}#inbox/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd`)
    const ctx = detect(document, url)
    expect(ctx.view).toBe("thread")
    expect(ctx.subject).toBe("Renewal scope for Q1 — dashboards and forecasting")
    expect(ctx.people).toEqual([
      { email: "marisol.quintero@brightlane.example", name: "Marisol Quintero", role: "from" },
      // Hollis sent a (collapsed) earlier message and is cc'd on the open one: the sender role wins.
      { email: "hollis.brandt@brightlane.example", name: "Hollis Brandt", role: "from" },
      { email: "tobias.wrenfield@northpeak.example", name: "Tobias Wrenfield", role: "to" },
    ])
    expect(emails(ctx)).not.toContain(VIEWER)
    expect(emails(ctx)).not.toContain("accounts.payable@brightlane.example")
    expect(emails(ctx)).not.toContain("procurement@brightlane.example")
    expect(ctx.snippet).toMatch(/^Hi Riley, Thanks for the walkthrough on Tuesday\./)
    expect(ctx.snippet!.length).toBeLessThanOrEqual(301)
  })

  it("German interface: roles from the An:/Cc: details rows, 'ich' is the viewer", () => {
    const { document, url } = load("gmail", "thread-de.html", `${BASE}#inbox/FMfcgzQbfKwErTyUiOpAsDfGhJkLzXcV`)
    const ctx = detect(document, url)
    expect(ctx).toMatchObject({ view: "thread", subject: "Angebot Datenplattform – Rückfragen zur Lizenz" })
    expect(ctx.people).toEqual([
      { email: "k.vogelsang@haberfeld-logistik.example", name: "Kerstin Vogelsang", role: "from" },
      { email: "jonas.immerath@haberfeld-logistik.example", name: "Jonas Immerath", role: "cc" },
    ])
  })

  it("compose with current chips: To and Cc, lower-cased and de-duplicated, viewer left out", () => {
    const { document, url } = load("gmail", "compose.html", `${BASE}#inbox?compose=new`)
    const ctx = detect(document, url)
    expect(ctx.view).toBe("compose")
    expect(ctx.subject).toBe("Follow-up: attribution workshop")
    expect(ctx.people).toEqual([
      { email: "anneke.solberg@corvidhealth.example", name: "Anneke Solberg", role: "to" },
      { email: "dario.faulkner@tessellate.example", name: "Dario Faulkner", role: "cc" },
    ])
    expect(ctx.snippet).toContain("Great speaking today")
  })

  it("compose is recognised from the DOM even when the URL has no compose parameter", () => {
    const { document, url } = load("gmail", "compose.html", `${BASE}#inbox`)
    expect(detect(document, url).view).toBe("compose")
  })

  it("empty compose: compose view, nobody", () => {
    const { document, url } = load("gmail", "compose-empty.html", `${BASE}#inbox?compose=new`)
    expect(detect(document, url)).toEqual({ site: "gmail", view: "compose", people: [] })
  })

  it("inline reply with legacy chips (span[email] in .vR, hidden inputs)", () => {
    const { document, url } = load("gmail", "inline-reply-legacy.html", `${BASE}#inbox/FMfcgzQbfLmwPQRsTvWxKjHgFdSaZcMn`)
    const ctx = detect(document, url)
    expect(ctx.view).toBe("compose")
    expect(ctx.subject).toBe("Re: Pilot results from the Rotterdam depot")
    expect(ctx.people).toEqual([
      { email: "tobias.wrenfield@northpeak.example", name: "Tobias Wrenfield", role: "to" },
      { email: "anneke.solberg@corvidhealth.example", name: "Anneke Solberg", role: "cc" },
    ])
  })

  it("a thread view hidden behind the list (Gmail keeps it in the DOM) is not reported", () => {
    const { document, url } = load("gmail", "thread.html", `${BASE}#inbox`)
    expect(detect(document, url)).toEqual({ site: "gmail", view: "list", people: [] })
  })

  it("reads the view from the hash on real and demo URLs", () => {
    expect(hashHint(new URL(`${BASE}#inbox/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd`))).toEqual({ path: "thread", compose: false })
    expect(hashHint(new URL("http://localhost:8787/demo/gmail#label/Clients/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd?compose=new"))).toEqual({
      path: "thread",
      compose: true,
    })
    expect(hashHint(new URL("http://localhost:8787/demo/gmail#inbox"))).toEqual({ path: "list", compose: false })
    expect(hashHint(new URL(`${BASE}#settings/general`))).toEqual({ path: "other", compose: false })
    expect(hashHint(new URL(BASE))).toEqual({ compose: false })
  })

  it("never throws and finds nobody on garbage pages", () => {
    for (const html of garbagePages) {
      const document = new JSDOM(html, { url: BASE }).window.document
      for (const hash of ["", "#inbox", "#inbox/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd", "#inbox?compose=new"]) {
        const ctx = detect(document, new URL(BASE + hash))
        expect(ctx.site).toBe("gmail")
        expect(ctx.people).toEqual([])
      }
    }
    expect(detect({} as Document, new URL(BASE))).toEqual({ site: "gmail", view: "other", people: [] })
  })
})

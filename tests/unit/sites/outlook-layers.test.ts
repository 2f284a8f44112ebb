// Layered detection on Outlook on the web: the reading pane's structure, then structure-free signals,
// then a bare display name. Every case says which strategy answered.
import { describe, expect, it } from "vitest"
import { detect } from "../../../src/sites/outlook/detect"
import { JSDOM, load } from "./load"

const BASE = "https://outlook.office.com/mail/"
const ITEM = `${BASE}inbox/id/AAQkADk2ZjQ1NzA3LWRkMDUtNDFkYi1iOGM1LTc3ZTFhNzYxNjA0ZQAQAFbqLwVtz1xJp0r3`
const page = (html: string, url = ITEM) => ({ document: new JSDOM(html, { url }).window.document, url: new URL(url) })
const emails = (ctx: { people: { email?: string }[] }) => ctx.people.map((p) => p.email)

describe("outlook layered detection", () => {
  it("structure: today's reading pane answers first and says so", () => {
    const { document, url } = load("outlook", "reading-pane.html", ITEM)
    expect(detect(document, url)).toMatchObject({ view: "thread", strategy: "structure" })
    const compose = load("outlook", "compose.html", `${BASE}deeplink/compose`)
    expect(detect(compose.document, compose.url)).toMatchObject({ view: "compose", strategy: "structure" })
  })

  it("signals: a German reading pane without the containers Relay anchors on (Von: / An: / Cc:)", () => {
    const { document, url } = load("outlook", "reading-pane-de-unanchored.html", ITEM)
    const ctx = detect(document, url)
    expect(ctx).toMatchObject({ view: "thread", strategy: "signals", subject: "Lieferplan Q1" })
    expect(ctx.people).toEqual([
      { email: "o.kleibrink@weserstahl.example", name: "Ortrun Kleibrink", role: "from" },
      { email: "jannis.woehrle@weserstahl.example", name: "Jannis Wöhrle", role: "to" },
      { email: "merle.hinrichsen@weserstahl.example", name: "Merle Hinrichsen", role: "cc" },
    ])
    expect(ctx.snippet).toMatch(/^Hallo Riley, anbei der Lieferplan/)
    // Not the viewer, not body addresses, not the other conversation in the message list.
    for (const other of ["riley.park@acme-analytics.example", "disposition@weserstahl.example", "lager@weserstahl.example", "bodo.twele@messe-nord.example"]) {
      expect(emails(ctx)).not.toContain(other)
    }
  })

  it("signals: a recent build's sender (aria-label From: + <address> text) and persona-button recipients", () => {
    const { document, url } = load("outlook", "reading-pane-recent.html", ITEM)
    const ctx = detect(document, url)
    expect(ctx).toMatchObject({ view: "thread", strategy: "signals", subject: "Berth scheduling pilot — scope" })
    expect(ctx.people).toEqual([
      { email: "elodie.brannigan@harbourline.example", name: "Elodie Brannigan", role: "from" },
      { email: "dmitri.halvorsen@harbourline.example", name: "Dmitri Halvorsen", role: "to" },
      { email: "quay-ops@harbourline.example", name: "Quay Operations", role: "cc" },
    ])
    expect(emails(ctx)).not.toContain("it-security@harbourline.example")
  })

  it("signals: a message header alone, as a fragment", () => {
    const { document, url } = page(
      '<div aria-label="De : Lison Perrault &lt;lison.perrault@atelier-brume.example&gt;"><span>Lison Perrault</span></div>' +
        '<div aria-label="À : Riley Park; Yanis Oubaha"><span>À :</span> <span title="yanis.oubaha@atelier-brume.example">Yanis Oubaha</span></div>',
    )
    expect(detect(document, url)).toEqual({
      site: "outlook",
      view: "thread",
      strategy: "signals",
      people: [
        { email: "lison.perrault@atelier-brume.example", name: "Lison Perrault", role: "from" },
        { email: "yanis.oubaha@atelier-brume.example", name: "Yanis Oubaha", role: "to" },
      ],
    })
  })

  it("name: collapsed cards carrying only the sender's display name; the viewer's own card is left out", () => {
    const { document, url } = load("outlook", "reading-pane-collapsed-card.html", ITEM)
    expect(detect(document, url)).toEqual({
      site: "outlook",
      view: "thread",
      subject: "Renewal — seat count",
      strategy: "name",
      people: [{ name: "Thea Lindqvist", role: "from" }],
    })
  })

  it("name: a sender line that names someone without an address", () => {
    const { document, url } = page('<div role="main"><div aria-label="Von: Gesa Thormählen"><span>Gesa Thormählen</span></div></div>')
    expect(detect(document, url)).toEqual({ site: "outlook", view: "thread", strategy: "name", people: [{ name: "Gesa Thormählen", role: "from" }] })
  })

  it("none: an open reading pane where no strategy finds anybody says so; a list page does not", () => {
    const { document, url } = page('<div data-app-section="ConversationContainer"><div role="heading" aria-level="2">Hello</div></div>')
    expect(detect(document, url)).toEqual({ site: "outlook", view: "thread", subject: "Hello", people: [], strategy: "none" })
    const list = load("outlook", "inbox-list.html", `${BASE}inbox`)
    expect(detect(list.document, list.url)).toEqual({ site: "outlook", view: "list", people: [] })
  })
})

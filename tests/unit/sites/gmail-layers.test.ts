// Layered detection on Gmail: today's structure, then structure-free signals, then a bare name.
// Each strategy has its own cases; every case says which strategy answered.
import { describe, expect, it } from "vitest"
import { detect } from "../../../src/sites/gmail/detect"
import { JSDOM, load } from "./load"

const BASE = "https://mail.google.com/mail/u/0/"
const THREAD = `${BASE}#inbox/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd`
const VIEWER = "riley.park@acme-analytics.example"
const page = (html: string, url = BASE) => ({ document: new JSDOM(html, { url }).window.document, url: new URL(url) })
const emails = (ctx: { people: { email?: string }[] }) => ctx.people.map((p) => p.email)

describe("gmail layered detection", () => {
  it("structure: today's thread markup answers first and says so", () => {
    const { document, url } = load("gmail", "thread.html", THREAD)
    expect(detect(document, url)).toMatchObject({ view: "thread", strategy: "structure" })
    const compose = load("gmail", "compose.html", `${BASE}#inbox?compose=new`)
    expect(detect(compose.document, compose.url)).toMatchObject({ view: "compose", strategy: "structure" })
  })

  it("signals: a message header without any thread container (renamed classes)", () => {
    const { document, url } = load("gmail", "message-header-unanchored.html", THREAD)
    const ctx = detect(document, url)
    expect(ctx).toMatchObject({ view: "thread", strategy: "signals", subject: "Warehouse sensors — second site" })
    expect(ctx.people).toEqual([
      { email: "oriel.vantongeren@kestrel-cold.example", name: "Oriel Van Tongeren", role: "from" },
      { email: "saskia.merrow@kestrel-cold.example", name: "Saskia Merrow", role: "to" },
      { email: "bram.holloway@kestrel-cold.example", name: "Bram Holloway", role: "cc" },
    ])
    // Not the viewer ("me"), not addresses in the body or the quote, not the chat roster in the nav.
    for (const other of [VIEWER, "ap@kestrel-cold.example", "facilities@kestrel-cold.example", "pell.aubrey@larkspur-freight.example"]) {
      expect(emails(ctx)).not.toContain(other)
    }
  })

  it("signals: collapsed messages in the French interface, roles from « à » and « Cc : »", () => {
    const { document, url } = load("gmail", "thread-collapsed-fr.html", THREAD)
    const ctx = detect(document, url)
    expect(ctx).toMatchObject({ view: "thread", strategy: "signals", subject: "Reprise des données 2026" })
    expect(ctx.people).toEqual([
      { email: "apolline.serrat@vignoble-morel.example", name: "Apolline Serrat", role: "from" },
      // Gaspard sent a collapsed message and is on « à » of the last one: the sender role wins.
      { email: "gaspard.lheureux@vignoble-morel.example", name: "Gaspard Lheureux", role: "from" },
      { email: "dsi@vignoble-morel.example", name: "Noémie Castagnet", role: "cc" },
    ])
    expect(emails(ctx)).not.toContain(VIEWER)
    expect(emails(ctx)).not.toContain("compta@vignoble-morel.example")
  })

  it("signals: the older compose window's chips and hidden inputs when no compose body selector matches", () => {
    for (const hash of ["#inbox?compose=new", "#inbox"]) {
      const { document, url } = load("gmail", "compose-legacy-fields.html", BASE + hash)
      // Its body carries the legacy classes Insert already knew ("Am … editable"): since compose bodies are one list
      // (issue 11), the structure reads this compose, with the same people, and the body's text.
      expect(detect(document, url)).toMatchObject({ view: "compose", strategy: "structure", subject: "Wartungsvertrag Presse 4" })
      expect(detect(document, url).people).toEqual([
        { email: "henrike.aldenhoven@porta-maschinenbau.example", name: "Henrike Aldenhoven", role: "to" },
        { email: "c.oberheide@porta-maschinenbau.example", name: "Carsten Oberheide", role: "cc" },
      ])
      // The class this fixture stands for: a body no compose body selector matches (Gmail renamed its classes).
      for (const body of document.querySelectorAll("div.Am.editable")) body.className = "x9Qz"
      expect(detect(document, url)).toEqual({
        site: "gmail",
        view: "compose",
        subject: "Wartungsvertrag Presse 4",
        strategy: "signals",
        people: [
          { email: "henrike.aldenhoven@porta-maschinenbau.example", name: "Henrike Aldenhoven", role: "to" },
          { email: "c.oberheide@porta-maschinenbau.example", name: "Carsten Oberheide", role: "cc" },
        ],
      })
    }
  })

  it("signals: a message header alone, as a fragment without a hash", () => {
    const ctx = detect(
      ...(Object.values(
        page(
          '<h3><span email="ines.gradwohl@almtal-holz.example" name="Ines Gradwohl">Ines Gradwohl</span></h3>' +
            '<div><span>an <span email="riley.park@acme-analytics.example" name="mich">mich</span>, <span email="lutz.perkmann@almtal-holz.example" name="Lutz Perkmann">Lutz Perkmann</span></span></div>' +
            "<span>29. Nov. 2026, 14:02</span>",
        ),
      ) as [Document, URL]),
    )
    expect(ctx).toEqual({
      site: "gmail",
      view: "thread",
      strategy: "signals",
      people: [
        { email: "ines.gradwohl@almtal-holz.example", name: "Ines Gradwohl", role: "from" },
        { email: "lutz.perkmann@almtal-holz.example", name: "Lutz Perkmann", role: "to" },
      ],
    })
  })

  it("signals: a compose recipients row alone", () => {
    const { document, url } = page(
      '<div class="aoD"><span>Cc</span><div class="vR"><span email="m.toivonen@pohjola-data.example"><div class="vT">Mirja Toivonen</div></span>' +
        '<input type="hidden" name="cc" value="Mirja Toivonen &lt;m.toivonen@pohjola-data.example&gt;"></div></div>',
      `${BASE}#inbox`,
    )
    expect(detect(document, url)).toEqual({
      site: "gmail",
      view: "compose",
      strategy: "signals",
      people: [{ email: "m.toivonen@pohjola-data.example", name: "Mirja Toivonen", role: "cc" }],
    })
  })

  it("signals: a closed compose's leftover hidden inputs are nobody", () => {
    const { document, url } = page(
      '<div style="display: none"><form><input type="hidden" name="to" value="Old Draft &lt;old.draft@leftover.example&gt;"></form></div>',
      `${BASE}#inbox`,
    )
    expect(detect(document, url)).toEqual({ site: "gmail", view: "list", people: [] })
  })

  it("signals leave the conversation list alone: a list page never reports its senders", () => {
    const { document, url } = load("gmail", "compose-legacy-fields.html", `${BASE}#inbox`)
    expect(emails(detect(document, url))).not.toContain("newsletter@wetterdienst.example")
    const { document: list, url: listUrl } = load("gmail", "inbox-list.html", BASE)
    expect(detect(list, listUrl)).toEqual({ site: "gmail", view: "list", people: [] })
  })

  it("name: a sender span that shows only a display name is reported as a name to search for", () => {
    const { document, url } = page(
      '<div role="main"><h2>Quarterly review</h2><div role="listitem"><h3><span name="Odile Marchetti">Odile Marchetti</span></h3>' +
        '<span>to <span name="me">me</span></span><div class="a3s"><span name="Not A Person">quoted</span></div></div></div>',
      THREAD,
    )
    expect(detect(document, url)).toEqual({
      site: "gmail",
      view: "thread",
      strategy: "name",
      subject: "Quarterly review",
      snippet: "quoted", // the body is still read for content ranking; only its people are ignored
      people: [{ name: "Odile Marchetti", role: "from" }],
    })
  })

  it("none: a thread on screen where no strategy finds anybody says so", () => {
    const { document, url } = page('<div role="main"><h2 class="hP">Empty</h2><div class="a3s">write to a@b.example</div></div>', THREAD)
    expect(detect(document, url)).toEqual({ site: "gmail", view: "thread", subject: "Empty", snippet: "write to a@b.example", people: [], strategy: "none" })
  })
})

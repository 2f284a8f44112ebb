import { describe, expect, it } from "vitest"
import { render as renderGmail } from "../../../src/server/demo/gmail"
import { render as renderLinkedin } from "../../../src/server/demo/linkedin"
import { render as renderOutlook } from "../../../src/server/demo/outlook"
import { detect as detectGmail } from "../../../src/sites/gmail/detect"
import { detect as detectLinkedin } from "../../../src/sites/linkedin/detect"
import { detect as detectOutlook } from "../../../src/sites/outlook/detect"
import { JSDOM } from "./load"

const ORIGIN = "http://localhost:8787"
const VIEWER = "riley.park@acme-analytics.example"

function open(html: string, path: string) {
  const dom = new JSDOM(html, { url: ORIGIN + path, runScripts: "dangerously" })
  const document = dom.window.document
  const click = (selector: string) => {
    const el = document.querySelector(selector) as HTMLElement | null
    if (!el) throw new Error(`nothing matches ${selector}`)
    el.click()
  }
  return { window: dom.window, document, click, url: () => new URL(dom.window.location.href) }
}
const who = (ctx: { people: { email?: string; linkedin?: string; role: string }[] }) => ctx.people.map((p) => `${p.role}:${p.email ?? p.linkedin}`)

describe("demo pages are recognised by the real detectors", () => {
  it("gmail: inbox → Marisol's thread → Tobias's thread → compose to Anneke → back", () => {
    const page = open(renderGmail(), "/demo/gmail")
    expect(page.url().hash).toBe("#inbox")
    expect(detectGmail(page.document, page.url())).toEqual({ site: "gmail", view: "list", people: [] })
    expect(page.document.documentElement.outerHTML).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//)

    page.click('a[href="#inbox/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd"]')
    let ctx = detectGmail(page.document, page.url())
    expect(ctx).toMatchObject({ view: "thread", subject: "Renewal scope for Q1 — dashboards and forecasting" })
    expect(ctx.people).toEqual([{ email: "marisol.quintero@brightlane.example", name: "Marisol Quintero", role: "from" }])
    expect(ctx.snippet).toMatch(/^Hi Riley, Thanks for the walkthrough/)

    page.click('a[aria-label="Older"]')
    ctx = detectGmail(page.document, page.url())
    expect(page.url().hash).toBe("#inbox/FMfcgzQbfLmwPQRsTvWxKjHgFdSaZcMn")
    expect(who(ctx)).toEqual(["from:tobias.wrenfield@northpeak.example"])

    page.click("a.compose-btn")
    ctx = detectGmail(page.document, page.url())
    expect(ctx).toMatchObject({ view: "compose", subject: "Attribution workshop: next steps" })
    expect(ctx.people).toEqual([{ email: "anneke.solberg@corvidhealth.example", name: "Anneke Solberg", role: "to" }])
    expect(page.document.querySelector('div[contenteditable="true"][role="textbox"][aria-label="Message Body"]')).not.toBeNull()

    page.click("div.dw a.close")
    expect(detectGmail(page.document, page.url()).view).toBe("list")
    page.click("tr.zA[data-thread] td.yX")
    expect(who(detectGmail(page.document, page.url()))).toEqual(["from:marisol.quintero@brightlane.example"])
    expect(JSON.stringify(detectGmail(page.document, page.url()))).not.toContain(VIEWER)
  })

  it("gmail: a deep link to a thread renders it on load", () => {
    const page = open(renderGmail(), "/demo/gmail#inbox/FMfcgzQbfLmwPQRsTvWxKjHgFdSaZcMn")
    expect(who(detectGmail(page.document, page.url()))).toEqual(["from:tobias.wrenfield@northpeak.example"])
  })

  it("outlook: Tobias's message (Cc Marisol) → Dario's message → New mail", () => {
    const page = open(renderOutlook(), "/demo/outlook")
    let ctx = detectOutlook(page.document, page.url())
    expect(ctx).toMatchObject({ site: "outlook", view: "thread", subject: "Pilot results from the Rotterdam depot" })
    expect(who(ctx)).toEqual(["from:tobias.wrenfield@northpeak.example", "cc:marisol.quintero@brightlane.example"])

    page.click('a.row[data-convid^="AAQkADk2ZjQ1NzA3LWRkMDUtNDFkYi1iOGM1LTc3ZTFhNzYxNjA0ZQAQAKq9"]')
    ctx = detectOutlook(page.document, page.url())
    expect(ctx.people).toEqual([{ email: "dario.faulkner@tessellate.example", name: "Dario Faulkner", role: "from" }])

    page.click("a.newmail")
    ctx = detectOutlook(page.document, page.url())
    expect(ctx).toMatchObject({ view: "compose", subject: "Benchmarks for Corvid Health" })
    expect(who(ctx)).toEqual(["to:anneke.solberg@corvidhealth.example"])
    expect(page.document.querySelector('div[contenteditable="true"][aria-label="Message body"]')).not.toBeNull()

    page.click("a.discard")
    expect(detectOutlook(page.document, page.url())).toEqual({ site: "outlook", view: "list", people: [] })
  })

  it("linkedin: profile (not People also viewed, not the viewer) → messaging with Dario → profile via link", () => {
    const page = open(renderLinkedin(), "/demo/linkedin/in/marisol-quintero-revops")
    let ctx = detectLinkedin(page.document, page.url())
    expect(ctx.view).toBe("profile")
    expect(ctx.people).toEqual([
      {
        linkedin: "marisol-quintero-revops",
        name: "Marisol Quintero",
        headline: "VP Revenue Operations at Brightlane Finance",
        company: "Brightlane Finance",
        role: "profile",
      },
    ])
    expect(page.document.querySelector('a[href="/demo/linkedin/in/quentin-abernathy"]')).not.toBeNull()

    page.click('.global-nav a[href*="/messaging/thread/"]')
    expect(page.url().pathname).toMatch(/^\/demo\/linkedin\/messaging\/thread\//)
    ctx = detectLinkedin(page.document, page.url())
    expect(ctx).toMatchObject({ view: "messaging" })
    expect(ctx.people).toEqual([
      { linkedin: "dariofaulkner", name: "Dario Faulkner", headline: "Chief Technology Officer at Tessellate Software", role: "counterpart" },
    ])
    expect(page.document.querySelector('div.msg-form__contenteditable[contenteditable="true"][role="textbox"]')).not.toBeNull()

    page.click(".msg-title-bar a")
    ctx = detectLinkedin(page.document, page.url())
    expect(who(ctx)).toEqual(["profile:dariofaulkner"])
    expect(ctx.people[0].company).toBe("Tessellate Software")

    page.click('#browsemap_recommendation a[href$="/in/anneke-solberg-4b7a21"]')
    expect(who(detectLinkedin(page.document, page.url()))).toEqual(["profile:anneke-solberg-4b7a21"])
  })

  it("linkedin: the bare /demo/linkedin path lands on a profile; the viewer's own profile and the feed show nobody", () => {
    const page = open(renderLinkedin(), "/demo/linkedin")
    expect(page.url().pathname).toBe("/demo/linkedin/in/marisol-quintero-revops/")
    expect(who(detectLinkedin(page.document, page.url()))).toEqual(["profile:marisol-quintero-revops"])
    page.click(".global-nav__me a")
    expect(detectLinkedin(page.document, page.url())).toMatchObject({ view: "profile", people: [] })
    page.click(".global-nav a.logo")
    expect(detectLinkedin(page.document, page.url())).toEqual({ site: "linkedin", view: "other", people: [] })
  })
})

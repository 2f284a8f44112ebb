// The real-size demo pages (src/server/demo/heavy/, about 600 KB each, as the sites render today): the detectors
// find the person on screen and nobody else — never the viewer, "People also viewed", commenters, the chat
// roster or an address quoted in a message — and nobody on the feed and the inbox, also after the pages' own
// scripts have added their lazy parts.
import { afterEach, describe, expect, it } from "vitest"
import { HEAVY_GMAIL_THREAD, renderHeavyGmail } from "../../../src/server/demo/heavy/gmail"
import { renderHeavyLinkedin } from "../../../src/server/demo/heavy/linkedin"
import { HEAVY_OUTLOOK_ITEM, renderHeavyOutlook } from "../../../src/server/demo/heavy/outlook"
import { detect as detectGmail } from "../../../src/sites/gmail/detect"
import { detect as detectLinkedin } from "../../../src/sites/linkedin/detect"
import { detect as detectOutlook } from "../../../src/sites/outlook/detect"
import { JSDOM, type Dom } from "./load"

const ORIGIN = "http://localhost:8787"
const VIEWER = "riley.park@acme-analytics.example"
const PROFILE = "/demo/linkedin-heavy/in/marisol-quintero-revops/"
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let open: Dom[] = []
afterEach(() => {
  for (const dom of open) dom.window.close()
  open = []
})
function page(html: string, path: string) {
  const dom = new JSDOM(html, { url: ORIGIN + path, runScripts: "dangerously" })
  open.push(dom)
  return { document: dom.window.document, url: () => new URL(dom.window.location.href) }
}
const who = (ctx: { people: { email?: string; linkedin?: string; role: string }[] }) => ctx.people.map((p) => `${p.role}:${p.email ?? p.linkedin}`)

describe("real-size demo pages", () => {
  it("are about 600 KB each and the same on every render", () => {
    for (const html of [renderHeavyGmail(), renderHeavyOutlook(), renderHeavyLinkedin(PROFILE), renderHeavyLinkedin("/demo/linkedin-heavy/feed/")]) {
      expect(html.length).toBeGreaterThan(540_000)
      expect(html.length).toBeLessThan(700_000)
      expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|src="https?:/)
    }
    expect(renderHeavyLinkedin("/demo/linkedin-heavy/in/tobias-wrenfield/")).toContain("Tobias Wrenfield")
  })

  it("linkedin profile: the member only, not the viewer, People also viewed, People you may know or commenters", async () => {
    const p = page(renderHeavyLinkedin(PROFILE), PROFILE)
    const expected = [
      {
        linkedin: "marisol-quintero-revops",
        name: "Marisol Quintero",
        headline: "VP Revenue Operations at Brightlane Finance",
        company: "Brightlane Finance",
        role: "profile",
      },
    ]
    const first = detectLinkedin(p.document, p.url())
    expect(first).toMatchObject({ site: "linkedin", view: "profile", strategy: "structure", people: expected })
    // The page is full of other members' links, and the viewer's own.
    expect(p.document.querySelectorAll('#browsemap_recommendation a[href*="/in/"]').length).toBeGreaterThanOrEqual(10)
    expect(p.document.querySelector('.global-nav__me a[href$="/in/riley-park-acme/"]')).not.toBeNull()
    await sleep(450) // the lazy sections (activity, skills, People you may know) arrive
    expect(p.document.querySelector("#content_collections")).not.toBeNull()
    expect(p.document.querySelectorAll('a[href*="/in/"]').length).toBeGreaterThan(100)
    expect(detectLinkedin(p.document, p.url()).people).toEqual(expected)
  })

  it("linkedin feed: nobody, with dozens of members' links in posts, comments and suggestions", async () => {
    const p = page(renderHeavyLinkedin("/demo/linkedin-heavy/feed/"), "/demo/linkedin-heavy/feed/")
    expect(detectLinkedin(p.document, p.url())).toEqual({ site: "linkedin", view: "other", people: [] })
    await sleep(450)
    expect(p.document.querySelectorAll('a[href*="/in/"]').length).toBeGreaterThan(100)
    expect(detectLinkedin(p.document, p.url())).toEqual({ site: "linkedin", view: "other", people: [] })
  })

  it("gmail inbox: a list, nobody, with 50 rows of senders and a chat roster", async () => {
    const p = page(renderHeavyGmail(), "/demo/gmail-heavy")
    expect(p.url().hash).toBe("#inbox")
    expect(p.document.querySelectorAll("tr.zA span[email]").length).toBeGreaterThanOrEqual(50)
    expect(detectGmail(p.document, p.url())).toEqual({ site: "gmail", view: "list", people: [] })
    await sleep(400)
    expect(detectGmail(p.document, p.url())).toEqual({ site: "gmail", view: "list", people: [] })
  })

  it("gmail thread: Marisol first, then her colleague; never the viewer, the hidden list, the roster or quoted addresses", () => {
    const p = page(renderHeavyGmail(), `/demo/gmail-heavy#inbox/${HEAVY_GMAIL_THREAD}`)
    const ctx = detectGmail(p.document, p.url())
    expect(ctx).toMatchObject({ site: "gmail", view: "thread", strategy: "structure", subject: "Renewal scope for Q1 — dashboards and forecasting" })
    expect(who(ctx)).toEqual(["from:marisol.quintero@brightlane.example", "from:ines.okonkwo-bell@brightlane.example"])
    expect(ctx.people[0]!.name).toBe("Marisol Quintero")
    expect(JSON.stringify(ctx)).not.toContain(VIEWER)
    expect(JSON.stringify(ctx)).not.toContain("procurement@")
    // The list stays in the page, hidden, as in Gmail.
    expect((p.document.getElementById("heavy-list") as HTMLElement).style.display).toBe("none")
    expect(p.document.querySelectorAll("tr.zA span[email]").length).toBeGreaterThanOrEqual(50)
  })

  it("outlook inbox: a list, nobody, with 60 rows of senders, the folder pane with the viewer's mailbox and hidden persona cards", async () => {
    const p = page(renderHeavyOutlook(), "/demo/outlook-heavy")
    expect(p.url().hash).toBe("#/mail/inbox")
    expect(p.document.querySelectorAll('[data-app-section="MessageList"] [role="option"] [title*="@"]').length).toBeGreaterThanOrEqual(60)
    expect(p.document.querySelector(`[data-app-section="NavigationPane"] [role="treeitem"][title="${VIEWER}"]`)).not.toBeNull()
    expect(detectOutlook(p.document, p.url())).toEqual({ site: "outlook", view: "list", people: [] })
    await sleep(400)
    expect(detectOutlook(p.document, p.url())).toEqual({ site: "outlook", view: "list", people: [] })
  })

  it("outlook conversation: Marisol, then her colleague; never the viewer, the list, the folder pane or quoted addresses", () => {
    const p = page(renderHeavyOutlook(), `/demo/outlook-heavy#/mail/inbox/id/${HEAVY_OUTLOOK_ITEM}`)
    const ctx = detectOutlook(p.document, p.url())
    expect(ctx).toMatchObject({ site: "outlook", view: "thread", strategy: "structure", subject: "Renewal scope for Q1 — dashboards and forecasting" })
    expect(who(ctx)).toEqual(["from:marisol.quintero@brightlane.example", "from:ines.okonkwo-bell@brightlane.example"])
    expect(ctx.people[0]!.name).toBe("Marisol Quintero")
    // The viewer is in the conversation (To, and two of the collapsed messages) and in the folder pane: never found.
    expect(p.document.querySelectorAll(`#heavy-pane [title="${VIEWER}"]`).length).toBeGreaterThanOrEqual(2)
    expect(JSON.stringify(ctx)).not.toContain(VIEWER)
    expect(JSON.stringify(ctx)).not.toContain("procurement@")
  })
})

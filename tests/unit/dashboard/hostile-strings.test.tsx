// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { FakeApi } from "./fake-api"
import { asset, assetShares, calibration, contentUsage, filterOptions, handoff, ids, influence, marketer, repActivity } from "./fixtures"
import { renderDashboard } from "./render"

// Issue 10: strings stored through the API (asset titles and URLs, campaign and source names, rep names,
// rejection reasons, contact names) are remote data. Every dashboard page that shows them must show them
// as text: no element made from them, no script run, and no javascript: address that can be clicked.

const tag = "<img src=x onerror=alert(1)>"
const jsUrl = "javascript:alert(1)"
const named = (what: string) => `${tag} ${what}`

let alert: ReturnType<typeof vi.fn>
beforeEach(() => {
  alert = vi.fn()
  vi.stubGlobal("alert", alert)
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const hostileOptions = {
  ...filterOptions,
  reps: [{ id: ids.rep, name: named("rep"), team: named("team"), role: "rep" as const }],
  teams: [named("team")],
  tags: [named("tag"), jsUrl],
  campaigns: [named("campaign"), jsUrl],
  sources: [named("source")],
  assetKinds: ["case_study", named("kind")],
}

/** Nothing on the page was made from the data: no media or script elements, no clickable javascript: or data: address. */
function expectInert() {
  expect(document.querySelectorAll("img, script, iframe, object, embed, svg image").length).toBe(0)
  for (const a of document.querySelectorAll("a")) {
    expect(a.getAttribute("href") ?? "", a.outerHTML).not.toMatch(/^\s*(javascript|data|vbscript):/i)
  }
  expect(alert).not.toHaveBeenCalled()
}

/** The text an element holds itself, without its children's. */
const ownText = (el: Element | null) =>
  el
    ? [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join("")
    : ""
/** Elements showing the string as text (the page may add words around it, e.g. a rep name in a heading). */
const withText = (s: string) => (_: string, el: Element | null) => ownText(el).includes(s)
const expectText = (s: string) => expect(screen.getAllByText(withText(s)).length, s).toBeGreaterThan(0)
/** The string is offered as an option of some filter select. */
const expectOption = (s: string) =>
  expect(
    [...document.querySelectorAll("option")].some((o) => o.textContent === s),
    s,
  ).toBe(true)

describe("hostile strings in the dashboard render as text", () => {
  it("content usage table and filter bar", async () => {
    const usage = contentUsage()
    usage.rows = usage.rows.map((r, i) => ({ ...r, title: named(`asset ${i}`), tags: [named("tag"), jsUrl], kind: i ? named("kind") : r.kind }))
    const api = new FakeApi().ok("GET /api/v1/analytics/content-usage", usage).ok("GET /api/v1/analytics/filters", hostileOptions)
    renderDashboard("/dashboard/content-usage", api, marketer)
    await screen.findByRole("table", { name: "Asset usage" })
    expectText(named("asset 0"))
    expectText(named("asset 1"))
    expectText(named("tag"))
    expectText(jsUrl)
    await screen.findByLabelText("Team")
    for (const s of [named("rep"), named("team"), named("campaign"), jsUrl, named("source")]) expectOption(s)
    expectInert()
  })

  it("the drill-down of one asset: its title, reps, contacts and their companies and addresses", async () => {
    const shares = assetShares()
    shares.asset = { ...shares.asset, title: named("asset") }
    shares.rows = shares.rows.map((r) => ({
      ...r,
      rep: { ...r.rep, name: named("rep") },
      contact: { ...r.contact, name: named("contact"), company: named("company"), email: `${jsUrl}@x.example` },
    }))
    const api = new FakeApi().ok(`GET /api/v1/analytics/content-usage/${ids.asset1}/shares`, shares).ok("GET /api/v1/analytics/filters", hostileOptions)
    renderDashboard(`/dashboard/content-usage/${ids.asset1}`, api, marketer)
    await screen.findAllByText(withText(named("contact")))
    for (const s of [named("asset"), named("rep"), named("contact"), named("company"), `${jsUrl}@x.example`]) expectText(s)
    expectInert()
  })

  it("the content library: titles, descriptions and tags as text, a javascript: address never a link", async () => {
    const items = [
      asset(21, named("asset"), { url: jsUrl, description: named("description"), topics: [named("topic")], industries: [jsUrl] }),
      asset(22, "Data URL asset", { url: "data:text/html,<script>alert(1)</script>" }),
      asset(23, "Plain asset", { url: "https://content.example/plain" }),
    ]
    const api = new FakeApi().ok("GET /api/v1/assets", { items })
    renderDashboard("/dashboard/library", api, marketer)
    await screen.findByRole("table", { name: "Assets" })
    for (const s of [named("asset"), named("description"), named("topic"), jsUrl]) expectText(s)
    expect(screen.queryByRole("link", { name: named("asset") })).toBeNull()
    expect(screen.queryByRole("link", { name: "Data URL asset" })).toBeNull()
    expect(screen.getByRole("link", { name: "Plain asset" }).getAttribute("href")).toBe("https://content.example/plain")
    expectInert()
  })

  it("handoff tables: rep names and teams, campaigns, sources and rejection reasons", async () => {
    const report = handoff()
    report.rejections = [
      { reason: named("reason"), count: 3 },
      { reason: jsUrl, count: 1 },
    ]
    report.slaByRep = report.slaByRep.map((r) => ({ ...r, repName: named("rep"), team: named("team") }))
    report.byCampaign = [
      { ...report.byCampaign[0]!, key: named("campaign") },
      { ...report.byCampaign[0]!, key: jsUrl },
    ]
    report.bySource = [{ ...report.bySource[0]!, key: named("source") }]
    const api = new FakeApi().ok("GET /api/v1/analytics/handoff", report).ok("GET /api/v1/analytics/filters", hostileOptions)
    renderDashboard("/dashboard/handoff", api, marketer)
    await screen.findByRole("table", { name: "SLA by rep" })
    for (const s of [named("rep"), named("team"), named("campaign"), jsUrl, named("source"), named("reason")]) expectText(s)
    expectInert()
  })

  it("rep activity, calibration and influence: rep names, rejection reasons, rule names and asset titles", async () => {
    const activity = repActivity()
    activity.rows = activity.rows.map((r) => ({ ...r, repName: named("rep"), team: named("team") }))
    const cal = calibration()
    cal.bands = cal.bands.map((b) => ({ ...b, rejections: b.rejections.map((x) => ({ ...x, reason: named("reason") })) }))
    cal.rules = cal.rules.map((r) => ({ ...r, rule: named("rule") }))
    const inf = influence()
    inf.rows = inf.rows.map((r) => ({ ...r, title: named("asset") }))
    const api = new FakeApi()
      .ok("GET /api/v1/analytics/rep-activity", activity)
      .ok("GET /api/v1/analytics/calibration", cal)
      .ok("GET /api/v1/analytics/content-influence", inf)
      .ok("GET /api/v1/analytics/filters", hostileOptions)

    renderDashboard("/dashboard/rep-activity", api, marketer)
    await screen.findAllByText(withText(named("rep")))
    expectText(named("team"))
    expectInert()
    cleanup()

    renderDashboard("/dashboard/calibration", api, marketer)
    await screen.findAllByText(withText(named("rule")))
    expectText(named("reason"))
    expectInert()
    cleanup()

    renderDashboard("/dashboard/influence", api, marketer)
    await screen.findAllByText(withText(named("asset")))
    expectInert()
  })
})

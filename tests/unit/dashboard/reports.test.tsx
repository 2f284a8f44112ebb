// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import { FakeApi } from "./fake-api"
import { calibration, handoff, influence, marketer, repActivity, thresholdPreview } from "./fixtures"
import { currentUrl, renderDashboard } from "./render"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const stat = (label: string) => screen.getByText(label, { selector: "dt" }).nextElementSibling!

describe("content influence", () => {
  it("shows rates with 95% intervals, sample sizes, the comparison group and the caveat; the window lives in the URL", async () => {
    const api = new FakeApi().on("GET /api/v1/analytics/content-influence", (call) => ({ body: influence(Number(call.query.get("windowDays"))) }))
    renderDashboard("/dashboard/influence", api, marketer)
    const overall = await screen.findByRole("table", { name: "Any asset against none" })
    expect(screen.getByText(/association, not proof/i)).toBeTruthy()
    expect(api.lastCall("GET /api/v1/analytics/content-influence")!.query.get("windowDays")).toBe("30")
    const first = within(overall).getAllByRole("row")[1]!
    expect([...first.children].map((c) => c.textContent)).toEqual(["MQL → SQL", "50% (40–60%)", "30 of 60", "25% (15–35%)", "40 of 160"])
    expect([...within(overall).getAllByRole("row")[3]!.children].map((c) => c.textContent)[1]).toBe("no data")
    expect(
      within(overall)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toContain("Comparison group (no content)")

    const byAsset = screen.getByRole("table", { name: "Content influence by asset" })
    expect(
      within(within(byAsset).getAllByRole("row")[1]!)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Harbor Freight case studyCase study", "MQL → SQL", "60% (50–70%)", "20", "25% (15–35%)", "160", "+35 pts"])

    const user = userEvent.setup()
    const window = screen.getByRole("spinbutton", { name: /Window/ })
    await user.clear(window)
    await user.type(window, "45{Enter}")
    await waitFor(() => expect(currentUrl()).toBe("/dashboard/influence?windowDays=45"))
    await waitFor(() => expect(api.lastCall("GET /api/v1/analytics/content-influence")!.query.get("windowDays")).toBe("45"))
    expect(screen.getByRole("link", { name: "Export CSV (content influence)" }).getAttribute("href")).toBe(
      "/api/v1/analytics/export/content-influence.csv?windowDays=45",
    )
  })
})

describe("handoff and SLA", () => {
  it("puts the MQL outcome and follow-up numbers on top and lists SLA by rep, week, campaign and source", async () => {
    const api = new FakeApi().ok("GET /api/v1/analytics/handoff", handoff())
    renderDashboard("/dashboard/handoff?rep=" + "00000000-0000-4000-8000-000000000003", api, marketer)
    await screen.findByRole("table", { name: "SLA by rep" })
    expect(stat("MQLs created").textContent).toBe("120")
    expect(stat("Accepted").textContent).toBe("6075% of decided")
    expect(stat("Followed up within 24 h").textContent).toBe("70%70 met · 30 missed")
    expect(stat("Median first touch").textContent).toBe("5.5 h90th percentile 30 h · n = 80")
    const reps = screen.getByRole("table", { name: "SLA by rep" })
    expect(
      within(within(reps).getAllByRole("row")[1]!)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Otis Brannock", "North", "70", "50", "10", "10", "83%"])
    const campaigns = screen.getByRole("table", { name: "Conversion by campaign" })
    expect(
      within(within(campaigns).getAllByRole("row")[1]!)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Autumn webinar", "40", "18", "45% (35–55%)", "3.8 / 5", "8"])
    for (const [name, table] of [
      ["SLA by rep", "handoff-reps"],
      ["SLA by week", "handoff-weeks"],
      ["conversion by campaign", "handoff-campaigns"],
      ["conversion by source", "handoff-sources"],
    ]) {
      expect(screen.getByRole("link", { name: `Export CSV (${name})` }).getAttribute("href")).toBe(
        `/api/v1/analytics/export/${table}.csv?rep=00000000-0000-4000-8000-000000000003`,
      )
    }
  })
})

describe("score calibration", () => {
  it("shows bands with rejection reasons, rules by outcome, and previews another threshold as the slider moves", async () => {
    const api = new FakeApi()
      .ok("GET /api/v1/analytics/calibration", calibration())
      .on("GET /api/v1/analytics/calibration/threshold", (call) => ({ body: thresholdPreview(Number(call.query.get("threshold"))) }))
    renderDashboard("/dashboard/calibration", api, marketer)
    const bands = await screen.findByRole("table", { name: "Score bands" })
    expect(
      within(within(bands).getAllByRole("row")[2]!)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["60–69", "80", "80", "30", "20", "60% (50–70%)", "25", "3", "No budget 14Not a fit 6"])
    const rules = screen.getByRole("table", { name: "Scoring rules by outcome" })
    // Sorted with the rule most common among rejected leads first.
    expect(
      within(within(rules).getAllByRole("row")[1]!)
        .getAllByRole("cell")
        .map((c) => c.textContent)
        .slice(0, 5),
    ).toEqual(["Webinar attended", "Engagement", "16% (5)", "60% (12)", "-44 pts"])

    // The preview starts at the current threshold...
    await waitFor(() => expect(stat("Estimated MQLs at 60").textContent).toBe("80same as now"))
    expect(api.lastCall("GET /api/v1/analytics/calibration/threshold")!.query.get("threshold")).toBe("60")
    expect(stat("MQLs in 90 days at 60 (current)").textContent).toBe("80")
    // ...and follows the slider (one request per pause).
    fireEvent.change(screen.getByRole("slider", { name: "Proposed MQL threshold" }), { target: { value: "50" } })
    await waitFor(() => expect(stat("Estimated MQLs at 50").textContent).toBe("120+40 against now"))
    expect(api.lastCall("GET /api/v1/analytics/calibration/threshold")!.query.get("threshold")).toBe("50")
    expect(stat("Expected acceptance").textContent).toBe("60%95% interval 50–70%, from 50 decided leads")
    expect(stat("Expected accepted").textContent).toBe("72of 120 MQLs")
    expect((screen.getByRole("spinbutton", { name: "Threshold" }) as HTMLInputElement).value).toBe("50")

    await userEvent.setup().click(screen.getByRole("button", { name: "Back to current (60)" }))
    await waitFor(() => expect(stat("Estimated MQLs at 60").textContent).toBe("80same as now"))
  })

  it("says why the estimate at the current threshold differs from the MQLs made: leads at it now that never crossed", async () => {
    const api = new FakeApi()
      .ok("GET /api/v1/analytics/calibration", calibration())
      .on("GET /api/v1/analytics/calibration/threshold", (call) => ({ body: thresholdPreview(Number(call.query.get("threshold")), 2) }))
    renderDashboard("/dashboard/calibration", api, marketer)
    await waitFor(() => expect(stat("Estimated MQLs at 60").textContent).toBe("82+2 against now · includes 2 leads at 60 or more now that are not MQLs"))
  })
})

describe("rep activity", () => {
  it("totals activity and lists it per rep, with the raw activity and share exports", async () => {
    const api = new FakeApi().ok("GET /api/v1/analytics/rep-activity", repActivity())
    renderDashboard("/dashboard/rep-activity?team=North", api, marketer)
    const table = await screen.findByRole("table", { name: "Activity by rep" })
    expect(stat("All activity").textContent).toBe("872 reps")
    expect(stat("Calls").textContent).toBe("19")
    expect(
      within(within(table).getAllByRole("row")[1]!)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Otis Brannock", "North", "12", "30", "4", "3", "5", "9", "63"])
    expect(screen.getByRole("link", { name: "Every activity (CSV, one row per logged activity)" }).getAttribute("href")).toBe(
      "/api/v1/analytics/export/activities.csv?team=North",
    )
    expect(screen.getByRole("link", { name: "Every share (CSV, one row per content share)" }).getAttribute("href")).toBe(
      "/api/v1/analytics/export/shares.csv?team=North",
    )
  })
})

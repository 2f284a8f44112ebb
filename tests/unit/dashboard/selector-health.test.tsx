// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import { Me } from "../../../src/shared/contracts/me"
import { SelectorHealth } from "../../../src/shared/contracts/health"
import { FakeApi } from "./fake-api"
import { marketer } from "./fixtures"
import { renderDashboard } from "./render"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const admin = Me.parse({
  ...marketer,
  user: { ...marketer.user, id: "6f1d2c3b-4a5e-4f60-8a71-9b8c7d6e5f40", name: "Ines Okafor", email: "ines.okafor@lumen-labs.example", role: "admin" },
})
const row = (over: Partial<SelectorHealth["rows"][number]>) => ({
  day: "2026-11-30",
  version: "0.2.0",
  site: "gmail" as const,
  view: "thread",
  structure: 0,
  signals: 0,
  name: 0,
  none: 0,
  total: 0,
  missRate: 0,
  reports: 1,
  ...over,
})
const health = SelectorHealth.parse({
  from: "2026-11-17",
  to: "2026-11-30",
  rows: [
    row({ structure: 180, signals: 12, none: 8, total: 200, missRate: 0.04, reports: 6 }),
    row({ site: "outlook", structure: 10, signals: 20, name: 5, none: 65, total: 100, missRate: 0.65, reports: 4 }),
    row({ day: "2026-11-29", version: "0.1.0", site: "linkedin", view: "messaging", structure: 30, total: 30, reports: 2 }),
  ],
})

describe("selector health page", () => {
  it("shows admins each day, version, site and view with counts per strategy, flags a site that found nobody, and filters", async () => {
    const api = new FakeApi().on("GET /api/v1/health/selectors", (call) => ({
      body: call.query.get("site") ? { ...health, rows: health.rows.filter((r) => r.site === call.query.get("site")) } : health,
    }))
    renderDashboard("/dashboard/selector-health", api, admin)
    const table = await screen.findByRole("table", { name: "Selector health per day and extension version" })
    const cells = (i: number) =>
      within(within(table).getAllByRole("row")[i]!)
        .getAllByRole("cell")
        .map((c) => c.textContent)
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent?.replace(/[▲▼↕↑↓]/g, "").trim()),
    ).toEqual(["Day", "Version", "Site", "View", "Structure", "Signals", "Name", "None found", "Total", "Missed", "Reports"])
    const rows = [1, 2, 3].map(cells)
    expect(rows).toContainEqual(["30 Nov 2026", "0.2.0", "Gmail", "Thread", "180", "12", "0", "8", "200", "4.0%", "6"])
    expect(rows).toContainEqual(["30 Nov 2026", "0.2.0", "Outlook", "Thread", "10", "20", "5", "65", "100", "65% ⚠", "4"])
    expect(rows).toContainEqual(["29 Nov 2026", "0.1.0", "LinkedIn", "Messaging", "30", "0", "0", "0", "30", "0%", "2"])
    expect(screen.getByText(/worst: Outlook thread on 30 Nov 2026 \(0\.2\.0\)/)).toBeTruthy()
    // The default range is the server's (last 14 days), shown in the date inputs.
    expect((screen.getByLabelText("From") as HTMLInputElement).value).toBe("2026-11-17")
    expect(api.lastCall("GET /api/v1/health/selectors")!.query.toString()).toBe("")

    const user = userEvent.setup()
    await user.selectOptions(screen.getByLabelText("Site"), "outlook")
    await waitFor(() => expect(api.lastCall("GET /api/v1/health/selectors")!.query.get("site")).toBe("outlook"))
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(2))
    expect(
      within(screen.getByLabelText("Extension version"))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["All", "0.2.0"])
    await user.selectOptions(screen.getByLabelText("Extension version"), "0.2.0")
    await waitFor(() => expect(api.lastCall("GET /api/v1/health/selectors")!.query.get("version")).toBe("0.2.0"))
  })

  it("is in the nav for admins only; others who open it are told, and nothing is asked of the server", async () => {
    const api = new FakeApi().ok("GET /api/v1/health/selectors", health)
    renderDashboard("/dashboard/selector-health", api, marketer)
    expect(await screen.findByText("Only admins can see selector health")).toBeTruthy()
    expect(within(screen.getByRole("navigation", { name: "Pages" })).queryByRole("link", { name: "Selector health" })).toBeNull()
    expect(api.callsTo("GET /api/v1/health/selectors")).toHaveLength(0)
    cleanup()

    renderDashboard("/dashboard/scoring", new FakeApi().ok("GET /api/v1/health/selectors", health).ok("GET /api/v1/settings", {}), admin)
    const link = await within(await screen.findByRole("navigation", { name: "Pages" })).findByRole("link", { name: "Selector health" })
    expect(link.getAttribute("href")).toBe("/dashboard/selector-health")
  })

  it("says when there is nothing yet, and shows the server's refusal", async () => {
    renderDashboard("/dashboard/selector-health", new FakeApi().ok("GET /api/v1/health/selectors", { ...health, rows: [] }), admin)
    expect(await screen.findByText("No reports in this period")).toBeTruthy()
    cleanup()
    renderDashboard(
      "/dashboard/selector-health",
      new FakeApi().fail("GET /api/v1/health/selectors", 400, "bad_request", "ask for at most 366 days at a time"),
      admin,
    )
    expect(await screen.findByText(/ask for at most 366 days at a time/)).toBeTruthy()
  })
})

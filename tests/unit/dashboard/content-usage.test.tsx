// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import { deferred, FakeApi } from "./fake-api"
import { assetShares, contentUsage, ids, marketer, orgScope, rep, selfScope } from "./fixtures"
import { currentUrl, renderDashboard } from "./render"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const stat = (label: string) => screen.getByText(label, { selector: "dt" }).nextElementSibling!.querySelector(".stat-value")!.textContent

describe("content usage report", () => {
  it("shows a skeleton, then the headline numbers and the per-asset table, sorted by shares", async () => {
    const held = deferred<{ body: unknown }>()
    const api = new FakeApi().on("GET /api/v1/analytics/content-usage", () => held.promise)
    renderDashboard("/dashboard/content-usage", api, marketer)
    // The file's first render also loads the dashboard's modules (charts, tables): seconds on a busy machine.
    expect(await screen.findByRole("status", { name: "Loading content usage" }, { timeout: 20_000 })).toBeTruthy()
    held.resolve({ body: contentUsage() })

    const table = await screen.findByRole("table", { name: "Asset usage" })
    expect(stat("Shares")).toBe("42")
    expect(stat("Contacts reached")).toBe("37")
    expect(stat("Views")).toBe("58")
    const rows = within(table).getAllByRole("row").slice(1)
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual([
      "Harbor Freight case studylogistics",
      "Pricing battle cardArchivedpricing",
    ])
    expect(
      within(rows[0]!)
        .getAllByRole("cell")
        .map((c) => c.textContent)
        .slice(1, 5),
    ).toEqual(["Case study", "30", "2", "27"])
    expect(api.lastCall("GET /api/v1/analytics/content-usage")!.credentials).toBe("same-origin")
    // The date inputs show the period the server used when the URL leaves it open.
    expect((screen.getByLabelText("From") as HTMLInputElement).value).toBe("2026-09-02")

    // Sorting is the table library's: ascending by shares puts the battle card first.
    const user = userEvent.setup()
    await user.click(within(table).getByRole("button", { name: /Shares/ }))
    expect(
      within(table)
        .getByRole("columnheader", { name: /Shares/ })
        .getAttribute("aria-sort"),
    ).toBe("ascending")
    expect(within(within(table).getAllByRole("row")[1]!).getByRole("link").textContent).toBe("Pricing battle card")
  })

  it("keeps filters in the URL, asks the API with them and exports with them", async () => {
    const api = new FakeApi().on("GET /api/v1/analytics/content-usage", (call) => ({
      body: contentUsage(orgScope(Object.fromEntries(call.query)), call.query.get("team") === "South" ? 31 : 42),
    }))
    renderDashboard("/dashboard/content-usage?from=2026-10-01&to=2026-10-31", api, marketer)
    await screen.findByRole("table", { name: "Asset usage" })
    expect(api.lastCall("GET /api/v1/analytics/content-usage")!.query.toString()).toBe("from=2026-10-01&to=2026-10-31")

    const user = userEvent.setup()
    await user.selectOptions(await screen.findByLabelText("Team"), "South")
    await waitFor(() => expect(stat("Shares")).toBe("31"))
    expect(currentUrl()).toBe("/dashboard/content-usage?from=2026-10-01&to=2026-10-31&team=South")
    expect(api.lastCall("GET /api/v1/analytics/content-usage")!.query.get("team")).toBe("South")

    const exportLink = screen.getByRole("link", { name: "Export CSV (asset usage)" })
    expect(exportLink.getAttribute("href")).toBe("/api/v1/analytics/export/content-usage.csv?from=2026-10-01&to=2026-10-31&team=South")

    // Other reports keep the filters: the nav links carry them.
    expect(screen.getByRole("link", { name: "Handoff and SLA" }).getAttribute("href")).toBe("/dashboard/handoff?from=2026-10-01&to=2026-10-31&team=South")

    await user.click(screen.getByRole("button", { name: "Clear filters (3)" }))
    await waitFor(() => expect(currentUrl()).toBe("/dashboard/content-usage"))
  })

  it("drills down into one asset's shares: who, to whom, when, viewed or not; more pages on request", async () => {
    const api = new FakeApi()
      .ok("GET /api/v1/analytics/content-usage", contentUsage())
      .on(`GET /api/v1/analytics/content-usage/${ids.asset1}/shares`, (call) => ({
        body: call.query.get("cursor") === "page2" ? assetShares(null, 1, 2) : assetShares("page2", 2),
      }))
    renderDashboard("/dashboard/content-usage?stage=mql", api, marketer)
    const user = userEvent.setup()
    await user.click(await screen.findByRole("link", { name: "Harbor Freight case study" }))

    const table = await screen.findByRole("table", { name: "Shares of this asset" })
    expect(currentUrl()).toBe(`/dashboard/content-usage/${ids.asset1}?stage=mql`)
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Harbor Freight case study")
    expect(api.lastCall(`GET /api/v1/analytics/content-usage/${ids.asset1}/shares`)!.query.get("stage")).toBe("mql")
    const rows = within(table).getAllByRole("row").slice(1)
    expect(rows).toHaveLength(2)
    expect(
      within(rows[0]!)
        .getAllByRole("cell")
        .map((c) => c.textContent)
        .slice(1, 5),
    ).toEqual(["Otis Brannock", "Contact 1Kestrel Freight · c1@kestrel.example", "Gmail", "Viewed ×2"])
    expect(within(rows[1]!).getAllByRole("cell")[4]!.textContent).toBe("Not yet")

    await user.click(screen.getByRole("button", { name: "Load more shares" }))
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(4))
    expect(api.lastCall(`GET /api/v1/analytics/content-usage/${ids.asset1}/shares`)!.query.get("cursor")).toBe("page2")
    expect(screen.queryByRole("button", { name: "Load more shares" })).toBeNull()
    expect(screen.getByRole("link", { name: "Export CSV (shares of this asset)" }).getAttribute("href")).toBe(
      `/api/v1/analytics/export/asset-shares.csv?stage=mql&asset=${ids.asset1}`,
    )
  })

  it("tells a rep they see only their own numbers", async () => {
    const api = new FakeApi().ok("GET /api/v1/analytics/content-usage", contentUsage(selfScope))
    renderDashboard("/dashboard/content-usage", api, rep)
    expect((await screen.findByRole("note")).textContent).toBe("Only your own numbers: you are signed in as a rep")
    expect((screen.getByLabelText("Rep") as HTMLSelectElement).disabled).toBe(true)
  })

  it("says what to do when nothing matches, and what went wrong when the server refuses", async () => {
    const empty = { ...contentUsage(), weekly: [], rows: [] }
    const api = new FakeApi().ok("GET /api/v1/analytics/content-usage", empty)
    renderDashboard("/dashboard/content-usage", api, marketer)
    expect(await screen.findByText("No assets match these filters")).toBeTruthy()
    expect(screen.getByText("No shares in this period")).toBeTruthy()
    cleanup()

    const failing = new FakeApi().fail("GET /api/v1/analytics/content-usage", 400, "validation_failed", "invalid request: to: must not be before from")
    renderDashboard("/dashboard/content-usage", failing, marketer)
    const alert = await screen.findByRole("alert")
    expect(alert.textContent).toContain("Content usage could not be loaded")
    expect(alert.textContent).toContain("invalid request: to: must not be before from")
    failing.ok("GET /api/v1/analytics/content-usage", contentUsage())
    await userEvent.setup().click(within(alert).getByRole("button", { name: "Try again" }))
    expect(await screen.findByRole("table", { name: "Asset usage" })).toBeTruthy()
  })
})

import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Browser, BrowserContext } from "playwright-core"
import { day as shownDay } from "../../src/dashboard/format"
import { launchWebBrowser, repToken, screenshot, startBackend, type Backend } from "./harness"

const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10)

// Reps' browsers report their daily counts; an admin sees them on the dashboard, a break on one site stands out.
describe("selector health on the dashboard", () => {
  let backend: Backend
  let browser: Browser
  let context: BrowserContext

  beforeAll(async () => {
    backend = await startBackend()
    ;({ browser, context } = await launchWebBrowser())
  })
  afterAll(async () => {
    await browser?.close()
    await backend?.stop()
  })

  const report = async (ago: number, version: string, outlookNone: number) => {
    const counts = [
      { site: "gmail", view: "thread", strategy: "structure", version, count: 120 },
      { site: "gmail", view: "compose", strategy: "signals", version, count: 14 },
      { site: "outlook", view: "thread", strategy: "structure", version, count: 40 },
      { site: "outlook", view: "thread", strategy: "none", version, count: outlookNone },
      { site: "linkedin", view: "profile", strategy: "structure", version, count: 63 },
    ]
    const res = await fetch(`${backend.url}/api/v1/health/selectors`, {
      method: "POST",
      headers: { authorization: `Bearer ${repToken(backend)}`, "content-type": "application/json" },
      body: JSON.stringify({ reportId: randomUUID(), day: day(ago), counts }),
    })
    expect(res.status).toBe(200)
  }

  it("shows an admin each day and version, with Outlook's jump in 'Nobody found' flagged", async () => {
    await report(2, "0.1.0", 2)
    await report(1, "0.1.0", 3)
    await report(1, "0.2.0", 61)
    const admin = backend.tokens.find((t) => t.org === "Acme Analytics" && t.role === "admin")!.token
    const page = await context.newPage()
    await page.goto(`${backend.url}/dashboard/`)
    await page.getByLabel("API token").fill(admin)
    await page.getByRole("button", { name: "Sign in" }).click()
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Selector health" }).click()
    const table = page.getByRole("table", { name: "Selector health per day and extension version" })
    await table.waitFor({ timeout: 30_000 })
    const flagged = table.getByRole("row").filter({ hasText: "Outlook" }).filter({ hasText: "0.2.0" })
    expect(await flagged.getByRole("cell").allTextContents()).toEqual([
      shownDay(day(1)),
      "0.2.0",
      "Outlook",
      "Thread",
      "40",
      "0",
      "0",
      "61",
      "101",
      "60% ⚠",
      "1",
    ])
    await screenshot(page, "dashboard-selector-health")
    await page.close()
  })
})

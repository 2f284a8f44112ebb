import { readFileSync, writeFileSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { launchWebBrowser, marketerToken, repToken, screenshot, startBackend, type Backend } from "./harness"

// The marketer's path through the dashboard in real Chromium against the real backend and demo data:
// sign in with a token, open every page, filter, export, try a threshold, import assets, preview scoring.
describe("the marketer dashboard in Chromium", () => {
  let backend: Backend
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const problems: string[] = []

  beforeAll(async () => {
    backend = await startBackend()
    ;({ browser, context } = await launchWebBrowser())
    page = await context.newPage()
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`))
  })
  afterAll(async () => {
    await browser?.close()
    await backend?.stop()
  })

  const h1 = () => page.getByRole("heading", { level: 1 })
  const statValue = (label: string) =>
    page
      .locator(".stat", { has: page.locator("dt", { hasText: label }) })
      .locator(".stat-value")
      .first()
  const open = async (name: string, heading = name) => {
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name }).click()
    await expect.poll(() => h1().textContent()).toBe(heading)
    await page
      .locator("[aria-busy=true], [role=status][aria-label^=Loading]")
      .first()
      .waitFor({ state: "detached", timeout: 30_000 })
      .catch(() => {})
  }

  it("signs in with the demo marketer's token and lands on content usage with the org and the person shown", async () => {
    await page.goto(`${backend.url}/dashboard/`)
    await page.getByLabel("API token").fill(marketerToken(backend))
    await screenshot(page, "dashboard-sign-in")
    await page.getByRole("button", { name: "Sign in" }).click()
    await expect.poll(() => h1().textContent(), { timeout: 30_000 }).toBe("Content usage")
    expect(new URL(page.url()).pathname).toBe("/dashboard/content-usage")
    await page.getByRole("table", { name: "Asset usage" }).waitFor({ timeout: 30_000 })
    expect(await page.getByText("Acme Analytics").count()).toBe(1)
    expect(await page.getByText("Sam Okafor").count()).toBe(1)
    // The session is an HttpOnly cookie the page's scripts cannot read.
    const cookies = await context.cookies()
    const session = cookies.find((c) => c.name === "relay_session")!
    expect({ httpOnly: session.httpOnly, sameSite: session.sameSite }).toEqual({ httpOnly: true, sameSite: "Strict" })
    expect(await page.evaluate(() => document.cookie)).toBe("")
    await screenshot(page, "dashboard-content-usage")
  })

  it("changes a filter: the URL says it, the numbers follow, and a reload keeps it", async () => {
    const before = Number((await statValue("Shares").textContent())!.replace(/,/g, ""))
    expect(before).toBeGreaterThan(0)
    const team = page.getByLabel("Team")
    const teams = (await team.locator("option").allTextContents()).filter((t) => t !== "All")
    expect(teams.length).toBeGreaterThan(1)
    await team.selectOption(teams[0]!)
    await expect.poll(() => new URL(page.url()).searchParams.get("team")).toBe(teams[0])
    await expect.poll(async () => Number((await statValue("Shares").textContent())!.replace(/,/g, "")), { timeout: 30_000 }).toBeLessThan(before)
    const filtered = await statValue("Shares").textContent()
    await page.reload()
    await expect.poll(() => statValue("Shares").textContent(), { timeout: 30_000 }).toBe(filtered)
    expect(await page.getByLabel("Team").inputValue()).toBe(teams[0])
    await screenshot(page, "dashboard-content-usage-filtered")
  })

  it("exports the filtered table as a CSV the browser downloads", async () => {
    const link = page.getByRole("link", { name: "Export CSV (asset usage)" })
    expect(await link.getAttribute("href")).toContain(`team=${encodeURIComponent(await page.getByLabel("Team").inputValue())}`)
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()])
    const file = join(mkdtempSync(join(tmpdir(), "relay-csv-")), download.suggestedFilename())
    await download.saveAs(file)
    const lines = readFileSync(file, "utf8").trim().split("\n")
    expect(download.suggestedFilename()).toMatch(/^relay-content-usage-.*\.csv$/)
    expect(lines[0]).toBe("assetId,title,kind,tags,archived,shares,reps,contacts,views,botViews,helped,notHelped,lastUsedAt")
    expect(lines.length).toBeGreaterThan(5)
  })

  it("drills down from an asset to its individual shares", async () => {
    const first = page.getByRole("table", { name: "Asset usage" }).getByRole("link").first()
    const title = await first.textContent()
    await first.click()
    await expect.poll(() => h1().textContent()).toBe(title)
    await page.getByRole("table", { name: "Shares of this asset" }).waitFor({ timeout: 30_000 })
    expect(await page.getByRole("table", { name: "Shares of this asset" }).getByRole("row").count()).toBeGreaterThan(1)
    expect(new URL(page.url()).searchParams.get("team")).not.toBeNull()
    await screenshot(page, "dashboard-asset-shares")
  })

  it("opens every report with its numbers, charts and exports", async () => {
    await page.goto(`${backend.url}/dashboard/content-usage`)
    await page.getByRole("table", { name: "Asset usage" }).waitFor({ timeout: 30_000 })

    await open("Content influence")
    await page.getByRole("table", { name: "Any asset against none" }).waitFor({ timeout: 30_000 })
    expect(await page.getByText(/association, not proof/i).count()).toBeGreaterThan(0)
    expect(await page.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0)
    const window30 = await page.getByRole("table", { name: "Any asset against none" }).textContent()
    await page.getByRole("spinbutton", { name: /Window/ }).fill("60")
    await page.getByRole("spinbutton", { name: /Window/ }).press("Enter")
    await expect.poll(() => new URL(page.url()).searchParams.get("windowDays")).toBe("60")
    await expect.poll(() => page.getByRole("table", { name: "Any asset against none" }).textContent(), { timeout: 30_000 }).not.toBe(window30)
    await screenshot(page, "dashboard-influence")

    await open("Handoff and SLA")
    await page.getByRole("table", { name: "SLA by rep" }).waitFor({ timeout: 30_000 })
    expect(Number((await statValue("MQLs created").textContent())!.replace(/,/g, ""))).toBeGreaterThan(0)
    expect(await page.getByRole("link", { name: /^Export CSV/ }).count()).toBe(4)
    await screenshot(page, "dashboard-handoff")

    await open("Score calibration")
    await page.getByRole("table", { name: "Score bands" }).waitFor({ timeout: 30_000 })
    await screenshot(page, "dashboard-calibration")

    await open("Rep activity")
    await page.getByRole("table", { name: "Activity by rep" }).waitFor({ timeout: 30_000 })
    expect(await page.getByRole("table", { name: "Activity by rep" }).getByRole("row").count()).toBeGreaterThan(2)
    await screenshot(page, "dashboard-rep-activity")
  })

  it("previews another MQL threshold on the calibration page", async () => {
    await open("Score calibration")
    const current = Number(await statValue("MQL threshold").textContent())
    await statValue("Estimated MQLs at").waitFor({ timeout: 30_000 })
    const atCurrent = Number((await statValue(`Estimated MQLs at ${current}`).textContent())!.replace(/,/g, ""))
    const slider = page.getByRole("slider", { name: "Proposed MQL threshold" })
    await slider.focus()
    for (let i = 0; i < 15; i++) await slider.press("ArrowLeft")
    const lower = current - 15
    await expect
      .poll(
        async () =>
          Number(
            (await statValue(`Estimated MQLs at ${lower}`)
              .textContent()
              .catch(() => "-1"))!.replace(/,/g, ""),
          ),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(atCurrent)
    expect(await page.getByText("Expected acceptance").count()).toBe(1)
    await screenshot(page, "dashboard-threshold-preview")
  })

  it("manages the content library: search, add an asset, import a CSV with a rejected row", async () => {
    await open("Content library")
    await page.getByRole("table", { name: "Assets" }).waitFor({ timeout: 30_000 })
    await screenshot(page, "dashboard-library")

    await page.getByRole("button", { name: "New asset" }).click()
    const form = page.getByRole("form", { name: "New asset" })
    await form.getByLabel("Title").fill("Onboarding checklist for e2e")
    await form.getByLabel("Link (http or https)").fill("https://content.example/e2e-onboarding")
    await form.getByLabel("Kind").selectOption("one_pager")
    await form.getByLabel("Topics").fill("onboarding")
    await form.getByRole("button", { name: "Add asset" }).click()
    await form.waitFor({ state: "detached" })
    await page.getByRole("searchbox", { name: "Search" }).fill("onboarding checklist")
    await expect
      .poll(() => page.getByRole("table", { name: "Assets" }).getByRole("link", { name: "Onboarding checklist for e2e" }).count(), { timeout: 30_000 })
      .toBe(1)

    const csv = join(mkdtempSync(join(tmpdir(), "relay-import-")), "assets.csv")
    writeFileSync(
      csv,
      [
        "title,url,kind,topics",
        "Imported one-pager A,https://content.example/imp-a,one_pager,imports|e2e",
        "Imported one-pager B,https://content.example/imp-b,one_pager,imports",
        "Broken row,ftp://content.example/imp-c,one_pager,",
      ].join("\n"),
    )
    await page.getByRole("button", { name: "Import CSV" }).click()
    await page.getByLabel("CSV file to import").setInputFiles(csv)
    await page.getByText("Import finished").waitFor({ timeout: 30_000 })
    expect(await page.getByRole("progressbar", { name: "Import progress" }).getAttribute("value")).toBe("100")
    expect(await page.locator(".import-summary p").first().textContent()).toBe("2 of 3 rows imported: 2 added, 0 updated, 1 rejected.")
    expect(await page.getByRole("table", { name: "Rejected rows" }).getByRole("row").nth(1).textContent()).toContain("4")
    await screenshot(page, "dashboard-library-import")
  })

  it("previews new scoring rules before saving them", async () => {
    await open("Scoring")
    const threshold = page.getByLabel("MQL threshold (points)")
    const saved = Number(await threshold.inputValue())
    await threshold.fill(String(saved - 10))
    await page.getByRole("button", { name: "Preview MQLs" }).click()
    const line = page.getByText(/would change sides/)
    await line.waitFor({ timeout: 60_000 })
    const [proposed, now] = (await line.textContent())!
      .match(/Under these rules ([\d,]+) of [\d,]+ contacts would be MQLs \(threshold \d+\), against ([\d,]+) now/)!
      .slice(1)
      .map((n) => Number(n.replace(/,/g, "")))
    expect(proposed).toBeGreaterThan(now!)
    await screenshot(page, "dashboard-scoring-preview")
    // Not saved: discarding leaves the org's rules as they were.
    await page.getByRole("button", { name: "Discard changes" }).click()
    expect(Number(await threshold.inputValue())).toBe(saved)
  })

  it("tells a rep they see only their own numbers and cannot change the scoring", async () => {
    const repPage = await browser.newContext({ viewport: { width: 1280, height: 800 } }).then((c) => c.newPage())
    await repPage.goto(`${backend.url}/dashboard/rep-activity`)
    await repPage.getByLabel("API token").fill(repToken(backend))
    await repPage.getByRole("button", { name: "Sign in" }).click()
    await repPage.getByRole("table", { name: "Activity by rep" }).waitFor({ timeout: 30_000 })
    // Signing in keeps the page that was asked for.
    expect(new URL(repPage.url()).pathname).toBe("/dashboard/rep-activity")
    expect(await repPage.getByRole("note").textContent()).toMatch(/own numbers/i)
    expect(await repPage.getByRole("table", { name: "Activity by rep" }).getByRole("row").count()).toBe(2)
    await screenshot(repPage, "dashboard-rep-view")
    await repPage.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Scoring" }).click()
    await repPage.getByLabel("MQL threshold (points)").waitFor({ timeout: 30_000 })
    expect(await repPage.getByRole("note").textContent()).toBe("You can read the scoring rules; only marketers and admins can change them.")
    expect(await repPage.getByLabel("MQL threshold (points)").isDisabled()).toBe(true)
    await repPage.context().close()
  })

  it("works with the keyboard alone", async () => {
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "")
    await page.goto(`${backend.url}/dashboard/content-usage`)
    await page.getByRole("table", { name: "Asset usage" }).waitFor({ timeout: 30_000 })
    await page.keyboard.press("Tab")
    expect(await focused()).toBe("Skip to content")
    for (let i = 0; i < 12 && (await focused()) !== "Handoff and SLA"; i++) await page.keyboard.press("Tab")
    await page.keyboard.press("Enter")
    await expect.poll(() => h1().textContent()).toBe("Handoff and SLA")
    // Focus moved onto the new page: the next Tab goes into it, not back into the nav.
    await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true)
    const table = page.getByRole("table", { name: "SLA by rep" })
    await table.waitFor({ timeout: 30_000 })
    await table.getByRole("button", { name: "Rep", exact: true }).focus()
    await page.keyboard.press("Enter")
    expect(await table.getByRole("columnheader", { name: "Rep", exact: true }).getAttribute("aria-sort")).toBe("ascending")
  })

  it("reads well on a 1920-wide screen and signs out", async () => {
    await page.setViewportSize({ width: 1920, height: 1080 })
    await open("Content usage")
    await page.getByRole("table", { name: "Asset usage" }).waitFor({ timeout: 30_000 })
    await screenshot(page, "dashboard-content-usage-1920")
    await open("Handoff and SLA")
    await page.getByRole("table", { name: "SLA by rep" }).waitFor({ timeout: 30_000 })
    await screenshot(page, "dashboard-handoff-1920")
    await page.getByRole("button", { name: "Sign out" }).click()
    await page.getByLabel("API token").waitFor()
    expect((await context.cookies()).some((c) => c.name === "relay_session")).toBe(false)
    expect(problems).toEqual([])
  })
})

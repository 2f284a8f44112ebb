import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { BrowserContext, Page } from "playwright-core"
import { launchBrowser, repToken, screenshot, signIn, startBackend, type Backend } from "./harness"
import { hostPageView, sidebarRoot } from "./sidebar-locator"

// The whole path a rep takes: sign in on the options page, open a page, see the person.
describe("the sidebar in Chromium with the built extension", () => {
  let backend: Backend
  let context: BrowserContext
  let extensionId: string

  beforeAll(async () => {
    backend = await startBackend()
    ;({ context, extensionId } = await launchBrowser())
    const options = await signIn(context, extensionId, backend.url, repToken(backend))
    await screenshot(options, "options-signed-in")
    await options.close()
  })
  afterAll(async () => {
    await context?.close()
    await backend?.stop()
  })

  const sidebar = (page: Page) => sidebarRoot(page)

  it("shows the sender of an open Gmail thread with score and history, and follows in-page navigation", async () => {
    const page = await context.newPage()
    await page.goto(`${backend.url}/demo/gmail#inbox`)
    // The inbox list has nobody to show: no sidebar frame at all.
    await page.waitForTimeout(800)
    expect(await sidebar(page).count()).toBe(0)

    await page.getByText("Renewal scope for Q1").click()
    const panel = sidebar(page).getByRole("complementary", { name: "Relay" })
    await expect.poll(() => panel.getByRole("heading", { name: "Marisol Quintero" }).count(), { timeout: 20_000 }).toBe(1)
    await expect.poll(() => panel.getByText("VP Revenue Operations").count()).toBeGreaterThan(0)
    await expect.poll(() => panel.getByText(/attended webinar 'Scaling RevOps'/).count()).toBeGreaterThan(0)
    await expect.poll(() => panel.getByText(/follow up within 24 h/i).count()).toBeGreaterThan(0)
    await screenshot(page, "gmail-thread")

    // The host page keeps its layout: the sidebar is a frame docked right (the page makes room with a stylesheet).
    expect(await page.evaluate(() => document.body.style.cssText)).toBe("")

    // ...and cannot read it: the frame is Relay's own page, another origin, so Gmail's own scripts (the main world)
    // see one iframe element and nothing inside it, while Playwright (like the rep) sees the whole sidebar.
    const seen = await hostPageView(page)
    expect(seen.framePresent).toBe(true)
    expect(seen.contentDocument).toBeNull()
    expect(seen.readable).toBe(false)
    expect(seen.hookVisible).toBe(false)
    expect(seen.frameText).toBe("")
    for (const text of ["VP Revenue Operations", "Scaling RevOps", "Lead score", "follow up within"]) {
      expect(seen.bodyText).not.toContain(text)
      expect(seen.documentText).not.toContain(text)
      expect(await panel.getByText(text).count()).toBeGreaterThan(0)
    }
    // The sidebar's React runs in the extension's own renderer process, not on Gmail's main thread.
    const cdp = await context.newCDPSession(page)
    const { targetInfos } = (await cdp.send("Target.getTargets")) as { targetInfos: { type: string; url: string }[] }
    await cdp.detach()
    expect(targetInfos.filter((t) => t.type === "iframe" && t.url === `chrome-extension://${extensionId}/tabs/sidebar.html`)).toHaveLength(1)

    // Typing in the sidebar never reaches the host page's keyboard shortcuts (Gmail: "c" composes, "r" replies):
    // the frame is a document of its own, its key events stay in it.
    await page.evaluate(() => {
      ;(window as unknown as { keys: string[] }).keys = []
      for (const type of ["keydown", "keypress", "keyup"])
        window.addEventListener(type, (e) => (window as unknown as { keys: string[] }).keys.push((e as KeyboardEvent).key), true)
    })
    await panel.getByRole("tab", { name: "Content" }).click()
    await panel.getByLabel("Search content").pressSequentially("cr")
    expect(await panel.getByLabel("Search content").inputValue()).toBe("cr")
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual([])
    await panel.getByRole("tab", { name: "Overview" }).click()

    // Back to the inbox (nobody on screen: the sidebar has nobody to show), then another thread.
    await page.getByRole("link", { name: "Back to Inbox" }).click()
    await expect.poll(() => panel.getByRole("heading", { name: "Marisol Quintero" }).count()).toBe(0)
    await page.getByText("Pilot results from the Rotterdam depot").click()
    await expect.poll(() => panel.getByRole("heading", { name: "Tobias Wrenfield" }).count(), { timeout: 20_000 }).toBe(1)
    await screenshot(page, "gmail-next-thread")
    await page.close()
  })

  it("shows the sender on Outlook on the web and the person of a LinkedIn profile", async () => {
    const outlook = await context.newPage()
    await outlook.goto(`${backend.url}/demo/outlook`)
    await expect.poll(() => sidebar(outlook).getByRole("heading", { name: "Tobias Wrenfield" }).count(), { timeout: 20_000 }).toBe(1)
    await screenshot(outlook, "outlook-reading-pane")
    await outlook.close()

    const linkedin = await context.newPage()
    await linkedin.goto(`${backend.url}/demo/linkedin/in/marisol-quintero-revops`)
    await expect.poll(() => sidebar(linkedin).getByRole("heading", { name: "Marisol Quintero" }).count(), { timeout: 20_000 }).toBe(1)
    await expect
      .poll(() =>
        sidebar(linkedin)
          .getByText(/Lead score/i)
          .count(),
      )
      .toBeGreaterThan(0)
    await screenshot(linkedin, "linkedin-profile")
    await linkedin.getByRole("link", { name: "Message" }).first().click()
    await expect.poll(() => sidebar(linkedin).getByRole("heading", { name: "Dario Faulkner" }).count(), { timeout: 20_000 }).toBe(1)
    await screenshot(linkedin, "linkedin-messaging")
    await linkedin.close()
  })
})

import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { BrowserContext, Page, Worker } from "playwright-core"
import { launchBrowser, repToken, screenshot, signIn, startBackend, type Backend } from "./harness"
import { FRAME, sidebarPanel } from "./sidebar-locator"

// The keyboard shortcut's route on a page with nobody on it (worker → chrome.scripting → the shell adds its frame)
// cannot be pressed here: headless Chromium's key presses never reach chrome.commands. The popup's "Open Relay on
// this page" takes that route (src/background/sidebar-tabs.ts, commandActiveTab), so clicking it tests the shortcut's
// path. The popup page opens in a popup-type window of its own, as the toolbar would show it, so that the demo page
// stays the active tab of the last focused normal window, which is what the worker acts on.
describe("Open Relay on this page, from the popup", () => {
  let backend: Backend
  let context: BrowserContext
  let extensionId: string
  let worker: Worker

  beforeAll(async () => {
    backend = await startBackend()
    ;({ context, extensionId } = await launchBrowser())
    worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`))!
    await (await signIn(context, extensionId, backend.url, repToken(backend))).close()
  })
  afterAll(async () => {
    await context?.close()
    await backend?.stop()
  })

  /** The popup page in a window of its own, created by the worker as an extension would. */
  async function openPopup(): Promise<Page> {
    const opened = context.waitForEvent("page", { predicate: (p) => p.url().endsWith("/popup.html"), timeout: 15_000 })
    await worker.evaluate(`chrome.windows.create({ url: "popup.html", type: "popup", width: 360, height: 360 })`)
    const popup = await opened
    // The window's size, as the toolbar's popup would be (Playwright gives every page the context's viewport).
    await popup.setViewportSize({ width: 360, height: 360 })
    await popup.getByRole("heading", { name: "Relay" }).waitFor()
    // The popup's window is the one in front: the worker looks past it, to the page behind (src/background/active-tab.ts).
    expect(await worker.evaluate(`chrome.windows.getLastFocused({ populate: true }).then((w) => w.type + " " + w.tabs[0].url)`)).toBe(
      `popup chrome-extension://${extensionId}/popup.html`,
    )
    return popup
  }

  it("opens the sidebar on a demo Gmail inbox with nobody on screen", async () => {
    const page = await context.newPage()
    await page.goto(`${backend.url}/demo/gmail#inbox`)
    await page.getByText("Renewal scope for Q1").waitFor()
    // Nobody on screen: the shell has added no frame.
    await page.waitForTimeout(800)
    expect(await page.locator(FRAME).count()).toBe(0)

    const popup = await openPopup()
    const button = popup.getByRole("button", { name: "Open Relay on this page" })
    await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true)
    await screenshot(popup, "popup-open-relay")
    // The popup closes itself once the sidebar is there.
    const closed = popup.waitForEvent("close", { timeout: 15_000 })
    await button.click()
    await closed

    await expect.poll(() => page.locator(FRAME).count(), { timeout: 15_000 }).toBe(1)
    const panel = sidebarPanel(page)
    await expect.poll(() => panel.count(), { timeout: 20_000 }).toBe(1)
    // Open (the panel, not the slim tab or nothing): the shell sized the frame to the panel's width.
    await expect.poll(async () => (await page.locator(FRAME).boundingBox())?.width, { timeout: 10_000 }).toBe(360)
    expect(await panel.isVisible()).toBe(true)
    await screenshot(page, "gmail-inbox-opened-from-popup")
    await page.close()
  })

  it("is off, with a reason, on a page Relay does not run on", async () => {
    const page = await context.newPage()
    // The backend's own page: Relay may reach this origin (the demo host), but no content script runs here.
    await page.goto(`${backend.url}/api/v1/health`)
    const popup = await openPopup()
    const button = popup.getByRole("button", { name: "Open Relay on this page" })
    await button.waitFor()
    expect(await button.isDisabled()).toBe(true)
    expect(await popup.getByText("Relay opens on Gmail, Outlook on the web and LinkedIn.").isVisible()).toBe(true)
    await screenshot(popup, "popup-not-a-relay-page")
    await popup.close()
    await page.close()
  })
})

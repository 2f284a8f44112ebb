import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { BrowserContext, Page } from "playwright-core"
import { launchBrowser, repToken, screenshot, signIn, startBackend, type Backend } from "./harness"
import { sidebarPanel, sidebarRoot } from "./sidebar-locator"

// Issue: "a sidebar that covers nothing". At 1280×800 with the sidebar open, every host control the rep needs
// (the app's main pane, its own right-side panels, Gmail's compose window, LinkedIn's messaging overlay) lies
// left of the panel; collapsed, the page has its width back and Relay is a slim tab.
const WIDTH = 1280
const PANEL = 360
const TAB = 28

type Box = { x: number; y: number; width: number; height: number }

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox()
  if (!b) throw new Error(`${selector} is not on screen`)
  return b
}

/** The sidebar's host element (the shadow host sits in the page's DOM; its content is closed). */
const sidebarBox = (page: Page) => box(page, "#relay-sidebar")

/** Every host element lies fully left of the panel, and none is pushed off the left edge. */
async function expectUncovered(page: Page, selectors: string[]) {
  const panel = await sidebarBox(page)
  expect(panel.width).toBe(PANEL)
  expect(panel.x).toBe(WIDTH - PANEL)
  for (const selector of selectors) {
    const b = await box(page, selector)
    expect({ selector, right: Math.round(b.x + b.width) <= panel.x, left: b.x >= 0 }).toEqual({ selector, right: true, left: true })
  }
}

/** Collapses the panel: the page gets its width back but for the slim tab's own strip, which covers nothing. */
async function collapseAndCheck(page: Page, widest: string, name: string) {
  await sidebarPanel(page).getByRole("button", { name: "Collapse Relay" }).click()
  await expect.poll(async () => (await sidebarBox(page)).width, { timeout: 10_000 }).toBe(TAB)
  const tab = await sidebarBox(page)
  expect(tab.x).toBe(WIDTH - TAB)
  const b = await box(page, widest)
  expect(b.x + b.width).toBeGreaterThan(WIDTH - PANEL + 100)
  expect(b.x + b.width).toBeLessThanOrEqual(WIDTH - TAB)
  await screenshot(page, `${name}-collapsed`)
  await sidebarRoot(page).getByRole("button", { name: "Open Relay" }).click()
  await expect.poll(async () => (await sidebarBox(page)).width, { timeout: 10_000 }).toBe(PANEL)
}

describe("the open sidebar covers nothing of the host page", () => {
  let backend: Backend
  let context: BrowserContext

  beforeAll(async () => {
    backend = await startBackend()
    let extensionId: string
    ;({ context, extensionId } = await launchBrowser())
    await (await signIn(context, extensionId, backend.url, repToken(backend))).close()
  })
  afterAll(async () => {
    await context?.close()
    await backend?.stop()
  })

  async function open(url: string, name: string): Promise<Page> {
    const page = await context.newPage()
    await page.setViewportSize({ width: WIDTH, height: 800 })
    await page.goto(`${backend.url}${url}`)
    await expect.poll(() => sidebarPanel(page).getByRole("heading", { name }).count(), { timeout: 20_000 }).toBeGreaterThan(0)
    await expect.poll(async () => (await sidebarBox(page)).width, { timeout: 10_000 }).toBe(PANEL)
    return page
  }

  it("Gmail: the thread, the side panel and an open compose window stay left of the panel", async () => {
    const page = await open("/demo/gmail#inbox/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd?compose=new", "Anneke Solberg")
    await expectUncovered(page, [
      'div[role="main"]',
      'div[role="complementary"]',
      'div[role="dialog"][aria-label="New Message"]',
      '[role="button"][aria-label="Send"]',
      "a.acct",
    ])
    await screenshot(page, "placement-gmail-open")
    // The compose's Send button is reachable: a real click lands on it, not on Relay.
    const send = await box(page, '[role="button"][aria-label="Send"]')
    expect(
      await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute("aria-label"), [send.x + send.width / 2, send.y + send.height / 2]),
    ).toBe("Send")
    await collapseAndCheck(page, 'div[role="complementary"]', "placement-gmail")
    await page.close()
  })

  it("Outlook: the folders, the message list and the reading pane stay left of the panel", async () => {
    const page = await open("/demo/outlook", "Tobias Wrenfield")
    await expectUncovered(page, ['[data-app-section="NavigationPane"]', '[data-app-section="MessageList"]', "#ReadingPaneContainerId", "#O365_MainLink_Me"])
    await screenshot(page, "placement-outlook-open")
    await collapseAndCheck(page, "#ReadingPaneContainerId", "placement-outlook")
    await page.close()
  })

  it("LinkedIn: the profile, the right column and the messaging overlay stay left of the panel", async () => {
    const page = await open("/demo/linkedin/in/marisol-quintero-revops", "Marisol Quintero")
    await expectUncovered(page, [
      "main.scaffold-layout__main",
      "aside.scaffold-layout__aside",
      "#msg-overlay",
      '#msg-overlay button[aria-label="Compose message"]',
    ])
    await screenshot(page, "placement-linkedin-open")
    await collapseAndCheck(page, "#msg-overlay", "placement-linkedin")
    await page.close()
  })
})

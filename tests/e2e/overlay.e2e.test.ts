import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { BrowserContext, Page } from "playwright-core"
import { privateKeyFrom, signOverlay } from "../../src/server/sites/signing"
import { sitesKeyFile } from "./env"
import { launchBrowser, repToken, screenshot, signIn, startBackend, type Backend } from "./harness"
import { OUTLOOK_REDESIGN_PAGE, redesignOverlay } from "./outlook-redesign"
import { sidebarRoot } from "./sidebar-locator"

// Outlook ships markup Relay's selectors do not know: nobody is found. An admin publishes a signed
// selector overlay on the backend; the same extension build, unchanged, finds the sender again. A
// tampered overlay that follows is ignored, with a warning in the popup, and the good one stays in use.
describe("a selector fix without a store release", () => {
  let backend: Backend
  let context: BrowserContext
  let extensionId: string

  beforeAll(async () => {
    backend = await startBackend()
    ;({ context, extensionId } = await launchBrowser())
    await (await signIn(context, extensionId, backend.url, repToken(backend))).close()
  })
  afterAll(async () => {
    await context?.close()
    await backend?.stop()
  })

  const publish = (signed: unknown) => writeFileSync(join(backend.dataDir, "sites-config.json"), JSON.stringify(signed))
  const sign = (overlay: object) => signOverlay(JSON.stringify(overlay), privateKeyFrom(readFileSync(sitesKeyFile, "utf8")))
  const checkNow = async () => {
    const popup = await context.newPage()
    await popup.goto(`chrome-extension://${extensionId}/popup.html`)
    const section = popup.getByRole("region", { name: "Selector updates" })
    await section.waitFor({ timeout: 20_000 })
    await section.getByRole("button", { name: "Check now" }).click()
    await section.getByRole("button", { name: "Check now" }).waitFor()
    return popup
  }
  const redesignedOutlook = async () => {
    const page = await context.newPage()
    // The page's own script changes its markup before Relay's content script looks (document_idle).
    await page.addInitScript({ content: `document.addEventListener("DOMContentLoaded", function () { ${OUTLOOK_REDESIGN_PAGE} })` })
    await page.goto(`${backend.url}/demo/outlook`)
    return page
  }
  const heading = (page: Page) => sidebarRoot(page).getByRole("heading", { name: "Tobias Wrenfield" })

  it("finds nobody on the changed page, then the sender once a signed overlay is published", async () => {
    const page = await redesignedOutlook()
    expect(await page.locator("div.persona-2027[data-lpc-hover-target-id]").count()).toBeGreaterThan(0)
    expect(await page.locator('[title*="@"]').count()).toBe(1) // the viewer in the folder pane, never a contact
    await page.waitForTimeout(3000)
    expect(await sidebarRoot(page).count()).toBe(0)
    await screenshot(page, "overlay-before")

    publish(sign(redesignOverlay(1)))
    const popup = await checkNow()
    await popup.getByText("Selector update 1 in use: Outlook personas as div (build 2027)").waitFor({ timeout: 20_000 })
    await screenshot(popup, "overlay-popup-applied")
    await popup.close()

    await page.reload()
    await heading(page)
      .waitFor({ timeout: 20_000 })
      .catch(async (e) => {
        await screenshot(page, "overlay-failed")
        throw e
      })
    expect(await page.locator("div.persona-2027").count()).toBeGreaterThan(0) // still the changed markup
    await screenshot(page, "overlay-after")
    await page.close()
  })

  it("ignores a tampered overlay with a warning in the popup, and keeps the good one", async () => {
    const good = sign(redesignOverlay(2))
    publish({ ...good, payload: good.payload.replace("div.persona-2027[data-lpc-hover-target-id]", "body") })
    const popup = await checkNow()
    const alert = popup.getByRole("alert")
    await alert.waitFor({ timeout: 20_000 })
    expect(await alert.textContent()).toMatch(/Selector update ignored: the selector update's signature does not match Relay's key/)
    expect(await popup.getByText("Selector update 1 in use").count()).toBe(1)
    await screenshot(popup, "overlay-popup-tampered")
    await popup.close()

    const page = await redesignedOutlook()
    await heading(page).waitFor({ timeout: 20_000 })
    await page.close()
  })
})

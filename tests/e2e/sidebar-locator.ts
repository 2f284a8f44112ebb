// Reaching the sidebar from the tests. It is an extension page in an iframe the site's shell adds to the host page
// (src/sidebar/frame.ts): cross-origin to the host and, with site isolation, in the extension's own process.
// Playwright follows such out-of-process frames, so its own frame locators reach in: real locators, real clicks.
import type { Page } from "playwright-core"

export const FRAME = "iframe#relay-sidebar"

/** The sidebar page's document; `count()` is 0 until the shell has added the frame. */
export const sidebarRoot = (page: Page) => page.frameLocator(FRAME).locator(":root")
/** The sidebar panel: `<aside aria-label="Relay">`. */
export const sidebarPanel = (page: Page) => sidebarRoot(page).getByRole("complementary", { name: "Relay" })

/** What the host page's own scripts can learn about the sidebar from the main world. */
export async function hostPageView(page: Page) {
  return page.evaluate((selector) => {
    const frame = document.querySelector<HTMLIFrameElement>(selector)
    let readable = false
    try {
      readable = !!frame?.contentWindow?.document
    } catch {
      // cross-origin: a SecurityError, as it should be
    }
    return {
      framePresent: !!frame,
      contentDocument: frame ? frame.contentDocument : undefined,
      readable,
      hookVisible: "__relayTest" in globalThis || "__relay" in globalThis || Symbol.for("relay.shell") in globalThis,
      bodyText: document.body.innerText,
      documentText: document.documentElement.innerText,
      frameText: frame ? frame.textContent : "",
    }
  }, FRAME)
}

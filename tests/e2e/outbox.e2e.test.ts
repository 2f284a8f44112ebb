import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import type { BrowserContext, Page } from "playwright-core"
import { showcaseContacts } from "../../src/server/seed/showcase"
import { launchBrowser, repToken, screenshot, signIn, startBackend, type Backend } from "./harness"
import { sidebarPanel } from "./sidebar-locator"

const marisol = showcaseContacts.find((c) => c.firstName === "Marisol")!
const tobias = showcaseContacts.find((c) => c.firstName === "Tobias")!
const threads = { [marisol.id]: "#inbox/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd", [tobias.id]: "#inbox/FMfcgzQbfLmwPQRsTvWxKjHgFdSaZcMn" }
const name = (c: typeof marisol) => `${c.firstName} ${c.lastName}`

// Never lose a log: the backend is down while the rep logs, the browser restarts in between, and
// every call still arrives exactly once.
describe("logging with the backend down and a browser restart", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "relay-e2e-outbox-"))
  const profileDir = mkdtempSync(join(tmpdir(), "relay-profile-outbox-"))
  let backend: Backend | undefined
  let context: BrowserContext | undefined
  afterAll(async () => {
    await context?.close()
    await backend?.stop()
  })

  const panel = (page: Page) => sidebarPanel(page)
  const openThread = async (page: Page, contact: typeof marisol) => {
    await page.evaluate((hash) => {
      location.hash = hash
    }, threads[contact.id]!)
    await panel(page)
      .getByRole("heading", { name: name(contact) })
      .waitFor({ timeout: 20_000 })
      .catch(async (e) => {
        await screenshot(page, `outbox-failed-${contact.firstName}`)
        throw e
      })
  }
  const logCall = async (page: Page, double = false) => {
    await panel(page).getByRole("button", { name: "Log call" }).click()
    const save = panel(page).getByRole("button", { name: "Save call" })
    if (double) await save.dblclick()
    else await save.click()
    await panel(page)
      .getByText(/Call logged/)
      .waitFor()
  }
  const calls = async (contactId: string) => {
    const r = await fetch(`${backend!.url}/api/v1/contacts/${contactId}/events?type=call&limit=100`, {
      headers: { authorization: `Bearer ${repToken(backend!)}` },
    })
    expect(r.status).toBe(200)
    return ((await r.json()) as { items: unknown[] }).items.length
  }

  it("keeps 20 calls through the outage and the restart, and sends each exactly once", async () => {
    backend = await startBackend(dataDir)
    const token = repToken(backend)
    const first = await launchBrowser(profileDir)
    context = first.context
    await (await signIn(first.context, first.extensionId, backend.url, token)).close()
    const page = await context!.newPage()
    await page.goto(`${backend.url}/demo/gmail#inbox`)
    // Seen once while online, so the sidebar has them in the worker's cache for the outage.
    await openThread(page, marisol)
    await openThread(page, tobias)
    expect(await calls(marisol.id)).toBe(0)
    expect(await calls(tobias.id)).toBe(0)

    await backend.stop()
    for (const contact of [tobias, marisol]) {
      await openThread(page, contact)
      for (let i = 0; i < 10; i++) await logCall(page)
    }
    await panel(page).getByText("20 waiting to sync").waitFor({ timeout: 20_000 })
    await screenshot(page, "outbox-offline-20-waiting")

    // Restart the browser with the same profile, then bring the backend back.
    await context!.close()
    ;({ context } = await launchBrowser(profileDir))
    backend = await startBackend(dataDir)
    // The rep opens their mail again: the first answer from the backend sends what waited.
    const again = await context!.newPage()
    await again.goto(`${backend.url}/demo/gmail${threads[marisol.id]}`)
    await expect.poll(async () => (await calls(marisol.id)) + (await calls(tobias.id)), { timeout: 120_000, interval: 1000 }).toBe(20)
    expect(await calls(marisol.id)).toBe(10)
    expect(await calls(tobias.id)).toBe(10)
    await panel(again)
      .getByRole("heading", { name: name(marisol) })
      .waitFor({ timeout: 20_000 })
    await expect
      .poll(
        () =>
          panel(again)
            .getByText(/waiting to sync/)
            .count(),
        { timeout: 30_000 },
      )
      .toBe(0)

    // A double-click on "Save call" logs one call, not two.
    await logCall(again, true)
    await expect.poll(() => calls(marisol.id), { timeout: 30_000 }).toBe(11)
    await new Promise((r) => setTimeout(r, 3000))
    expect(await calls(marisol.id)).toBe(11)
    expect(await calls(tobias.id)).toBe(10)
    await screenshot(again, "outbox-synced")
  })
})

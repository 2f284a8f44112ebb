import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { BrowserContext } from "playwright-core"
import { showcaseContacts } from "../../src/server/seed/showcase"
import { launchBrowser, repToken, screenshot, signIn, startBackend, type Backend } from "./harness"
import { sidebarPanel } from "./sidebar-locator"

const anneke = showcaseContacts.find((c) => c.firstName === "Anneke")!

// The rep writes to Anneke in Gmail, picks the top recommended asset in the sidebar and inserts it:
// the tracked link lands at the caret, the share reaches the backend through the outbox, and the
// link redirects to the asset.
describe("enablement content in Chromium with the built extension", () => {
  let backend: Backend
  let context: BrowserContext
  let extensionId: string

  beforeAll(async () => {
    backend = await startBackend()
    ;({ context, extensionId } = await launchBrowser())
    const options = await signIn(context, extensionId, backend.url, repToken(backend))
    await options.close()
  })
  afterAll(async () => {
    await context?.close()
    await backend?.stop()
  })

  const api = (path: string) => fetch(`${backend.url}${path}`, { headers: { authorization: `Bearer ${repToken(backend)}` } })

  it("inserts the top recommendation's tracked link at the caret of a Gmail compose, records the share and redirects", async () => {
    expect(anneke.id).toBe("00000000-0000-4000-8000-000000000103")
    const page = await context.newPage()
    await page.goto(`${backend.url}/demo/gmail#inbox?compose=new`)
    const panel = sidebarPanel(page)
    await panel.getByRole("heading", { name: "Anneke Solberg" }).first().waitFor({ timeout: 20_000 })

    // The caret right after "Hi Anneke," in the message body.
    const body = page.locator('[aria-label="Message Body"][contenteditable="true"]')
    await body.click({ position: { x: 12, y: 8 } })
    await page.evaluate(() => {
      const el = document.querySelector('[aria-label="Message Body"][contenteditable="true"]')!
      const r = document.createRange()
      r.setStart(el.firstChild!, "Hi Anneke,".length)
      r.collapse(true)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(r)
    })

    await panel.getByRole("tab", { name: "Content" }).click()
    await panel.getByRole("heading", { name: "Recommended for Anneke" }).waitFor({ timeout: 20_000 })
    const top = panel.getByRole("article").first()
    await top.waitFor({ timeout: 20_000 }).catch(async (e) => {
      await screenshot(page, "content-failed")
      throw e
    })
    const title = (await top.getByRole("heading").textContent())!.trim()
    const insert = top.getByRole("button", { name: "Insert" })
    await expect.poll(() => insert.isEnabled(), { timeout: 10_000 }).toBe(true)
    await insert.click()

    await panel.getByRole("status").filter({ hasText: "Link inserted" }).waitFor({ timeout: 10_000 })
    const link = body.locator('a[href*="/r/"]')
    await expect.poll(() => link.count()).toBe(1)
    expect(await link.textContent()).toBe(title)
    const href = (await link.getAttribute("href"))!
    expect(href).toMatch(new RegExp(`^${backend.url}/r/[A-Za-z0-9_-]{22}$`))
    // At the caret, not at the end: the greeting, then the link.
    expect(await body.evaluate((el) => el.textContent)).toMatch(new RegExp(`^Hi Anneke, ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`))
    await screenshot(page, "content-insert")

    // The share reaches the backend through the worker's outbox.
    const code = href.split("/r/")[1]
    let share: { id: string; assetId: string; channel: string; code: string; assetTitle: string } | undefined
    await expect
      .poll(
        async () => {
          const r = await api(`/api/v1/shares?contactId=${anneke.id}`)
          share = ((await r.json()) as { items: NonNullable<typeof share>[] }).items.find((s) => s.code === code)
          return !!share
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true)
    expect(share).toMatchObject({ channel: "gmail", assetTitle: title })

    // Following the link: a redirect to the asset itself.
    const asset = (await (await api(`/api/v1/assets/${share!.assetId}`)).json()) as { url: string }
    const res = await fetch(href, { redirect: "manual" })
    expect(res.status).toBe(302)
    expect(res.headers.get("location")).toBe(asset.url)

    // The list under the recommendations shows it, ready for "Helped / Didn't help".
    const shared = panel.getByRole("region", { name: "Shared with Anneke" })
    await expect.poll(() => shared.getByRole("listitem", { name: title }).count(), { timeout: 10_000 }).toBe(1)
    await shared.scrollIntoViewIfNeeded()
    await screenshot(page, "content-shared")
    await page.close()
  })
})

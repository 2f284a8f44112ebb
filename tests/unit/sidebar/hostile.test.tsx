// @vitest-environment jsdom
// Remote strings a hostile or careless author could store through the API (a contact's name, an
// asset's title or URL, a rep's note, a server's error message) reach the rep as text in every place
// the sidebar shows them: never markup, never a clickable javascript: link, never a script run.
import { act, cleanup, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { Asset, Recommendation, ShareListItem } from "../../../src/shared/contracts/assets"
import { ContactContext } from "../../../src/shared/contracts/contacts"
import type { OutboxItemView } from "../../../src/shared/messages"
import { insertLink } from "../../../src/sites/compose"
import { publish } from "../../../src/sidebar/relay-channel"
import { useSessionShares } from "../../../src/sidebar/features/content/session-shares"
import { FakeWorker, ok } from "./fake-worker"
import { danaContext, ids, people, threadWith } from "./fixtures"
import { renderSidebar } from "./render"

const IMG = "<img src=x onerror=alert(1)>"
const JS = "javascript:alert(1)"

// Parsed with the API's own contracts: this is data the backend can hand the worker.
const hostileContext = ContactContext.parse({
  ...danaContext,
  contact: {
    ...danaContext.contact,
    name: `Dana ${IMG}`,
    firstName: `Dana ${IMG}`,
    title: `VP ${IMG}`,
    company: JS,
    industry: IMG,
    owner: { ...danaContext.contact.owner!, name: `Sam ${IMG}` },
    bant: { budget: `Budget ${IMG}`, authority: JS, need: null, timeline: null },
  },
  score: {
    ...danaContext.score,
    reasons: [
      { kind: "fit", points: 12, text: `+12 industry is ${IMG}` },
      { kind: "engagement", points: 8, text: `+8 visited ${JS}` },
    ],
  },
  events: [
    {
      id: "e-1",
      side: "marketing",
      type: "page_visit",
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      title: `Visited ${JS}`,
      detail: IMG,
      by: null,
    },
    {
      id: "a-1",
      side: "sales",
      type: "call",
      occurredAt: new Date(Date.now() - 120_000).toISOString(),
      title: `Call ${IMG}`,
      detail: `notes ${JS}`,
      by: `Rep ${IMG}`,
    },
  ],
  nextCursor: null,
  counts: { marketing: 1, sales: 1, byType: { page_visit: 1, call: 1 } },
})

const failedLog: OutboxItemView = {
  id: "00000000-0000-4000-8000-000000000901",
  kind: "activity",
  contactId: ids.dana,
  createdAt: new Date().toISOString(),
  state: "failed",
  attempts: 1,
  error: `The backend said: ${IMG}`,
  summary: `Logged a call: ${IMG}`,
}

const hostileAsset = Asset.parse({
  id: "00000000-0000-4000-8000-000000000001",
  title: `Case study ${IMG}`,
  url: "https://content.example/1",
  kind: "case_study",
  description: `Read it at ${JS}`,
  stages: [],
  personas: [],
  industries: [],
  topics: [],
  archived: false,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
})
// The asset contract refuses javascript: URLs on the way in; this one stands for an older row or a
// compromised backend, to show the sidebar still never turns it into a link.
const jsAsset: Asset = { ...hostileAsset, id: "00000000-0000-4000-8000-000000000002", title: `Battle card ${JS}`, url: JS }
const recommendations: Recommendation[] = [
  { asset: hostileAsset, score: 3, reasons: [`fits ${IMG}`] },
  { asset: jsAsset, score: 2, reasons: [JS] },
]
const sharedEarlier = ShareListItem.parse({
  id: "00000000-0000-4000-8000-000000000050",
  assetId: hostileAsset.id,
  contactId: ids.dana,
  channel: "gmail",
  sharedAt: new Date(Date.now() - 86_400_000).toISOString(),
  code: "AbCdEfGhIjKlMnOpQrStUv",
  url: "http://localhost:8787/r/AbCdEfGhIjKlMnOpQrStUv",
  assetTitle: `Pricing ${IMG}`,
  assetKind: "pricing_guide",
  sharedBy: `Sam ${IMG}`,
  byMe: false,
  myFeedback: null,
})

let alert: ReturnType<typeof vi.fn>
beforeEach(() => {
  alert = vi.fn()
  vi.stubGlobal("alert", alert)
  useSessionShares.setState({ shares: [], feedback: {} })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  document.body.innerHTML = ""
})

/** Nothing the strings could have become: no element from their markup, no javascript: target, no script run. */
function expectInert() {
  expect(document.querySelectorAll("img, script, iframe, object, embed, [onerror], [onclick]")).toHaveLength(0)
  for (const el of document.querySelectorAll("[href], [src], [action], [formaction], [srcdoc]")) {
    for (const attr of ["href", "src", "action", "formaction", "srcdoc"]) {
      expect(el.getAttribute(attr) ?? "").not.toMatch(/^\s*javascript:/i)
    }
  }
  expect(alert).not.toHaveBeenCalled()
}

/** `text` shown as one element's text (testing-library matches an element's own text nodes). */
const shows = (scope: HTMLElement, text: string) =>
  expect(
    within(scope).getAllByText((_, el) => !!el && el.textContent === text && [...el.children].every((c) => c.textContent !== text)).length,
  ).toBeGreaterThan(0)

describe("hostile strings in the sidebar", () => {
  it("contact header, score reasons and timeline show them as text", async () => {
    const { container } = renderSidebar(threadWith(people.dana), { contacts: [hostileContext] })
    expect(await screen.findByRole("heading", { name: `Dana ${IMG}` })).toBeTruthy()
    shows(container, `VP ${IMG} · ${JS}`)
    shows(container, `Owner: Sam ${IMG}`)

    const reasons = within(screen.getByRole("region", { name: "Lead score" })).getByRole("list", { name: "Why this score" })
    expect(
      within(reasons)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([`+12 industry is ${IMG}`, `+8 visited ${JS}`])

    const history = screen.getByRole("region", { name: "History" })
    for (const text of [`Visited ${JS}`, IMG, `Call ${IMG}`, `notes ${JS}`]) shows(history, text)
    expect(history.textContent).toContain(`Rep ${IMG}`)
    expectInert()
  })

  it("search results and a page's own detected names show them as text", async () => {
    const user = userEvent.setup()
    renderSidebar(threadWith({ email: "someone@unknown.example", name: `Someone ${IMG}`, role: "from" }), { contacts: [hostileContext] })
    const box = await screen.findByRole("searchbox", { name: "Search contacts" })
    expect(document.body.textContent).toContain(`Someone ${IMG}`)
    await user.type(box, "dana")
    const results = await screen.findByRole("list", { name: "Search results" })
    const [option] = within(results).getAllByRole("button")
    expect(option!.textContent).toContain(`Dana ${IMG}`)
    expect(option!.textContent).toContain(`VP ${IMG} · ${JS}`)
    expectInert()
  })

  it("handoff and qualification show them as text", async () => {
    const user = userEvent.setup()
    renderSidebar(threadWith(people.dana), { contacts: [hostileContext] })
    const handoff = await screen.findByRole("region", { name: "Handoff" })
    await user.click(within(handoff).getByRole("button", { name: "Accept" }))
    shows(handoff, `Accepted — Dana ${IMG} is now SQL.`)

    await user.click(screen.getByRole("tab", { name: "Qualify" }))
    expect((await screen.findByDisplayValue(`Budget ${IMG}`)).tagName).toMatch(/INPUT|TEXTAREA/)
    expect(screen.getByDisplayValue(JS)).toBeTruthy()
    expectInert()
  })

  it("the log confirmation and a refused item in the outbox show them as text", async () => {
    const user = userEvent.setup()
    const worker = new FakeWorker({ contacts: [hostileContext], outbox: [failedLog] })
    const { container } = renderSidebar(threadWith(people.dana), worker)
    await screen.findByRole("heading", { name: `Dana ${IMG}` })
    await waitFor(() => shows(container, `The backend said: ${IMG}`))
    expect(container.textContent).toContain(`Logged a call: ${IMG}`)

    await user.click(screen.getByRole("button", { name: "Log call" }))
    await user.click(screen.getByRole("button", { name: "Save call" }))
    await waitFor(() => expect(container.textContent).toMatch(/Call logged/))
    expect(container.textContent).toContain(`Dana ${IMG}`)
    expectInert()
  })

  it("content cards, reasons and shares show them as text, and a javascript: asset URL never becomes a link", async () => {
    const user = userEvent.setup()
    const worker = new FakeWorker({ contacts: [hostileContext], content: { recommendations, assets: [hostileAsset, jsAsset], shares: [sharedEarlier] } })
    renderSidebar({ ...threadWith(people.dana), view: "thread" }, worker)
    await screen.findByRole("heading", { name: `Dana ${IMG}` })
    await user.click(screen.getByRole("tab", { name: "Content" }))
    const first = await screen.findByRole("article", { name: `Case study ${IMG}` })
    shows(first, `Read it at ${JS}`)
    shows(first, `fits ${IMG}`)
    const second = screen.getByRole("article", { name: `Battle card ${JS}` })
    shows(second, JS)
    expect(second.querySelector("a")).toBeNull()
    const shared = await screen.findByRole("region", { name: /^Shared with/ })
    await waitFor(() => expect(within(shared).getByRole("listitem", { name: `Pricing ${IMG}` })).toBeTruthy())
    expectInert()
  })

  it("a tracked link that is not http(s) is never inserted into the rep's message", () => {
    const wrapper = document.createElement("div")
    wrapper.innerHTML =
      '<div role="dialog"><div class="Am Al editable" contenteditable="true" role="textbox" aria-label="Message Body" g_editable="true">Hi Dana, </div></div>' // fixture markup
    document.body.append(wrapper)
    const host = wrapper.querySelector<HTMLElement>('[aria-label="Message Body"]')!
    expect(insertLink(host, { url: JS, text: `Battle card ${IMG}` })).toBe(false)
    expect(insertLink(host, { url: " JavaScript:alert(1)", text: "x" })).toBe(false)
    expect(insertLink(host, { url: "data:text/html,<script>alert(1)</script>", text: "x" })).toBe(false)
    expect(host.querySelector("a")).toBeNull()
    expect(host.textContent).toBe("Hi Dana, ")
    // An http(s) tracked link still goes in, its title as text.
    expect(insertLink(host, { url: "https://relay.example/r/AbCdEfGhIjKlMnOpQrStUv", text: `Battle card ${IMG}` })).toBe(true)
    const a = host.querySelector("a")!
    expect(a.getAttribute("href")).toBe("https://relay.example/r/AbCdEfGhIjKlMnOpQrStUv")
    expect(a.textContent).toBe(`Battle card ${IMG}`)
    expectInert()
  })

  it("Insert with a backend that answers a javascript: tracked link says so instead of inserting it", async () => {
    const user = userEvent.setup()
    const worker = new FakeWorker({ contacts: [hostileContext], content: { recommendations, assets: [hostileAsset], shares: [] } })
    worker.on("share", () => ok({ queued: true as const, pending: 1, url: JS }))
    const { channel } = renderSidebar({ ...threadWith(people.dana), view: "compose" }, worker)
    await screen.findByRole("heading", { name: `Dana ${IMG}` })
    await user.click(screen.getByRole("tab", { name: "Content" }))
    const card = await screen.findByRole("article", { name: `Case study ${IMG}` })
    act(() => publish(channel, { type: "compose", canInsert: true }))
    const insert = within(card).getByRole("button", { name: "Insert" }) as HTMLButtonElement
    await waitFor(() => expect(insert.disabled).toBe(false))
    await user.click(insert)
    expect((await within(card).findByRole("alert")).textContent).toMatch(/not http or https; Relay does not insert or copy it/)
    // Never even asked of the shell (which refuses it as well: tests/unit/sidebar/shell.test.ts).
    expect(worker.sent("compose.insert")).toEqual([])
    expectInert()
  })
})

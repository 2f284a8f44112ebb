// @vitest-environment jsdom
import { QueryClientProvider } from "@tanstack/react-query"
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { Asset, Recommendation, ShareListItem } from "../../../src/shared/contracts/assets"
import type { PageContext } from "../../../src/shared/page-context"
import type { Request } from "../../../src/shared/messages"
import { ContentTab } from "../../../src/sidebar/features/content/content-tab"
import { useSessionShares } from "../../../src/sidebar/features/content/session-shares"
import { createQueryClient } from "../../../src/sidebar/query-client"
import { publish, relayChannel, type RelayChannel } from "../../../src/sidebar/relay-channel"
import { deferred, FakeWorker, ok, type WorkerData } from "./fake-worker"
import { danaContext, ids, people, uuidPattern } from "./fixtures"
import { renderSidebar, resetSidebar } from "./render"

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`
const asset = (n: number, title: string, kind: string, description = ""): Asset => ({
  id: uuid(n),
  title,
  url: `https://content.example/${n}`,
  kind,
  description,
  stages: [],
  personas: [],
  industries: [],
  topics: [],
  archived: false,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
})
const bluefin = asset(
  1,
  "How Bluefin Finance cut reporting time",
  "case_study",
  "A logistics customer story about forecasting and security reviews, with the numbers their CFO asked for.",
)
const security = asset(2, "Security and compliance one-pager", "one_pager", "SOC 2, SSO, encryption.")
const pricing = asset(3, "Pricing guide", "pricing_guide", "Plans, discounts and what is included.")
const recommendations: Recommendation[] = [
  { asset: bluefin, score: 3.2, reasons: ["fits a VP in logistics", "about forecasting, which the conversation mentions"] },
  { asset: security, score: 2.1, reasons: ["answers a security question in the thread"] },
]
const sharedEarlier: ShareListItem = {
  id: uuid(50),
  assetId: security.id,
  contactId: ids.dana,
  channel: "gmail",
  sharedAt: new Date(Date.now() - 86_400_000).toISOString(),
  code: "AbCdEfGhIjKlMnOpQrStUv",
  url: "http://localhost:8787/r/AbCdEfGhIjKlMnOpQrStUv",
  assetTitle: security.title,
  assetKind: security.kind,
  sharedBy: "Sam Rivera",
  byMe: true,
  myFeedback: null,
}

const page: PageContext = { site: "gmail", view: "thread", people: [people.dana], subject: "Re: pricing", snippet: "Can you send the forecasting numbers?" }
beforeEach(() => {
  useSessionShares.setState({ shares: [], feedback: {} })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

/** The shell found an open compose on the host page (it tells the sidebar through the worker). */
const openCompose = (channel: RelayChannel) => act(() => publish(channel, { type: "compose", canInsert: true }))

function renderContent(data: WorkerData = {}, context: PageContext = page) {
  resetSidebar()
  const worker = new FakeWorker({ contacts: [danaContext], content: { recommendations, assets: [bluefin, security, pricing], shares: [] }, ...data }).install()
  const channel = relayChannel(context.site)
  publish(channel, { type: "context", context })
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ContentTab context={danaContext} />
    </QueryClientProvider>,
  )
  return { worker, channel }
}

const card = (name: string) => screen.getByRole("article", { name })
const shares = (worker: FakeWorker) => worker.sent("share") as Extract<Request, { type: "share" }>[]

describe("the Content tab", () => {
  it("shows the top recommendations with kind, preview and reasons, ranked with the conversation on screen", async () => {
    const { worker } = renderContent()
    expect(await screen.findByRole("heading", { name: "Recommended for Dana" })).toBeTruthy()
    const first = await screen.findByRole("article", { name: bluefin.title })
    expect(within(first).getByText("Case study")).toBeTruthy()
    expect(within(first).getByText(bluefin.description)).toBeTruthy()
    const why = within(first).getByRole("list", { name: "Why it fits" })
    expect(
      within(why)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(recommendations[0]!.reasons)
    expect(within(card(security.title)).getByText("One-pager")).toBeTruthy()
    expect(worker.sent("recommendations")).toEqual([
      { type: "recommendations", contactId: ids.dana, context: "Re: pricing\nCan you send the forecasting numbers?" },
    ])
  })

  it("re-ranks when the conversation on screen changes", async () => {
    const { worker, channel } = renderContent()
    await screen.findByRole("article", { name: bluefin.title })
    act(() => publish(channel, { type: "context", context: { ...page, subject: "Security review", snippet: undefined } }))
    await waitFor(() => expect(worker.sent("recommendations").map((r) => (r as { context?: string }).context)).toContain("Security review"))
  })

  it("search shows results instead of recommendations while there is a query", async () => {
    const user = userEvent.setup()
    const { worker } = renderContent()
    await screen.findByRole("article", { name: bluefin.title })
    await user.type(screen.getByLabelText("Search content"), "pricing")
    expect(await screen.findByRole("heading", { name: "Results for “pricing”" })).toBeTruthy()
    expect(await screen.findByRole("article", { name: "Pricing guide" })).toBeTruthy()
    expect(screen.queryByRole("article", { name: bluefin.title })).toBeNull()
    expect(screen.queryByRole("heading", { name: "Recommended for Dana" })).toBeNull()
    // Debounced: one search for the whole word, not one per key.
    expect(worker.sent("assets.search")).toEqual([{ type: "assets.search", q: "pricing" }])

    await user.clear(screen.getByLabelText("Search content"))
    expect(await screen.findByRole("article", { name: bluefin.title })).toBeTruthy()
  })

  it("disables Insert with a hint when no message is open", async () => {
    renderContent()
    const first = await screen.findByRole("article", { name: bluefin.title })
    const insert = within(first).getByRole("button", { name: "Insert" })
    expect((insert as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByText("Open a reply or a new message to insert")).toBeTruthy()
    expect(insert.getAttribute("aria-describedby")).toBe(screen.getByText("Open a reply or a new message to insert").id)
    expect((within(first).getByRole("button", { name: "Copy link" }) as HTMLButtonElement).disabled).toBe(false)
  })

  it("enables Insert once a compose opens, has the shell insert the tracked link and shares exactly once on a double click", async () => {
    const user = userEvent.setup()
    const { worker, channel } = renderContent()
    await screen.findByRole("article", { name: bluefin.title })
    openCompose(channel)
    const insert = within(card(bluefin.title)).getByRole("button", { name: "Insert" }) as HTMLButtonElement
    await waitFor(() => expect(insert.disabled).toBe(false))
    expect(screen.queryByText("Open a reply or a new message to insert")).toBeNull()

    await user.dblClick(insert)
    expect(await screen.findByText("Link inserted")).toBeTruthy()
    expect(screen.getByRole("status").textContent).toBe("Link inserted")
    expect(shares(worker)).toHaveLength(1)
    const sent = shares(worker)[0]!
    expect(sent.share).toMatchObject({ assetId: bluefin.id, contactId: ids.dana, channel: "gmail" })
    expect(sent.share.id).toMatch(uuidPattern)
    expect(sent.share.code).toMatch(/^[A-Za-z0-9_-]{22}$/)
    // The shell on the host page writes it, at the rep's caret (tests/unit/sidebar/shell.test.ts); the sidebar only asks.
    expect(worker.sent("compose.insert")).toEqual([
      { type: "compose.insert", link: { url: `http://localhost:8787/r/${sent.share.code}`, text: bluefin.title } },
    ])

    // A second, separate click is a second share with its own id and code.
    await user.click(insert)
    await waitFor(() => expect(shares(worker)).toHaveLength(2))
    expect(shares(worker)[1]!.share.id).not.toBe(sent.share.id)
    expect(shares(worker)[1]!.share.code).not.toBe(sent.share.code)
    await waitFor(() => expect(worker.sent("compose.insert")).toHaveLength(2))
  })

  it("says so when the compose closed before the link could go in", async () => {
    const user = userEvent.setup()
    const { worker, channel } = renderContent()
    worker.on("compose.insert", () => ok({ inserted: false }))
    openCompose(channel)
    const c = within(await screen.findByRole("article", { name: bluefin.title }))
    const insert = c.getByRole("button", { name: "Insert" }) as HTMLButtonElement
    await waitFor(() => expect(insert.disabled).toBe(false))
    await user.click(insert)
    expect((await c.findByRole("alert")).textContent).toBe("The message box closed before the link could be inserted.")
    // The compose closed on the page: Insert waits for the next one.
    act(() => publish(channel, { type: "compose", canInsert: false }))
    await waitFor(() => expect(insert.disabled).toBe(true))
  })

  it("keeps both buttons disabled while a share is in flight", async () => {
    const user = userEvent.setup()
    const held = deferred<ReturnType<typeof ok<{ queued: true; pending: number; url: string }>>>()
    const { worker, channel } = renderContent()
    worker.on("share", () => held.promise)
    openCompose(channel)
    const c = within(await screen.findByRole("article", { name: bluefin.title }))
    const insert = c.getByRole("button", { name: "Insert" }) as HTMLButtonElement
    await waitFor(() => expect(insert.disabled).toBe(false))
    await user.click(insert)
    expect(insert.disabled).toBe(true)
    expect((c.getByRole("button", { name: "Copy link" }) as HTMLButtonElement).disabled).toBe(true)
    await user.click(insert)
    await user.click(c.getByRole("button", { name: "Copy link" }))
    expect(shares(worker)).toHaveLength(1)
    await act(async () => held.resolve(ok({ queued: true as const, pending: 1, url: "http://localhost:8787/r/AbCdEfGhIjKlMnOpQrStUv" })))
    expect(await screen.findByText("Link inserted")).toBeTruthy()
    expect(worker.sent("compose.insert")).toEqual([
      { type: "compose.insert", link: { url: "http://localhost:8787/r/AbCdEfGhIjKlMnOpQrStUv", text: bluefin.title } },
    ])
    expect(insert.disabled).toBe(false)
  })

  it("Copy link puts the tracked link on the clipboard and shares it with channel copy", async () => {
    const user = userEvent.setup()
    const writeText = vi.fn(async (_text: string) => {})
    const { worker } = renderContent()
    // user-event installs its own clipboard on setup; ours replaces it.
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true })
    await user.click(within(await screen.findByRole("article", { name: security.title })).getByRole("button", { name: "Copy link" }))
    expect(await screen.findByText("Link copied")).toBeTruthy()
    expect(shares(worker)).toHaveLength(1)
    const s = shares(worker)[0]!.share
    expect(s).toMatchObject({ assetId: security.id, contactId: ids.dana, channel: "copy" })
    expect(writeText).toHaveBeenCalledWith(`http://localhost:8787/r/${s.code}`)
    // It is listed as shared right away, before the outbox has sent it.
    const shared = screen.getByRole("region", { name: "Shared with Dana" })
    expect(within(shared).getByRole("listitem", { name: security.title }).textContent).toMatch(/Not synced yet/)

    // The worker sends it: the list asks the server again and shows the recorded share.
    worker.data.content!.shares!.push({ ...sharedEarlier, id: s.id, code: s.code, channel: "copy", sharedAt: s.sharedAt })
    worker.syncAll()
    await waitFor(() => expect(within(shared).getByRole("listitem", { name: security.title }).textContent).not.toMatch(/Not synced yet/), { timeout: 6000 })
    expect(within(shared).getByRole("listitem", { name: security.title }).textContent).toMatch(/Copied link/)
  })

  it("shows the link selected in a read-only field when the clipboard refuses", async () => {
    const user = userEvent.setup()
    renderContent()
    Object.defineProperty(navigator, "clipboard", {
      value: {
        writeText: vi.fn(async () => {
          throw new Error("Document is not focused")
        }),
      },
      configurable: true,
    })
    await user.click(within(await screen.findByRole("article", { name: bluefin.title })).getByRole("button", { name: "Copy link" }))
    const field = (await screen.findByLabelText(/Tracked link/)) as HTMLInputElement
    expect(field.readOnly).toBe(true)
    expect(field.value).toMatch(/^http:\/\/localhost:8787\/r\/[A-Za-z0-9_-]{22}$/)
    expect(document.activeElement).toBe(field)
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length])
  })

  it("asks whether what was shared helped, with an optional note, and sends it as asset.feedback", async () => {
    const user = userEvent.setup()
    const other: ShareListItem = {
      ...sharedEarlier,
      id: uuid(51),
      assetId: pricing.id,
      assetTitle: pricing.title,
      assetKind: pricing.kind,
      byMe: false,
      sharedBy: "Ana Other",
    }
    const rated: ShareListItem = {
      ...sharedEarlier,
      id: uuid(52),
      assetId: bluefin.id,
      assetTitle: bluefin.title,
      assetKind: bluefin.kind,
      myFeedback: { helped: true, at: new Date().toISOString() },
    }
    const { worker } = renderContent({ content: { recommendations, assets: [], shares: [sharedEarlier, other, rated] } })
    const shared = await screen.findByRole("region", { name: "Shared with Dana" })
    const row = await within(shared).findByRole("listitem", { name: security.title })
    // Only the rep who shared it rates it; what they already rated says so.
    expect(within(within(shared).getByRole("listitem", { name: pricing.title })).queryByRole("button", { name: "Helped" })).toBeNull()
    expect(within(within(shared).getByRole("listitem", { name: bluefin.title })).getByText("You said it helped.")).toBeTruthy()

    await user.type(within(row).getByLabelText("What happened?"), "They booked the security review")
    await user.click(within(row).getByRole("button", { name: "Didn't help" }))
    expect(await within(row).findByText("You said it didn't help.")).toBeTruthy()
    const sent = worker.sent("asset.feedback") as Extract<Request, { type: "asset.feedback" }>[]
    expect(sent).toHaveLength(1)
    expect(sent[0]!.input).toMatchObject({ assetId: security.id, contactId: ids.dana, helped: false, note: "They booked the security review" })
    expect(sent[0]!.input.id).toMatch(uuidPattern)
    expect(within(row).queryByRole("button", { name: "Helped" })).toBeNull()
  })

  it("a share made here can be rated at once, before it has synced", async () => {
    const user = userEvent.setup()
    const { worker } = renderContent()
    Object.defineProperty(navigator, "clipboard", { value: { writeText: vi.fn(async () => {}) }, configurable: true })
    await user.click(within(await screen.findByRole("article", { name: bluefin.title })).getByRole("button", { name: "Copy link" }))
    const row = await within(screen.getByRole("region", { name: "Shared with Dana" })).findByRole("listitem", { name: bluefin.title })
    await user.click(within(row).getByRole("button", { name: "Helped" }))
    await waitFor(() => expect(worker.sent("asset.feedback")).toHaveLength(1))
    expect((worker.sent("asset.feedback")[0] as Extract<Request, { type: "asset.feedback" }>).input).toMatchObject({ assetId: bluefin.id, helped: true })
    expect((worker.sent("asset.feedback")[0] as Extract<Request, { type: "asset.feedback" }>).input).not.toHaveProperty("note")
  })

  it("is the contact's Content tab in the sidebar", async () => {
    const user = userEvent.setup()
    renderSidebar(page, { contacts: [danaContext], content: { recommendations, assets: [], shares: [] } })
    const tabs = await screen.findByRole("tablist", { name: "Contact sections" })
    await user.click(within(tabs).getByRole("tab", { name: "Content" }))
    const panel = screen.getByRole("tabpanel", { name: "Content" })
    expect(await within(panel).findByRole("article", { name: bluefin.title })).toBeTruthy()
    expect(within(panel).getByLabelText("Search content")).toBeTruthy()
  })
})

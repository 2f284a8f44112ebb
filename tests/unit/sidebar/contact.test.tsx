// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import { deferred, fail, FakeWorker, ok } from "./fake-worker"
import { danaCalls, danaContext, danaSecondPage, ids, people, threadWith } from "./fixtures"
import { relayChannel } from "../../../src/sidebar/relay-channel"
import { renderSidebar } from "./render"

afterEach(cleanup)

const known = () => ({
  contacts: [danaContext],
  pages: {
    [`${ids.dana}|cursor-page-2|`]: danaSecondPage,
    [`${ids.dana}||call`]: danaCalls,
  },
})

describe("sidebar: a known contact", () => {
  it("shows a skeleton while the worker has not answered", async () => {
    const worker = new FakeWorker(known()).on("lookup.cached", () => new Promise(() => {})).on("lookup", () => new Promise(() => {}))
    renderSidebar(threadWith(people.dana), worker)
    const loading = await screen.findByRole("status", { busy: true })
    expect(within(loading).getByText("Loading…")).toBeTruthy()
  })

  it("renders the saved copy that came with the state at once, without asking the worker for it", async () => {
    const worker = new FakeWorker(known()).on("lookup", () => new Promise(() => {}))
    globalThis.__relay = undefined
    relayChannel().cached = [{ person: { email: people.dana.email! }, cached: { data: danaContext, cachedAt: "2026-12-01T09:00:00.000Z" } }]
    renderSidebar(threadWith(people.dana), worker, { keepChannel: true })
    expect(await screen.findByRole("heading", { name: "Dana Whitfield" })).toBeTruthy()
    expect(worker.sent("lookup.cached")).toEqual([])
    expect(worker.sent("lookup")).toHaveLength(1)
  })

  it("shows who it is, the score with its reasons and the SLA clock", async () => {
    renderSidebar(threadWith(people.dana), known())
    expect(await screen.findByRole("heading", { name: "Dana Whitfield" })).toBeTruthy()
    expect(screen.getByText("VP Revenue Operations · Northwind Logistics")).toBeTruthy()
    expect(screen.getByText("Owner: Sam Rivera")).toBeTruthy()
    expect(screen.getByText("MQL")).toBeTruthy()

    const score = screen.getByRole("region", { name: "Lead score" })
    expect(within(score).getByText("72")).toBeTruthy()
    expect(within(score).getByText("Fit 32 · Engagement 40")).toBeTruthy()
    const reasons = within(score).getByRole("list", { name: "Why this score" })
    expect(
      within(reasons)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "+15 attended webinar 'Scaling RevOps' 3 days ago",
      "+12 industry is Logistics",
      "+10 title matches VP",
      "+10 company size 201-1000",
      "+8 downloaded 'RevOps Benchmark 2024' 5 days ago",
    ])

    const sla = screen.getAllByRole("status").find((el) => el.textContent?.startsWith("MQL"))
    expect(sla?.textContent).toMatch(/^MQL 5 h ago, follow up within 24 h/)
  })

  it("shows the history newest first, grouped by day, marketing and sales told apart", async () => {
    renderSidebar(threadWith(people.dana), known())
    const history = await screen.findByRole("region", { name: "History" })
    const days = within(history)
      .getAllByRole("heading", { level: 4 })
      .map((h) => h.textContent)
    expect(days.slice(0, 2)).toEqual(["Today", "Yesterday"])
    expect(days).toHaveLength(3)

    const todayGroup = within(history).getByRole("region", { name: "Today" })
    const [call, open] = within(todayGroup).getAllByRole("listitem")
    expect(within(call).getByText("Discovery call — connected")).toBeTruthy()
    expect(within(call).getByText("Sales")).toBeTruthy()
    expect(within(call).getByText("by Sam Rivera")).toBeTruthy()
    expect(within(open).getByText("Marketing")).toBeTruthy()

    const yesterdayGroup = within(history).getByRole("region", { name: "Yesterday" })
    expect(within(yesterdayGroup).getByText("Attended webinar 'Scaling RevOps'")).toBeTruthy()
  })

  it("loads the next page of history with the cursor", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(threadWith(people.dana), known())
    const history = await screen.findByRole("region", { name: "History" })
    expect(within(history).queryByText("Visited /pricing")).toBeNull()
    // The first page came with the lookup: no extra round trip.
    expect(worker.sent("events.page")).toHaveLength(0)

    await user.click(within(history).getByRole("button", { name: "Load more" }))
    expect(await within(history).findByText("Visited /pricing")).toBeTruthy()
    expect(within(history).getByText("Submitted 'Contact sales' form")).toBeTruthy()
    expect(within(history).getByText("Discovery call — connected")).toBeTruthy()
    expect(worker.sent("events.page")).toEqual([{ type: "events.page", contactId: ids.dana, before: "cursor-page-2" }])
    expect(within(history).queryByRole("button", { name: "Load more" })).toBeNull()
  })

  it("filters the history by type", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(threadWith(people.dana), known())
    const filter = await screen.findByRole("combobox", { name: "Filter history" })
    await user.selectOptions(filter, "call")
    const history = screen.getByRole("region", { name: "History" })
    expect(await within(history).findByText("Intro call — left voicemail")).toBeTruthy()
    expect(within(history).queryByText("Attended webinar 'Scaling RevOps'")).toBeNull()
    expect(worker.sent("events.page")).toEqual([{ type: "events.page", contactId: ids.dana, eventType: "call" }])
  })

  it("renders the saved copy at once, then the refreshed one", async () => {
    const live = deferred<ReturnType<typeof ok>>()
    const worker = new FakeWorker({
      ...known(),
      cached: { [people.dana.email]: { data: { ...danaContext, score: { ...danaContext.score, total: 61 } }, cachedAt: new Date().toISOString() } },
    }).on("lookup", () => live.promise)
    renderSidebar(threadWith(people.dana), worker)
    expect(await screen.findByRole("heading", { name: "Dana Whitfield" })).toBeTruthy()
    expect(screen.getByText("61")).toBeTruthy()
    live.resolve(ok(danaContext))
    expect(await screen.findByText("72")).toBeTruthy()
    expect(screen.queryByText("61")).toBeNull()
  })
})

describe("sidebar: when things go wrong", () => {
  it("offline: shows the saved copy with a note saying so", async () => {
    const cachedAt = new Date(Date.now() - 2 * 3_600_000).toISOString()
    const worker = new FakeWorker({ ...known(), cached: { [people.dana.email]: { data: danaContext, cachedAt } } }).on("lookup", () =>
      fail("offline", "Relay's backend is unreachable"),
    )
    renderSidebar(threadWith(people.dana), worker)
    expect(await screen.findByText(/offline — showing saved data from/i)).toBeTruthy()
    expect(screen.getByRole("heading", { name: "Dana Whitfield" })).toBeTruthy()
    expect(screen.getByText("72")).toBeTruthy()
  })

  it("offline without a saved copy says so and offers to try again", async () => {
    const worker = new FakeWorker(known()).on("lookup", () => fail("offline"))
    renderSidebar(threadWith(people.dana), worker)
    const alert = await screen.findByRole("alert")
    expect(within(alert).getByText("You're offline")).toBeTruthy()
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeTruthy()
  })

  it("backend error: a clear message, and Try again asks again", async () => {
    const user = userEvent.setup()
    let calls = 0
    const worker = new FakeWorker(known()).on("lookup", () => (++calls === 1 ? fail("http", "The Relay server answered 502") : (undefined as never)))
    renderSidebar(threadWith(people.dana), worker)
    const alert = await screen.findByRole("alert")
    expect(within(alert).getByText("Relay couldn't load this contact")).toBeTruthy()
    expect(within(alert).getByText("The Relay server answered 502")).toBeTruthy()

    await user.click(within(alert).getByRole("button", { name: "Try again" }))
    expect(await screen.findByRole("heading", { name: "Dana Whitfield" })).toBeTruthy()
    expect(worker.sent("lookup")).toHaveLength(2)
    expect(screen.queryByRole("alert")).toBeNull()
  })

  it("signed out: asks the rep to sign in from the extension options", async () => {
    const worker = new FakeWorker({ ...known(), signedIn: false }).on("lookup", () => fail("signed_out", "Not signed in"))
    renderSidebar(threadWith(people.dana), worker)
    expect(await screen.findByRole("heading", { name: "Sign in to Relay" })).toBeTruthy()
    expect(screen.getByText(/Open the Relay extension options to sign in/)).toBeTruthy()
    expect(screen.queryByText("Dana Whitfield")).toBeNull()
  })

  it("renders hostile strings from the backend as text", async () => {
    const evil = "<img src=x onerror=alert(1)>"
    const hostile = {
      ...danaContext,
      contact: { ...danaContext.contact, name: evil, company: "<script>alert(2)</script>" },
      events: [{ ...danaContext.events[0], title: "<b onmouseover=alert(3)>hi</b>" }],
    }
    const { container } = renderSidebar(threadWith(people.dana), { contacts: [hostile] })
    expect(await screen.findByRole("heading", { name: evil })).toBeTruthy()
    expect(screen.getByText("<b onmouseover=alert(3)>hi</b>")).toBeTruthy()
    expect(container.querySelector("img, script, b")).toBeNull()
  })
})

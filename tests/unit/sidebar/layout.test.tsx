// @vitest-environment jsdom
import { act, cleanup, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import { publish } from "../../../src/sidebar/relay-channel"
import { COLLAPSED_KEY } from "../../../src/sidebar/stores/layout"
import { FakeWorker } from "./fake-worker"
import { danaContext, people, threadWith } from "./fixtures"
import { renderSidebar } from "./render"

afterEach(cleanup)

describe("sidebar: open, collapse, remember", () => {
  it("collapses to a slim tab, remembers it, and opens again", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(threadWith(people.dana), { contacts: [danaContext] })
    await user.click(await screen.findByRole("button", { name: "Collapse Relay" }))
    expect(screen.queryByRole("complementary", { name: "Relay" })).toBeNull()
    expect(worker.storage.get(COLLAPSED_KEY)).toBe(true)

    await user.click(screen.getByRole("button", { name: "Open Relay" }))
    expect(await screen.findByRole("heading", { name: "Dana Whitfield" })).toBeTruthy()
    expect(worker.storage.get(COLLAPSED_KEY)).toBe(false)
  })

  it("starts collapsed when the rep left it collapsed", async () => {
    const worker = new FakeWorker({ contacts: [danaContext] })
    worker.storage.set(COLLAPSED_KEY, true)
    renderSidebar(threadWith(people.dana), worker)
    expect(await screen.findByRole("button", { name: "Open Relay" })).toBeTruthy()
    expect(screen.queryByRole("complementary", { name: "Relay" })).toBeNull()
  })

  it("the keyboard shortcut toggles it", async () => {
    const { channel } = renderSidebar(threadWith(people.dana), { contacts: [danaContext] })
    expect(await screen.findByRole("complementary", { name: "Relay" })).toBeTruthy()
    act(() => publish(channel, { type: "toggle" }))
    expect(await screen.findByRole("button", { name: "Open Relay" })).toBeTruthy()
    act(() => publish(channel, { type: "toggle" }))
    expect(await screen.findByRole("complementary", { name: "Relay" })).toBeTruthy()
  })

  it("shows nothing while nobody is on screen, unless the rep asks for it", async () => {
    const { channel, container } = renderSidebar({ site: "gmail", view: "list", people: [] }, { contacts: [danaContext] })
    await act(async () => {})
    expect(container.innerHTML).toBe("")
    act(() => publish(channel, { type: "toggle" }))
    expect(await screen.findByRole("heading", { name: "Nobody to show here" })).toBeTruthy()
    act(() => publish(channel, { type: "context", context: threadWith(people.dana) }))
    expect(await screen.findByRole("heading", { name: "Dana Whitfield" })).toBeTruthy()
  })

  it("tells the shell how wide to make the frame: the panel, the slim tab, or nothing", async () => {
    const user = userEvent.setup()
    const { worker, channel } = renderSidebar(threadWith(people.dana), { contacts: [danaContext] })
    const modes = () => worker.sent("sidebar.layout").map((r) => (r as { mode: string }).mode)
    const plans = () => worker.sent("sidebar.layout").map((r) => (r as { plan?: unknown }).plan)
    await screen.findByRole("complementary", { name: "Relay" })
    expect(modes().at(-1)).toBe("open")
    // With nobody on screen the panel would take no room: the worker applies that as soon as the shell says so.
    expect(plans().at(-1)).toEqual({ people: "open", nobody: "hidden" })
    await user.click(screen.getByRole("button", { name: "Collapse Relay" }))
    expect(modes().at(-1)).toBe("tab")
    expect(plans().at(-1)).toEqual({ people: "tab", nobody: "hidden" })
    act(() => publish(channel, { type: "context", context: { site: "gmail", view: "list", people: [] } }))
    await act(async () => {})
    expect(modes().at(-1)).toBe("hidden")
  })

  it("a shortcut from before the frame was there opens it with nobody on screen, even collapsed before", async () => {
    const worker = new FakeWorker({ contacts: [danaContext] })
    worker.storage.set(COLLAPSED_KEY, true)
    const { channel } = renderSidebar({ site: "gmail", view: "list", people: [] }, worker)
    act(() => publish(channel, { type: "open" }))
    expect(await screen.findByRole("heading", { name: "Nobody to show here" })).toBeTruthy()
    // Open with nobody on screen and with someone: the worker sizes the frame from this plan when the page changes.
    expect(worker.sent("sidebar.layout").at(-1)).toEqual({ type: "sidebar.layout", mode: "open", plan: { people: "open", nobody: "open" } })
  })
})

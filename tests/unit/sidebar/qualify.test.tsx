// @vitest-environment jsdom
import { act, cleanup, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import { danaContext, ids, people, threadWith, uuidPattern } from "./fixtures"
import { renderSidebar } from "./render"

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

async function openQualify(user: ReturnType<typeof userEvent.setup>) {
  const tabs = await screen.findByRole("tablist", { name: "Contact sections" })
  await user.click(within(tabs).getByRole("tab", { name: "Qualify" }))
  return screen.getByRole("tabpanel", { name: "Qualify" })
}

describe("tabs", () => {
  it("Overview first; Qualify by click or arrow keys; the log buttons stay", async () => {
    const user = userEvent.setup()
    renderSidebar(threadWith(people.dana), { contacts: [danaContext] })
    const tabs = await screen.findByRole("tablist", { name: "Contact sections" })
    expect(
      within(tabs)
        .getAllByRole("tab")
        .map((t) => t.textContent),
    ).toEqual(["Overview", "Qualify", "Content"])
    expect(within(tabs).getByRole("tab", { name: "Overview", selected: true })).toBeTruthy()
    expect(screen.getByRole("tabpanel", { name: "Overview" })).toBeTruthy()

    within(tabs).getByRole("tab", { name: "Overview" }).focus()
    await user.keyboard("{ArrowRight}")
    expect(within(tabs).getByRole("tab", { name: "Qualify", selected: true })).toBe(document.activeElement)
    expect(screen.getByRole("region", { name: "Qualification" })).toBeTruthy()
    expect(screen.queryByRole("region", { name: "History" })).toBeNull()
    expect(screen.getByRole("button", { name: "Log call" })).toBeTruthy()

    await user.keyboard("{ArrowLeft}")
    expect(screen.getByRole("region", { name: "History" })).toBeTruthy()
  })

  it("a half-typed qualification survives a tab switch", async () => {
    const user = userEvent.setup()
    renderSidebar(threadWith(people.dana), { contacts: [danaContext] })
    const panel = await openQualify(user)
    await user.type(within(panel).getByLabelText("Need"), "Consolidate 4 tools")
    await user.click(screen.getByRole("tab", { name: "Overview" }))
    await user.click(screen.getByRole("tab", { name: "Qualify" }))
    expect((screen.getByLabelText("Need") as HTMLInputElement).value).toBe("Consolidate 4 tools")
  })
})

describe("qualification (BANT)", () => {
  it("shows what is known, saves all four fields, waiting to sync then saved", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const { worker } = renderSidebar(threadWith(people.dana), { contacts: [danaContext] })
    const panel = await openQualify(user)
    const value = (label: string) => (within(panel).getByLabelText(label) as HTMLInputElement).value
    expect([value("Budget"), value("Authority"), value("Need"), value("Timeline")]).toEqual(["Approved for Q3", "Decision maker with CFO sign-off", "", ""])
    await user.type(within(panel).getByLabelText("Need"), "Consolidate 4 forecasting tools")
    await user.type(within(panel).getByLabelText("Timeline"), "Decision by end of Q3")
    await user.clear(within(panel).getByLabelText("Authority"))
    await user.click(within(panel).getByRole("button", { name: "Save qualification" }))

    expect(await within(panel).findByText("Waiting to sync")).toBeTruthy()
    expect(worker.sent("bant")).toEqual([
      {
        type: "bant",
        contactId: ids.dana,
        bant: { budget: "Approved for Q3", authority: null, need: "Consolidate 4 forecasting tools", timeline: "Decision by end of Q3" },
      },
    ])
    worker.syncAll()
    await act(() => vi.advanceTimersByTimeAsync(3_500))
    expect(await within(panel).findByText("Saved")).toBeTruthy()
  })
})

describe("lead quality feedback", () => {
  it("needs a rating, then sends the rating and the reason", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(threadWith(people.dana), { contacts: [danaContext] })
    const panel = await openQualify(user)
    const rating = within(panel).getByRole("radiogroup", { name: "Lead quality" })
    expect(
      within(rating)
        .getAllByRole("radio")
        .map((r) => r.getAttribute("aria-label")),
    ).toEqual(["1 of 5", "2 of 5", "3 of 5", "4 of 5", "5 of 5"])

    await user.click(within(panel).getByRole("button", { name: "Send feedback" }))
    expect(within(panel).getByRole("alert").textContent).toBe("Pick a rating from 1 to 5.")
    expect(worker.sent("feedback")).toHaveLength(0)

    await user.click(within(rating).getByRole("radio", { name: "4 of 5" }))
    await user.type(within(panel).getByLabelText("Why?"), "Right title and budget, but the timeline is vague")
    await user.click(within(panel).getByRole("button", { name: "Send feedback" }))
    expect(await within(panel).findByText(/Rated 4 of 5/)).toBeTruthy()
    expect(worker.sent("feedback")).toEqual([
      {
        type: "feedback",
        contactId: ids.dana,
        input: { id: expect.stringMatching(uuidPattern), rating: 4, reason: "Right title and budget, but the timeline is vague" },
      },
    ])
    expect(within(panel).getByText("Waiting to sync")).toBeTruthy()
  })
})

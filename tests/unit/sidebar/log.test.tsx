// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { ActivityInput } from "../../../src/shared/contracts/activities"
import type { Request } from "../../../src/shared/messages"
import { publish } from "../../../src/sidebar/relay-channel"
import { COLLAPSED_KEY } from "../../../src/sidebar/stores/layout"
import { FakeWorker } from "./fake-worker"
import { danaContext, ids, people, threadWith, uuidPattern } from "./fixtures"
import { renderSidebar } from "./render"

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const logged = (worker: FakeWorker) => worker.sent("activity.log").map((r) => (r as Extract<Request, { type: "activity.log" }>).activity)

const thread = { ...threadWith(people.dana), snippet: "Hi Sam, we'd like to see the pricing for 40 seats." }

/** Fake timers that still let promises and user-event run. */
function fakeClock() {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  return userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
}

const timelineItem = async (title: string) => {
  const history = await screen.findByRole("region", { name: "History" })
  return (await within(history).findByText(title)).closest("li") as HTMLElement
}

describe("logging: one click", () => {
  it("shows the log buttons above the tabs of a known contact", async () => {
    renderSidebar(thread, { contacts: [danaContext] })
    const bar = await screen.findByRole("region", { name: "Log activity" })
    for (const name of ["Log call", "Log email", "Log LinkedIn message", "Log meeting", "Add note"]) {
      expect(within(bar).getByRole("button", { name })).toBeTruthy()
    }
    expect(bar.compareDocumentPosition(screen.getByRole("tablist")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it("Log email logs the open thread's subject, inbound, without the body", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(thread, { contacts: [danaContext] })
    await user.click(await screen.findByRole("button", { name: "Log email" }))
    expect(await screen.findByText("Email logged for Dana Whitfield.")).toBeTruthy()
    const [activity, ...more] = logged(worker)
    expect(more).toHaveLength(0)
    expect(activity).toMatchObject({ contactId: ids.dana, type: "email", direction: "inbound", subject: "Re: pricing" })
    expect(activity.id).toMatch(uuidPattern)
    expect(activity.notes).toBeUndefined()
    expect(Math.abs(Date.parse(activity.occurredAt) - Date.now())).toBeLessThan(60_000)
  })

  it("from a draft it is outbound, and the visible text goes along only when ticked", async () => {
    const user = userEvent.setup()
    const draft = { ...thread, view: "compose" as const, people: [{ ...people.dana, role: "to" as const }] }
    const { worker } = renderSidebar(draft, { contacts: [danaContext] })
    const include = await screen.findByRole("checkbox", { name: "Include the visible text" })
    expect((include as HTMLInputElement).checked).toBe(false)
    await user.click(include)
    await user.click(screen.getByRole("button", { name: "Log email" }))
    await screen.findByText("Email logged for Dana Whitfield.")
    expect(logged(worker)).toEqual([expect.objectContaining({ direction: "outbound", notes: thread.snippet })])
  })

  it("a double click on Log email logs once", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(thread, { contacts: [danaContext] })
    await user.dblClick(await screen.findByRole("button", { name: "Log email" }))
    await screen.findByText("Email logged for Dana Whitfield.")
    expect(logged(worker)).toHaveLength(1)
  })

  it("Log LinkedIn message logs one message with a default subject", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(thread, { contacts: [danaContext] })
    await user.click(await screen.findByRole("button", { name: "Log LinkedIn message" }))
    await screen.findByText("LinkedIn message logged for Dana Whitfield.")
    expect(logged(worker)).toEqual([expect.objectContaining({ type: "linkedin_message", subject: "LinkedIn message" })])
    expect(logged(worker)[0].notes).toBeUndefined()
  })
})

describe("logging: forms", () => {
  it("Log call opens a form defaulting to connected; a double click on Save call logs one call", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(thread, { contacts: [danaContext] })
    await user.click(await screen.findByRole("button", { name: "Log call" }))
    const outcome = screen.getByRole("radiogroup", { name: "Outcome" })
    expect(
      within(outcome)
        .getAllByRole("radio")
        .map((r) => r.closest("label")?.textContent),
    ).toEqual(["Connected", "Left voicemail", "No answer", "Wrong number"])
    expect((within(outcome).getByRole("radio", { name: "Connected" }) as HTMLInputElement).checked).toBe(true)
    await user.click(within(outcome).getByRole("radio", { name: "Left voicemail" }))
    await user.type(screen.getByLabelText("Duration (minutes)"), "12")
    await user.type(screen.getByLabelText("Notes"), "Will call back Thursday")
    await user.dblClick(screen.getByRole("button", { name: "Save call" }))

    expect(await screen.findByText("Call logged for Dana Whitfield.")).toBeTruthy()
    expect(logged(worker)).toEqual([
      expect.objectContaining({ type: "call", outcome: "left_voicemail", durationSeconds: 720, notes: "Will call back Thursday", contactId: ids.dana }),
    ])
    expect(screen.queryByRole("button", { name: "Save call" })).toBeNull()
  })

  it("Enter in the call form saves", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(thread, { contacts: [danaContext] })
    await user.click(await screen.findByRole("button", { name: "Log call" }))
    await user.type(screen.getByLabelText("Duration (minutes)"), "5{Enter}")
    await screen.findByText("Call logged for Dana Whitfield.")
    expect(logged(worker)).toEqual([expect.objectContaining({ outcome: "connected", durationSeconds: 300 })])
  })

  it("Log meeting and Add note save through their forms", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(thread, { contacts: [danaContext] })
    await user.click(await screen.findByRole("button", { name: "Log meeting" }))
    await user.type(screen.getByLabelText("Title"), "Demo with the ops team")
    await user.clear(screen.getByLabelText("Duration (minutes)"))
    await user.type(screen.getByLabelText("Duration (minutes)"), "45")
    await user.click(screen.getByRole("button", { name: "Save meeting" }))
    await screen.findByText("Meeting logged for Dana Whitfield.")

    await user.click(screen.getByRole("button", { name: "Add note" }))
    await user.click(screen.getByRole("button", { name: "Save note" }))
    expect(screen.getByRole("alert").textContent).toBe("Write the note first.")
    await user.type(screen.getByLabelText("Note"), "Prefers email over calls")
    await user.click(screen.getByRole("button", { name: "Save note" }))
    await screen.findByText("Note added for Dana Whitfield.")

    expect(logged(worker)).toEqual([
      expect.objectContaining({ type: "meeting", subject: "Demo with the ops team", durationSeconds: 2700 }),
      expect.objectContaining({ type: "note", notes: "Prefers email over calls" }),
    ])
  })
})

describe("logging: the timeline and the outbox", () => {
  it("the logged call shows at once in the timeline as sales, waiting to sync, then as the backend's copy", async () => {
    const user = fakeClock()
    const { worker } = renderSidebar(thread, { contacts: [danaContext] })
    await user.click(await screen.findByRole("button", { name: "Log call" }))
    await user.type(screen.getByLabelText("Notes"), "Talked pricing")
    await user.click(screen.getByRole("button", { name: "Save call" }))

    const item = await timelineItem("Call — connected")
    expect(within(item).getByText("Sales")).toBeTruthy()
    expect(within(item).getByText("Talked pricing")).toBeTruthy()
    expect(within(item).getByText(/waiting to sync/i)).toBeTruthy()
    const pending = await screen.findByText("1 waiting to sync")
    expect(pending.getAttribute("role")).toBe("status")
    const id = logged(worker)[0].id

    worker.syncAll()
    await act(() => vi.advanceTimersByTimeAsync(3_500))
    await waitFor(() => expect(screen.queryByText("1 waiting to sync")).toBeNull())
    const history = screen.getByRole("region", { name: "History" })
    await waitFor(() => expect(within(history).queryByText(/waiting to sync/i)).toBeNull())
    // The refetched contact has the server's copy of the same activity (same id), not a second one.
    expect(within(history).getAllByText("Talked pricing")).toHaveLength(1)
    expect(worker.sent("lookup").length).toBeGreaterThan(1)
    expect(id).toMatch(uuidPattern)
  })

  it("Undo within 10 seconds discards the pending log", async () => {
    const user = fakeClock()
    const { worker } = renderSidebar(thread, { contacts: [danaContext] })
    await user.click(await screen.findByRole("button", { name: "Log email" }))
    await screen.findByText("Email logged for Dana Whitfield.")
    expect(await timelineItem("Re: pricing")).toBeTruthy()

    await act(() => vi.advanceTimersByTimeAsync(8_000))
    await user.click(screen.getByRole("button", { name: "Undo" }))
    expect(await screen.findByText("Undone — the email was not logged.")).toBeTruthy()
    expect(worker.sent("outbox.discard")).toEqual([{ type: "outbox.discard", id: logged(worker)[0].id }])
    expect(worker.outbox).toHaveLength(0)
    const history = screen.getByRole("region", { name: "History" })
    expect(within(history).queryByText("Re: pricing")).toBeNull()
    expect(screen.queryByText(/waiting to sync/)).toBeNull()
  })

  it("after 10 seconds the Undo is gone", async () => {
    const user = fakeClock()
    renderSidebar(thread, { contacts: [danaContext] })
    await user.click(await screen.findByRole("button", { name: "Log email" }))
    expect(await screen.findByRole("button", { name: "Undo" })).toBeTruthy()
    await act(() => vi.advanceTimersByTimeAsync(9_000))
    expect(screen.getByRole("button", { name: "Undo" })).toBeTruthy()
    await act(() => vi.advanceTimersByTimeAsync(1_100))
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull()
    expect(screen.queryByText("Email logged for Dana Whitfield.")).toBeNull()
  })

  it("Undo after the log was sent says it can't be undone, and discards nothing", async () => {
    const user = fakeClock()
    const { worker } = renderSidebar(thread, { contacts: [danaContext] })
    await user.click(await screen.findByRole("button", { name: "Log email" }))
    await screen.findByText("Email logged for Dana Whitfield.")
    worker.syncAll()
    await user.click(screen.getByRole("button", { name: "Undo" }))
    expect(await screen.findByText("Already synced — it can't be undone from here.")).toBeTruthy()
    expect(worker.sent("outbox.discard")).toHaveLength(0)
  })

  it("a write the backend refused shows with its reason, Retry and Discard", async () => {
    const user = userEvent.setup()
    const refused = {
      id: "0b5c1d7e-8f9a-4b1c-8d2e-3f4a5b6c7d8e",
      kind: "activity",
      contactId: ids.dana,
      createdAt: new Date().toISOString(),
      state: "failed" as const,
      attempts: 1,
      error: "422: occurredAt is in the future",
      summary: "Call with outcome connected (Dana Whitfield)",
    }
    const other = {
      ...refused,
      id: "1c6d2e8f-9a0b-4c2d-9e3f-4a5b6c7d8e9f",
      summary: "Rated the lead 2/5 (Dana Whitfield)",
      kind: "feedback",
      error: "403: not your lead",
    }
    const { worker } = renderSidebar(thread, { contacts: [danaContext], outbox: [refused, other] })
    const failed = await screen.findByRole("region", { name: "2 items couldn't sync" })
    const [first, second] = within(failed).getAllByRole("listitem")
    expect(within(first).getByText("Call with outcome connected (Dana Whitfield)")).toBeTruthy()
    expect(within(first).getByText("422: occurredAt is in the future")).toBeTruthy()
    expect(within(second).getByText("403: not your lead")).toBeTruthy()

    await user.click(within(first).getByRole("button", { name: "Retry" }))
    expect(worker.sent("outbox.retry")).toEqual([{ type: "outbox.retry", id: refused.id }])
    expect(await screen.findByText("1 waiting to sync")).toBeTruthy()

    await user.click(within(screen.getByRole("region", { name: "1 item couldn't sync" })).getByRole("button", { name: "Discard" }))
    expect(worker.sent("outbox.discard")).toEqual([{ type: "outbox.discard", id: other.id }])
    await waitFor(() => expect(screen.queryByRole("region", { name: /couldn't sync/ })).toBeNull())
  })

  it("a log the worker could not take says so and tries the same activity again", async () => {
    const user = userEvent.setup()
    let first = true
    const worker = new FakeWorker({ contacts: [danaContext] }).on("activity.log", () =>
      first ? ((first = false), { ok: false, error: { code: "offline", message: "Relay's background worker did not answer" } }) : (undefined as never),
    )
    renderSidebar(thread, worker)
    await user.click(await screen.findByRole("button", { name: "Log email" }))
    const alert = await screen.findByRole("alert")
    expect(alert.textContent).toContain("Couldn't log the email: Relay's background worker did not answer")
    await user.click(within(alert).getByRole("button", { name: "Try again" }))
    await screen.findByText("Email logged for Dana Whitfield.")
    const [a, b] = logged(worker) as ActivityInput[]
    expect(b.id).toBe(a.id)
  })
})

describe("logging: the keyboard shortcut", () => {
  it("the log-call command opens the call form focused on the outcome; Enter logs a connected call", async () => {
    const user = userEvent.setup()
    const { worker, channel } = renderSidebar(thread, { contacts: [danaContext] })
    await screen.findByRole("button", { name: "Log call" })
    act(() => publish(channel, { type: "command", command: "log-call" }))
    const connected = await screen.findByRole("radio", { name: "Connected" })
    expect(document.activeElement).toBe(connected)
    await user.keyboard("{Enter}")
    await screen.findByText("Call logged for Dana Whitfield.")
    expect(logged(worker)).toEqual([expect.objectContaining({ type: "call", outcome: "connected" })])
  })

  it("opens the collapsed sidebar first", async () => {
    const worker = new FakeWorker({ contacts: [danaContext] })
    worker.storage.set(COLLAPSED_KEY, true)
    const { channel } = renderSidebar(thread, worker)
    await screen.findByRole("button", { name: "Open Relay" })
    act(() => publish(channel, { type: "command", command: "log-call" }))
    expect(await screen.findByRole("radiogroup", { name: "Outcome" })).toBeTruthy()
    expect(screen.getByRole("complementary", { name: "Relay" })).toBeTruthy()
  })
})

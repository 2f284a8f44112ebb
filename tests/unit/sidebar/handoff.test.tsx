// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { ContactContext } from "../../../src/shared/contracts/contacts"
import type { Request } from "../../../src/shared/messages"
import type { FakeWorker } from "./fake-worker"
import { danaContext, ids, people, priyaContext, threadWith, uuidPattern } from "./fixtures"
import { renderSidebar } from "./render"

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const handoffs = (worker: { sent: (t: Request["type"]) => Request[] }) => worker.sent("handoff") as Extract<Request, { type: "handoff" }>[]

const stageBadge = () => screen.getByTitle("Lifecycle stage").textContent

describe("handoff: an MQL", () => {
  it("Accept makes the lead SQL at once, queues the decision and reconciles once synced", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const { worker } = renderSidebar(threadWith(people.dana), { contacts: [danaContext] })
    const panel = await screen.findByRole("region", { name: "Handoff" })
    expect(stageBadge()).toBe("MQL")

    await user.click(within(panel).getByRole("button", { name: "Accept" }))
    expect(await within(panel).findByText("Accepted — Dana Whitfield is now SQL.")).toBeTruthy()
    expect(stageBadge()).toBe("SQL")
    // The SLA clock stops once sales has accepted.
    expect(screen.queryByText(/follow up within/)).toBeNull()
    const [sent, ...more] = handoffs(worker)
    expect(more).toHaveLength(0)
    expect(sent).toMatchObject({ type: "handoff", contactId: ids.dana, input: { decision: "accept" } })
    expect(sent.input.id).toMatch(uuidPattern)
    expect(await within(panel).findByText("Waiting to sync")).toBeTruthy()
    expect(within(panel).queryByRole("button", { name: "Reject" })).toBeNull()

    worker.syncAll()
    await act(() => vi.advanceTimersByTimeAsync(3_500))
    expect(await within(panel).findByText("Synced")).toBeTruthy()
    await waitFor(() => expect(worker.sent("lookup").length).toBeGreaterThan(1))
    expect(stageBadge()).toBe("SQL")
  })

  it("Reject needs a reason, then sends it with the note and recycles the lead", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(threadWith(people.dana), { contacts: [danaContext] })
    const panel = await screen.findByRole("region", { name: "Handoff" })
    await user.click(within(panel).getByRole("button", { name: "Reject" }))

    const reason = within(panel).getByRole("radiogroup", { name: "Reason" })
    expect(
      within(reason)
        .getAllByRole("radio")
        .map((r) => r.closest("label")?.textContent),
    ).toEqual(["Not a fit", "No budget", "Wrong person", "Already a customer", "Duplicate", "Other"])
    await user.type(within(panel).getByLabelText("Note for marketing"), "Budget frozen until next fiscal year")
    await user.click(within(panel).getByRole("button", { name: "Send rejection" }))
    expect(within(panel).getByRole("alert").textContent).toBe("Choose a reason so marketing knows why.")
    expect(handoffs(worker)).toHaveLength(0)

    await user.click(within(reason).getByRole("radio", { name: "No budget" }))
    await user.click(within(panel).getByRole("button", { name: "Send rejection" }))
    expect(await within(panel).findByText("Rejected (No budget) — recycled to marketing.")).toBeTruthy()
    expect(stageBadge()).toBe("Recycled")
    expect(handoffs(worker)).toEqual([
      {
        type: "handoff",
        contactId: ids.dana,
        input: { id: expect.stringMatching(uuidPattern), decision: "reject", reason: "no_budget", note: "Budget frozen until next fiscal year" },
      },
    ])
  })

  it("a contact who is not an MQL has no handoff buttons", async () => {
    renderSidebar(threadWith({ ...people.priya, role: "from" }), { contacts: [priyaContext] })
    expect(await screen.findByRole("heading", { name: "Priya Natarajan" })).toBeTruthy()
    expect(screen.queryByRole("region", { name: "Handoff" })).toBeNull()
    expect(screen.queryByRole("button", { name: "Accept" })).toBeNull()
    expect(screen.queryByRole("button", { name: "Reject" })).toBeNull()
  })
})

describe("handoff: the server's stage", () => {
  /** The backend's copy of Dana, as the next lookup will answer it. */
  const onServer = (worker: FakeWorker, patch: (c: ContactContext) => ContactContext) => {
    const contacts = worker.data.contacts!
    const i = contacts.findIndex((c) => c.contact.id === ids.dana)
    contacts[i] = patch(contacts[i]!)
  }

  it("replaces the sidebar's guess once the decision is synced", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const { worker } = renderSidebar(threadWith(people.dana), { contacts: [danaContext] })
    const panel = await screen.findByRole("region", { name: "Handoff" })
    await user.click(within(panel).getByRole("button", { name: "Accept" }))
    expect(stageBadge()).toBe("SQL")

    // The server recorded the decision, and by the time the sidebar asks, the lead has moved on.
    worker.syncAll()
    onServer(worker, (c) => ({ ...c, contact: { ...c.contact, stage: "opportunity" } }))
    await act(() => vi.advanceTimersByTimeAsync(3_500))
    expect(await within(panel).findByText("Synced")).toBeTruthy()
    await waitFor(() => expect(stageBadge()).toBe("Opportunity"))
    expect(within(panel).getByRole("status").textContent).toBe("Accepted — Dana Whitfield is now Opportunity.")
  })

  it("goes back to the server's stage when the server refuses the decision", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const { worker } = renderSidebar(threadWith(people.dana), { contacts: [danaContext] })
    const panel = await screen.findByRole("region", { name: "Handoff" })
    await user.click(within(panel).getByRole("button", { name: "Reject" }))
    await user.click(within(panel).getByRole("radio", { name: "Not a fit" }))
    await user.click(within(panel).getByRole("button", { name: "Send rejection" }))
    expect(stageBadge()).toBe("Recycled")

    // Another rep accepted Dana first: the backend answers 409 and keeps her in SQL.
    const [sent] = handoffs(worker)
    onServer(worker, (c) => ({ ...c, contact: { ...c.contact, stage: "sql" }, sla: { ...c.sla, state: "met" } }))
    worker.refuse(sent!.input.id!, "only an MQL can be accepted or rejected; this contact is sql")
    await act(() => vi.advanceTimersByTimeAsync(3_500))
    expect(await within(panel).findByText("Not synced — see the list at the top")).toBeTruthy()
    await waitFor(() => expect(stageBadge()).toBe("SQL"))
    expect(within(panel).getByRole("status").textContent).toBe("Rejected (Not a fit) — not recorded.")
    expect(within(panel).queryByText(/recycled to marketing/)).toBeNull()
  })

  it("offers the decision again once the rep discards a refused one", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const { worker } = renderSidebar(threadWith(people.dana), { contacts: [danaContext] })
    const panel = await screen.findByRole("region", { name: "Handoff" })
    await user.click(within(panel).getByRole("button", { name: "Accept" }))
    const [sent] = handoffs(worker)
    worker.refuse(sent!.input.id!, "the backend refused it")
    await act(() => vi.advanceTimersByTimeAsync(3_500))
    expect(await within(panel).findByText("Not synced — see the list at the top")).toBeTruthy()
    expect(stageBadge()).toBe("MQL")

    await user.click(screen.getByRole("button", { name: "Discard" }))
    const again = await screen.findByRole("region", { name: "Handoff" })
    expect(await within(again).findByRole("button", { name: "Accept" })).toBeTruthy()
    expect(within(again).queryByRole("status")).toBeNull()
    expect(stageBadge()).toBe("MQL")
  })
})

// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import { danaContext, ids, jordanContext, people, threadWith } from "./fixtures"
import { renderSidebar } from "./render"

afterEach(cleanup)

describe("sidebar: someone Relay does not know", () => {
  it("shows what was detected and that they are not in Relay yet", async () => {
    renderSidebar(threadWith(people.unknown), { contacts: [danaContext, jordanContext] })
    expect(await screen.findByText("Not in Relay yet")).toBeTruthy()
    expect(screen.getByRole("heading", { name: "J. Blake" })).toBeTruthy()
    expect(screen.getByText("j.blake@gmail.example")).toBeTruthy()
    expect(screen.getByRole("searchbox", { name: "Search contacts" })).toBeTruthy()
  })

  it("shows the LinkedIn profile it detected", async () => {
    renderSidebar(
      { site: "linkedin", view: "profile", people: [{ linkedin: "jane-unknown-42", name: "Jane Unknown", headline: "COO at Fabrikam", role: "profile" }] },
      { contacts: [danaContext] },
    )
    expect(await screen.findByText("Not in Relay yet")).toBeTruthy()
    expect(screen.getByText("in/jane-unknown-42")).toBeTruthy()
    expect(screen.getByText("COO at Fabrikam")).toBeTruthy()
  })

  it("searches contacts and shows the one the rep chooses", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(threadWith(people.unknown), { contacts: [danaContext, jordanContext] })
    const box = await screen.findByRole("searchbox", { name: "Search contacts" })
    await user.type(box, "jordan")

    const results = await screen.findByRole("list", { name: "Search results" })
    const options = within(results).getAllByRole("button")
    expect(options).toHaveLength(1)
    expect(options[0].textContent).toContain("Jordan Blake")
    expect(options[0].textContent).toContain("Head of Sales Ops · Contoso")
    expect(worker.sent("search").at(-1)).toEqual({ type: "search", q: "jordan" })

    await user.click(options[0])
    expect(await screen.findByRole("heading", { name: "Jordan Blake" })).toBeTruthy()
    expect(screen.getByText("35")).toBeTruthy()
    expect(screen.getByText("Owner: Unassigned")).toBeTruthy()
    expect(worker.sent("contact.get")).toEqual([{ type: "contact.get", id: ids.jordan }])

    // The rep can undo a wrong match.
    await user.click(screen.getByRole("button", { name: "Search again" }))
    expect(await screen.findByText("Not in Relay yet")).toBeTruthy()
  })

  it("says so when nothing matches", async () => {
    const user = userEvent.setup()
    renderSidebar(threadWith(people.unknown), { contacts: [danaContext] })
    await user.type(await screen.findByRole("searchbox", { name: "Search contacts" }), "zzz")
    expect(await screen.findByText("No contacts match “zzz”.")).toBeTruthy()
  })
})

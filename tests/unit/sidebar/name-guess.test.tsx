// @vitest-environment jsdom
// A person the page shows only by name (the detector's "name" strategy): the sidebar searches by that
// name, shows the best match labelled as a guess, and lets the rep pick another.
import { cleanup, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import type { PageContext } from "../../../src/shared/page-context"
import { danaContext, ids, jordanContext } from "./fixtures"
import { renderSidebar } from "./render"

afterEach(cleanup)

const collapsedCard = (name: string): PageContext => ({
  site: "outlook",
  view: "thread",
  subject: "Renewal — seat count",
  strategy: "name",
  people: [{ name, role: "from" }],
})

describe("sidebar: someone known only by the name on screen", () => {
  it("searches by the name and shows the best match, labelled as a guess", async () => {
    const { worker } = renderSidebar(collapsedCard("Dana Whitfield"), { contacts: [danaContext, jordanContext] })
    const note = await screen.findByRole("note")
    expect(note.textContent).toContain("Best match for “Dana Whitfield” — a guess from the name on screen.")
    expect(await screen.findByRole("heading", { name: "Dana Whitfield" })).toBeTruthy()
    expect(worker.sent("search")).toEqual([{ type: "search", q: "Dana Whitfield" }])
    expect(worker.sent("contact.get")).toEqual([{ type: "contact.get", id: ids.dana }])
    // A name is never looked up as if it were an address or a profile.
    expect(worker.sent("lookup")).toEqual([])
  })

  it("lets the rep pick another match, and undo it", async () => {
    const user = userEvent.setup()
    const { worker } = renderSidebar(collapsedCard("Dana Whitfield"), { contacts: [danaContext, jordanContext] })
    await user.click(await screen.findByRole("button", { name: "Pick another match" }))

    const named = screen.getByRole("list", { name: "Contacts named like “Dana Whitfield”" })
    expect(
      within(named)
        .getAllByRole("button")
        .map((b) => b.querySelector(".result-name")?.textContent),
    ).toEqual(["Dana Whitfield"])
    await user.type(screen.getByRole("searchbox", { name: "Search contacts" }), "jordan")
    const results = await screen.findByRole("list", { name: "Search results" })
    await user.click(within(results).getByRole("button"))

    expect(await screen.findByRole("heading", { name: "Jordan Blake" })).toBeTruthy()
    expect(screen.getByText(/Matched by hand to Dana Whitfield\./)).toBeTruthy()
    expect(screen.queryByRole("note")).toBeNull()
    expect(worker.sent("contact.get").at(-1)).toEqual({ type: "contact.get", id: ids.jordan })

    await user.click(screen.getByRole("button", { name: "Search again" }))
    expect((await screen.findByRole("note")).textContent).toContain("a guess from the name on screen")
  })

  it("says when no contact has that name, and offers a search", async () => {
    renderSidebar(collapsedCard("Thea Lindqvist"), { contacts: [danaContext, jordanContext] })
    expect(await screen.findByText("No contact named “Thea Lindqvist” in Relay")).toBeTruthy()
    expect(screen.getByRole("heading", { name: "Thea Lindqvist" })).toBeTruthy()
    expect(screen.getByRole("searchbox", { name: "Search contacts" })).toBeTruthy()
    expect(screen.queryByRole("note")).toBeNull()
  })

  it("keeps two people known only by name apart", async () => {
    const user = userEvent.setup()
    renderSidebar(
      {
        site: "outlook",
        view: "thread",
        strategy: "name",
        people: [
          { name: "Dana Whitfield", role: "from" },
          { name: "Jordan Blake", role: "from" },
        ],
      },
      { contacts: [danaContext, jordanContext] },
    )
    expect(await screen.findByRole("heading", { name: "Dana Whitfield" })).toBeTruthy()
    await user.selectOptions(screen.getByRole("combobox", { name: "Person" }), "name:jordan blake")
    expect(await screen.findByRole("heading", { name: "Jordan Blake" })).toBeTruthy()
    expect((await screen.findByRole("note")).textContent).toContain("Best match for “Jordan Blake”")
  })
})

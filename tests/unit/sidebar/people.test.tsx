// @vitest-environment jsdom
import { act, cleanup, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import { publish } from "../../../src/sidebar/relay-channel"
import { danaContext, people, priyaContext, threadWith } from "./fixtures"
import { renderSidebar } from "./render"

afterEach(cleanup)

describe("sidebar: several people on the page", () => {
  it("defaults to the sender and switches to whoever the rep picks", async () => {
    const user = userEvent.setup()
    // Cc first on purpose: the default is by role (the sender), not by order.
    renderSidebar(threadWith(people.priya, people.dana), { contacts: [danaContext, priyaContext] })
    expect(await screen.findByRole("heading", { name: "Dana Whitfield" })).toBeTruthy()

    const switcher = screen.getByRole("combobox", { name: "Person" })
    expect(
      within(switcher)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Priya Natarajan (Cc)", "Dana Whitfield (From)"])
    await user.selectOptions(switcher, "Priya Natarajan (Cc)")
    expect(await screen.findByRole("heading", { name: "Priya Natarajan" })).toBeTruthy()
    expect(screen.queryByRole("heading", { name: "Dana Whitfield" })).toBeNull()
    expect(screen.getByText("48")).toBeTruthy()
  })

  it("for a draft, shows the first recipient", async () => {
    renderSidebar(
      {
        site: "gmail",
        view: "compose",
        people: [
          { ...people.priya, role: "to" },
          { ...people.dana, role: "to" },
        ],
      },
      { contacts: [danaContext, priyaContext] },
    )
    expect(await screen.findByRole("heading", { name: "Priya Natarajan" })).toBeTruthy()
  })

  it("follows the page when the rep opens another thread", async () => {
    const { channel } = renderSidebar(threadWith(people.dana), { contacts: [danaContext, priyaContext] })
    expect(await screen.findByRole("heading", { name: "Dana Whitfield" })).toBeTruthy()
    expect(screen.queryByRole("combobox", { name: "Person" })).toBeNull()
    act(() => publish(channel, { type: "context", context: threadWith({ ...people.priya, role: "from" }) }))
    expect(await screen.findByRole("heading", { name: "Priya Natarajan" })).toBeTruthy()
  })
})

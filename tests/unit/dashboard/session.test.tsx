// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import { FakeApi } from "./fake-api"
import { contentUsage, marketer } from "./fixtures"
import { currentUrl, renderDashboard } from "./render"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("signing in and out", () => {
  it("asks for a token, exchanges it for a session and shows the org, the person and every page", async () => {
    const api = new FakeApi().ok("GET /api/v1/analytics/content-usage", contentUsage())
    api.on("POST /api/v1/sessions", (call) =>
      (call.body as { token: string }).token === "tok_good"
        ? { body: marketer }
        : { status: 401, body: { error: { code: "unauthorized", message: "that token is not valid" } } },
    )
    renderDashboard("/dashboard/", api, null)
    const user = userEvent.setup()

    const token = await screen.findByLabelText("API token")
    await user.type(token, "tok_bad")
    await user.click(screen.getByRole("button", { name: "Sign in" }))
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", "that token is not valid")

    await user.clear(token)
    await user.type(token, "tok_good{Enter}")
    expect(await screen.findByRole("heading", { level: 1, name: "Content usage" })).toBeTruthy()
    const signIn = api.lastCall("POST /api/v1/sessions")!
    expect(signIn.body).toEqual({ token: "tok_good" })
    expect(signIn.headers["x-relay-request"]).toBe("1")
    expect(signIn.credentials).toBe("same-origin")
    expect(currentUrl()).toBe("/dashboard/content-usage")

    expect(screen.getByText("Lumen Labs")).toBeTruthy()
    expect(screen.getByText("Wren Halloway")).toBeTruthy()
    const nav = screen.getByRole("navigation", { name: "Pages" })
    expect(
      within(nav)
        .getAllByRole("link")
        .map((a) => a.textContent),
    ).toEqual(["Content usage", "Content influence", "Handoff and SLA", "Score calibration", "Rep activity", "Content library", "Scoring"])
  })

  it("signs out with the write header and returns to the sign-in page", async () => {
    const api = new FakeApi().ok("GET /api/v1/analytics/content-usage", contentUsage()).on("DELETE /api/v1/sessions/current", { status: 204, body: null })
    renderDashboard("/dashboard/content-usage", api, marketer)
    const user = userEvent.setup()
    await user.click(await screen.findByRole("button", { name: "Sign out" }))
    expect(await screen.findByLabelText("API token")).toBeTruthy()
    expect(api.lastCall("DELETE /api/v1/sessions/current")!.headers["x-relay-request"]).toBe("1")
  })

  it("goes back to the sign-in page when the session ends while reading a report", async () => {
    const api = new FakeApi().fail("GET /api/v1/analytics/content-usage", 401, "unauthorized", "the session has ended")
    renderDashboard("/dashboard/content-usage", api, marketer)
    expect(await screen.findByLabelText("API token")).toBeTruthy()
  })

  it("says so when the server cannot be reached", async () => {
    const api = new FakeApi().on("GET /api/v1/me", () => {
      throw new TypeError("Failed to fetch")
    })
    renderDashboard("/dashboard/", api, marketer)
    expect(await screen.findByText("The Relay server could not be reached")).toBeTruthy()
    expect(await screen.findByText(/Cannot reach the Relay server/)).toBeTruthy()
  })
})

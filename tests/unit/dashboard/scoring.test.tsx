// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import { FakeApi } from "./fake-api"
import { marketer, rep, settings } from "./fixtures"
import { renderDashboard } from "./render"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("scoring settings", () => {
  it("previews how many contacts would be MQLs under the edited rules, then saves them", async () => {
    const api = new FakeApi()
      .ok("GET /api/v1/settings", settings())
      .on("POST /api/v1/settings/preview", (call) => ({
        body: {
          contacts: 5000,
          current: { mqlThreshold: 60, mqls: 410 },
          proposed: { mqlThreshold: (call.body as { mqlThreshold: number }).mqlThreshold, mqls: 655 },
          changedContacts: 245,
          sampled: false,
          sampleSize: 5000,
        },
      }))
      .on("PUT /api/v1/settings", (call) => ({ body: call.body }))
    renderDashboard("/dashboard/scoring", api, marketer)
    const user = userEvent.setup()
    const threshold = await screen.findByLabelText("MQL threshold (points)")
    expect(screen.getByRole("button", { name: "Save and rescore" })).toHaveProperty("disabled", true)

    await user.clear(threshold)
    await user.type(threshold, "50")
    await user.clear(screen.getByLabelText("Webinar attended points"))
    await user.type(screen.getByLabelText("Webinar attended points"), "20")
    await user.click(screen.getByRole("button", { name: "Remove industry 5" }))
    await user.click(screen.getByRole("button", { name: "Preview MQLs" }))

    await screen.findByText(/would change sides/)
    expect(screen.getByText(/would change sides/).textContent).toBe(
      "Under these rules 655 of 5,000 contacts would be MQLs (threshold 50), against 410 now; 245 would change sides.",
    )
    const sent = api.lastCall("POST /api/v1/settings/preview")!
    expect(sent.headers["x-relay-request"]).toBe("1")
    const body = sent.body as ReturnType<typeof settings>
    expect(body.mqlThreshold).toBe(50)
    expect(body.scoring.events.webinar_attended).toEqual({ points: 20, dailyCap: 15 })
    expect(body.scoring.fit.industries.map((i) => i.industry)).toEqual(["software", "fintech", "healthcare", "logistics"])

    await user.click(screen.getByRole("button", { name: "Save and rescore" }))
    await screen.findByText("Saved. Contacts are rescored under the new rules.")
    expect(api.lastCall("PUT /api/v1/settings")!.body).toEqual(body)
  })

  it("shows the server's refusal when saving fails", async () => {
    const api = new FakeApi()
      .ok("GET /api/v1/settings", settings())
      .fail("PUT /api/v1/settings", 403, "forbidden", "only marketers and admins can change the settings")
    renderDashboard("/dashboard/scoring", api, marketer)
    const user = userEvent.setup()
    const sla = await screen.findByLabelText("Follow-up SLA (hours)")
    await user.clear(sla)
    await user.type(sla, "8")
    await user.click(screen.getByRole("button", { name: "Save and rescore" }))
    expect((await screen.findByRole("alert")).textContent).toBe("Not saved: only marketers and admins can change the settings")
  })

  it("shows a rep the rules read-only and says they cannot change them", async () => {
    const api = new FakeApi().ok("GET /api/v1/settings", settings())
    renderDashboard("/dashboard/scoring", api, rep)
    const threshold = await screen.findByLabelText("MQL threshold (points)")
    expect((threshold as HTMLInputElement).value).toBe("60")
    expect(threshold.matches(":disabled")).toBe(true)
    expect(screen.getByRole("note").textContent).toBe("You can read the scoring rules; only marketers and admins can change them.")
    expect(screen.queryByRole("button", { name: "Save and rescore" })).toBeNull()
    expect(screen.queryByRole("button", { name: /^Remove |^\+ Add / })).toBeNull()
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Points per marketing event" })).getAllByRole("row")).toHaveLength(14))
  })
})

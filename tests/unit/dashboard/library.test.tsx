// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import { deferred, FakeApi } from "./fake-api"
import { asset, marketer, rep } from "./fixtures"
import { currentUrl, renderDashboard } from "./render"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const library = [
  asset(21, "Harbor Freight case study"),
  asset(22, "Pricing battle card", { kind: "battle_card", personas: ["it"], stages: [], industries: [], topics: [] }),
]

describe("content library", () => {
  it("lists and searches assets with the search in the URL", async () => {
    const api = new FakeApi().on("GET /api/v1/assets", (call) => ({
      body: { items: library.filter((a) => a.title.toLowerCase().includes((call.query.get("q") ?? "").toLowerCase())) },
    }))
    renderDashboard("/dashboard/library", api, marketer)
    const table = await screen.findByRole("table", { name: "Assets" })
    expect(within(table).getAllByRole("row")).toHaveLength(3)
    expect(within(within(table).getAllByRole("row")[2]!).getAllByRole("cell")[2]!.textContent).toBe("IT")

    const user = userEvent.setup()
    await user.type(screen.getByRole("searchbox", { name: "Search" }), "pricing")
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(2))
    expect(currentUrl()).toBe("/dashboard/library?q=pricing")
    expect(api.lastCall("GET /api/v1/assets")!.query.get("q")).toBe("pricing")

    await user.type(screen.getByRole("searchbox", { name: "Search" }), "zzz")
    expect(await screen.findByText("No asset matches")).toBeTruthy()
  })

  it("creates an asset with its tags and sends the write header", async () => {
    const api = new FakeApi()
      .ok("GET /api/v1/assets", { items: library })
      .on("POST /api/v1/assets", (call) => ({ status: 201, body: asset(30, (call.body as { title: string }).title) }))
    renderDashboard("/dashboard/library", api, marketer)
    const user = userEvent.setup()
    await user.click(await screen.findByRole("button", { name: "New asset" }))
    const form = screen.getByRole("form", { name: "New asset" })
    await user.type(within(form).getByLabelText("Title"), "Churn playbook")
    await user.type(within(form).getByLabelText("Link (http or https)"), "https://content.example/churn")
    await user.selectOptions(within(form).getByLabelText("Kind"), "one_pager")
    await user.click(within(form).getByLabelText("SQL"))
    await user.click(within(form).getByLabelText("RevOps"))
    await user.type(within(form).getByLabelText("Topics"), "Churn, retention")
    await user.click(within(form).getByRole("button", { name: "Add asset" }))

    await waitFor(() => expect(screen.queryByRole("form", { name: "New asset" })).toBeNull())
    const post = api.lastCall("POST /api/v1/assets")!
    expect(post.headers["x-relay-request"]).toBe("1")
    expect(post.body).toEqual({
      title: "Churn playbook",
      url: "https://content.example/churn",
      kind: "one_pager",
      description: "",
      stages: ["sql"],
      personas: ["revops"],
      industries: [],
      topics: ["Churn", "retention"],
    })
    // The list is asked again after the change.
    expect(api.callsTo("GET /api/v1/assets").length).toBeGreaterThanOrEqual(2)
  })

  it("edits and archives an asset, and shows the server's refusal", async () => {
    const api = new FakeApi()
      .ok("GET /api/v1/assets", { items: library })
      .fail(`PATCH /api/v1/assets/${library[0]!.id}`, 400, "validation_failed", "invalid request: url: url must be an http or https address")
      .on(`POST /api/v1/assets/${library[1]!.id}/archive`, { body: { ...library[1], archived: true } })
    renderDashboard("/dashboard/library", api, marketer)
    const user = userEvent.setup()
    await user.click(await screen.findByRole("button", { name: "Edit Harbor Freight case study" }))
    const form = screen.getByRole("form", { name: "Edit “Harbor Freight case study”" })
    expect((within(form).getByLabelText("Industries") as HTMLInputElement).value).toBe("logistics")
    await user.click(within(form).getByRole("button", { name: "Save changes" }))
    expect((await within(form).findByRole("alert")).textContent).toBe("Not saved: invalid request: url: url must be an http or https address")

    vi.spyOn(window, "confirm").mockReturnValue(true)
    await user.click(screen.getByRole("button", { name: "Archive Pricing battle card" }))
    await waitFor(() => expect(api.callsTo(`POST /api/v1/assets/${library[1]!.id}/archive`)).toHaveLength(1))
    expect(api.lastCall(`POST /api/v1/assets/${library[1]!.id}/archive`)!.headers["x-relay-request"]).toBe("1")
  })

  it("imports a CSV in chunks of 500 with a progress bar and lists rejected rows by line", async () => {
    const header = "id,title,url,kind,description,stages,personas,industries,topics"
    const lines = [header]
    for (let i = 1; i <= 1201; i++) lines.push(`,Asset ${i},https://content.example/${i},case_study,,mql|sql,revops,fintech,roi`)
    lines.push(",No link,,deck,,,,,") // line 1203: refused in the browser
    lines.push(",Bad kind,https://content.example/x,poster,,,,,") // line 1204
    const chunks: number[] = []
    const held = deferred<void>()
    const api = new FakeApi().ok("GET /api/v1/assets", { items: [] }).on("POST /api/v1/assets/import", async (call) => {
      const rows = (call.body as { rows: unknown[] }).rows
      chunks.push(rows.length)
      if (chunks.length === 2) await held.promise
      // The server refuses the second row of the second chunk (file line 503).
      return {
        body: {
          inserted: rows.length - (chunks.length === 2 ? 1 : 0),
          updated: 0,
          rejected: chunks.length === 2 ? [{ row: 1, message: "duplicate url in this import" }] : [],
        },
      }
    })
    renderDashboard("/dashboard/library", api, marketer)
    const user = userEvent.setup()
    await user.click(await screen.findByRole("button", { name: "Import CSV" }))
    const file = new File([lines.join("\n")], "assets.csv", { type: "text/csv" })
    await user.upload(screen.getByLabelText("CSV file to import"), file)

    const progress = await screen.findByRole("progressbar", { name: "Import progress" })
    await waitFor(() => expect(progress.getAttribute("value")).toBe("33"))
    expect(screen.getByText("Importing… chunk 1 of 3")).toBeTruthy()
    held.resolve()
    await screen.findByText("Import finished")
    expect(progress.getAttribute("value")).toBe("100")
    expect(chunks).toEqual([500, 500, 201])
    expect((api.calls.find((c) => c.path === "/api/v1/assets/import")!.body as { rows: unknown[] }).rows[0]).toEqual({
      title: "Asset 1",
      url: "https://content.example/1",
      kind: "case_study",
      description: "",
      stages: ["mql", "sql"],
      personas: ["revops"],
      industries: ["fintech"],
      topics: ["roi"],
    })
    expect(screen.getByRole("status").textContent).toContain("1,200 of 1,203 rows imported: 1,200 added, 0 updated, 3 rejected.")
    const rejected = screen.getByRole("table", { name: "Rejected rows" })
    expect(
      within(rejected)
        .getAllByRole("row")
        .slice(1)
        .map((r) => within(r).getAllByRole("cell")[0]!.textContent),
    ).toEqual(["503", "1203", "1204"])
    expect(within(rejected).getAllByRole("row")[1]!.textContent).toContain("duplicate url in this import")
  })

  it("lets a rep browse but not change the library", async () => {
    const api = new FakeApi().ok("GET /api/v1/assets", { items: library })
    renderDashboard("/dashboard/library", api, rep)
    await screen.findByRole("table", { name: "Assets" })
    expect(screen.getByRole("note").textContent).toBe("You can browse the library; only marketers and admins can add, edit or archive assets.")
    expect(screen.queryByRole("button", { name: "New asset" })).toBeNull()
    expect(screen.queryByRole("button", { name: "Import CSV" })).toBeNull()
    expect(screen.queryByRole("button", { name: /^Edit / })).toBeNull()
  })
})

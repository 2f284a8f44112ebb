import { describe, expect, it, vi } from "vitest"
import { createApiClient } from "../../../src/background/api-client"

describe("regained connectivity", () => {
  it("calls onReachable once when the backend answers after it could not be reached", async () => {
    let down = true
    const fetch = vi.fn(async () => {
      if (down) throw new TypeError("Failed to fetch")
      return new Response(JSON.stringify({ ok: true, version: "1" }), { status: 200, headers: { "content-type": "application/json" } })
    })
    const onReachable = vi.fn()
    const api = createApiClient({ getConfig: async () => ({ baseUrl: "http://localhost:1", token: "t".repeat(20) }), fetch: fetch as never, onReachable })
    await expect(api.health()).rejects.toMatchObject({ code: "offline" })
    await expect(api.health()).rejects.toMatchObject({ code: "offline" })
    expect(onReachable).not.toHaveBeenCalled()
    down = false
    await api.health()
    await api.health()
    expect(onReachable).toHaveBeenCalledTimes(1)
  })
})

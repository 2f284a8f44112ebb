import { afterEach, describe, expect, it, vi } from "vitest"
import { ExtensionError, send } from "../../../src/shared/send"

function fakeChrome(sendMessage: (m: unknown) => Promise<unknown>) {
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(sendMessage) } })
}
afterEach(() => vi.unstubAllGlobals())

describe("send()", () => {
  it("returns data on ok", async () => {
    fakeChrome(async () => ({ ok: true, data: { pending: 0, failed: [], items: [] } }))
    await expect(send({ type: "outbox.status" })).resolves.toEqual({ pending: 0, failed: [], items: [] })
  })

  it("throws an ExtensionError with the code on { ok: false }", async () => {
    fakeChrome(async () => ({ ok: false, error: { code: "not_found", message: "contact not found", status: 404 } }))
    const err = await send({ type: "lookup", person: { email: "a@b.test" } }).catch((e) => e)
    expect(err).toBeInstanceOf(ExtensionError)
    expect(err).toMatchObject({ code: "not_found", message: "contact not found", status: 404 })
  })

  it("throws 'offline' when the worker cannot be reached (extension reloaded)", async () => {
    fakeChrome(async () => {
      throw new Error("Extension context invalidated.")
    })
    await expect(send({ type: "auth.status" })).rejects.toMatchObject({ code: "offline" })
  })

  it("throws when there is no answer at all", async () => {
    fakeChrome(async () => undefined)
    await expect(send({ type: "auth.status" })).rejects.toBeInstanceOf(ExtensionError)
  })
})

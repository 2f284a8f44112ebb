import { describe, expect, it, vi } from "vitest"
import { ApiError, createApiClient, normaliseBackendUrl, personQuery } from "../../../src/background/api-client"
import { createAuth } from "../../../src/background/auth"
import { createFakeServer } from "./fake-server"
import { memoryStore } from "./worker"

const config = { baseUrl: "https://relay.test", token: "t0ken-t0ken" }
const reply = (status: number, body?: unknown) => vi.fn(async () => new Response(body === undefined ? "" : JSON.stringify(body), { status }))
const client = (fetchImpl: unknown, timeoutMs?: number) => createApiClient({ getConfig: async () => config, fetch: fetchImpl as typeof fetch, timeoutMs })

describe("api client errors", () => {
  it.each([
    [401, "signed_out"],
    [403, "forbidden"],
    [404, "not_found"],
    [400, "http"],
    [409, "http"],
    [500, "http"],
    [503, "http"],
  ] as const)("HTTP %i → %s", async (status, code) => {
    const api = client(reply(status, { error: { code: "x", message: "the server says why" } }))
    const err = await api.search("jane").catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code, status })
    if (status >= 400 && status < 500 && status !== 401) expect(err.message).toBe("the server says why")
    if (status >= 500) expect(err.message).toContain(String(status))
  })

  it("a network failure is 'offline'", async () => {
    const api = client(vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))))
    await expect(api.search("x")).rejects.toMatchObject({ code: "offline", message: "Cannot reach https://relay.test" })
  })

  it("a timeout is 'offline'", async () => {
    const hang = vi.fn(
      (_u: string, init: RequestInit) =>
        new Promise<Response>((_r, reject) => init.signal!.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))),
    )
    const api = client(hang, 30)
    await expect(api.search("x")).rejects.toMatchObject({ code: "offline", message: expect.stringContaining("did not answer in time") })
  })

  it("sends the token as a bearer header and parses the contract", async () => {
    const f = reply(200, { items: [] })
    await expect(client(f).search("jane doe")).resolves.toEqual({ items: [] })
    const [url, init] = f.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe("https://relay.test/api/v1/contacts?q=jane%20doe&limit=10")
    expect((init.headers as Record<string, string>).authorization).toBe("Bearer t0ken-t0ken")
    expect(init.credentials).toBe("omit")
  })

  it("an answer that does not match the contract is an error, not garbage", async () => {
    await expect(client(reply(200, { nope: 1 })).search("x")).rejects.toMatchObject({ code: "http" })
  })

  it("marks 5xx, 429 and network errors as transient, other 4xx not", () => {
    expect(new ApiError("http", "", 503).transient).toBe(true)
    expect(new ApiError("http", "", 429).transient).toBe(true)
    expect(new ApiError("offline", "").transient).toBe(true)
    expect(new ApiError("http", "", 409).transient).toBe(false)
    expect(new ApiError("not_found", "", 404).transient).toBe(false)
  })
})

describe("helpers", () => {
  it("normalises the backend URL to an origin", () => {
    expect(normaliseBackendUrl("http://localhost:8787/api/v1/")).toBe("http://localhost:8787")
    expect(normaliseBackendUrl("localhost:8787")).toBe("http://localhost:8787")
    expect(normaliseBackendUrl(" relay.example.com/dashboard ")).toBe("https://relay.example.com")
    expect(() => normaliseBackendUrl("ftp://x.test")).toThrow()
  })

  it("makes lookup keys: emails lowercased, LinkedIn slugs from URLs, vanity slugs lowercased", () => {
    expect(personQuery({ email: " Jane@Corp.TEST " }).key).toBe("email:jane@corp.test")
    expect(personQuery({ linkedin: "https://www.linkedin.com/in/Jane-Doe-12AB/" }).key).toBe("linkedin:jane-doe-12ab")
    expect(personQuery({ linkedin: "ACoAABcdefghijklmnopqrstuvwxyz" }).key).toBe("linkedin:ACoAABcdefghijklmnopqrstuvwxyz")
  })
})

describe("auth", () => {
  function setup(init = {}) {
    const server = createFakeServer()
    const store = memoryStore(init)
    const api = createApiClient({ getConfig: async () => null, fetch: server.fetch })
    const clearCache = vi.fn(async () => {})
    const onSignedIn = vi.fn()
    return { server, store, clearCache, onSignedIn, auth: createAuth({ store, api, clearCache, onSignedIn }) }
  }

  it("signs in: checks the token with /me, stores URL (origin only) and token", async () => {
    const s = setup()
    const st = await s.auth.signIn("https://relay.test/some/path", s.server.token)
    expect(st).toMatchObject({
      signedIn: true,
      backendUrl: "https://relay.test",
      reachable: true,
      me: { user: { name: "Rita Rep" }, org: { name: "Acme Sales" } },
    })
    expect(s.store.data.get("relay.token")).toBe(s.server.token)
    expect(s.store.data.get("relay.backendUrl")).toBe("https://relay.test")
    expect(s.onSignedIn).toHaveBeenCalledOnce()
    expect(await s.auth.status()).toMatchObject({ signedIn: true, reachable: true })
  })

  it("a refused token: clear message, nothing stored", async () => {
    const s = setup()
    await expect(s.auth.signIn("https://relay.test", "wrong-token-xx")).rejects.toMatchObject({ code: "signed_out", message: "That token was not accepted" })
    expect(s.store.data.size).toBe(0)
  })

  it("an unreachable server: 'Cannot reach <url>'", async () => {
    const s = setup()
    s.server.setDown(true)
    await expect(s.auth.signIn("https://relay.test/", s.server.token)).rejects.toMatchObject({ code: "offline", message: "Cannot reach https://relay.test" })
  })

  it("status when never signed in, and reachability", async () => {
    const s = setup()
    expect(await s.auth.status()).toEqual({ signedIn: false, backendUrl: null, me: null, reachable: null })
    await s.auth.signIn("https://relay.test", s.server.token)
    s.server.setDown(true)
    expect(await s.auth.status()).toMatchObject({ signedIn: true, reachable: false })
  })

  it("signing in as someone else clears the cache; signing out clears it too", async () => {
    const s = setup({ "relay.backendUrl": "http://other.test", "relay.token": "x", "relay.me": { user: { id: "someone" } } })
    await s.auth.signIn("https://relay.test", s.server.token)
    expect(s.clearCache).toHaveBeenCalledTimes(1)
    await s.auth.signIn("https://relay.test", s.server.token)
    expect(s.clearCache).toHaveBeenCalledTimes(1) // same person, same server: the cache stays
    await s.auth.signOut()
    expect(s.clearCache).toHaveBeenCalledTimes(2)
    expect(s.store.data.has("relay.token")).toBe(false)
  })
})

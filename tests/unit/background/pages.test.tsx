// @vitest-environment jsdom
import "fake-indexeddb/auto"
import { cleanup, render, screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { createElement } from "react"
import { afterEach, describe, expect, it, vi } from "vitest"
import Options from "../../../src/options"
import Popup from "../../../src/popup"
import { generateSigningKey, privateKeyFrom, signOverlay } from "../../../src/server/sites/signing"
import { uuid } from "./fake-server"
import { createTestWorker, fromPage } from "./worker"

// The pages talk to a real message handler (over a fake server), as they would to the worker.
function installChrome(w: ReturnType<typeof createTestWorker>, perms: { has?: boolean; grant?: boolean | "throw" } = {}) {
  const chromeFake = {
    runtime: {
      sendMessage: vi.fn((m: unknown) => w.handle(m, fromPage)),
      openOptionsPage: vi.fn(async () => {}),
    },
    permissions: {
      contains: vi.fn(async () => perms.has ?? false),
      request: vi.fn(async () => {
        if (perms.grant === "throw") throw new Error("not allowed")
        return perms.grant ?? true
      }),
    },
  }
  vi.stubGlobal("chrome", chromeFake)
  return chromeFake
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("options page", () => {
  it("signs in with URL and token, asking for the host permission, then shows who is signed in and signs out", async () => {
    const w = createTestWorker({ signedIn: false })
    const c = installChrome(w)
    render(createElement(Options))
    const url = screen.getByLabelText("Backend URL") as HTMLInputElement
    await waitFor(() => expect(c.permissions.contains).toHaveBeenCalled())
    expect(url.value).toBe("http://localhost:8787")
    expect((screen.getByLabelText(/API token/) as HTMLInputElement).type).toBe("password")
    await userEvent.clear(url)
    await userEvent.type(url, "https://relay.test/")
    await userEvent.type(screen.getByLabelText(/API token/), w.server.token)
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }))
    expect(await screen.findByText("Signed in as Rita Rep (rep@acme.test), Acme Sales")).toBeTruthy()
    expect(c.permissions.request).toHaveBeenCalledWith({ origins: ["https://relay.test/*"] })
    expect(w.store.data.get("relay.token")).toBe(w.server.token)

    await userEvent.click(screen.getByRole("button", { name: "Sign out" }))
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeTruthy()
    expect(w.store.data.has("relay.token")).toBe(false)
  })

  it("does not ask for the permission when it is already granted", async () => {
    const w = createTestWorker({ signedIn: false })
    const c = installChrome(w, { has: true })
    render(createElement(Options))
    await waitFor(() => expect(c.permissions.contains).toHaveBeenCalled())
    await userEvent.clear(screen.getByLabelText("Backend URL"))
    await userEvent.type(screen.getByLabelText("Backend URL"), "https://relay.test")
    await userEvent.type(screen.getByLabelText(/API token/), w.server.token)
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }))
    await screen.findByText(/Signed in as Rita Rep/)
    expect(c.permissions.request).not.toHaveBeenCalled()
  })

  it("shows a refused token in an alert, and still tries when the permission is denied", async () => {
    const w = createTestWorker({ signedIn: false })
    installChrome(w, { grant: false })
    render(createElement(Options))
    await userEvent.clear(screen.getByLabelText("Backend URL"))
    await userEvent.type(screen.getByLabelText("Backend URL"), "https://relay.test")
    await userEvent.type(screen.getByLabelText(/API token/), "not-the-right-token")
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }))
    expect((await screen.findByRole("alert")).textContent).toBe("That token was not accepted")
    expect(screen.getByText(/was not given access to https:\/\/relay.test; trying anyway/)).toBeTruthy()
  })

  it("says when the backend cannot be reached", async () => {
    const w = createTestWorker({ signedIn: false })
    installChrome(w, { has: true })
    w.server.setDown(true)
    render(createElement(Options))
    await userEvent.clear(screen.getByLabelText("Backend URL"))
    await userEvent.type(screen.getByLabelText("Backend URL"), "https://relay.test")
    await userEvent.type(screen.getByLabelText(/API token/), w.server.token)
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }))
    expect((await screen.findByRole("alert")).textContent).toBe("Cannot reach https://relay.test")
  })
})

describe("options page: plain http only to this computer", () => {
  it("says why next to the field, and refuses an http backend elsewhere without asking for access or sending the token", async () => {
    const w = createTestWorker({ signedIn: false })
    const c = installChrome(w)
    const sendSpy = c.runtime.sendMessage
    render(createElement(Options))
    const url = screen.getByLabelText("Backend URL") as HTMLInputElement
    await waitFor(() => expect(c.permissions.contains).toHaveBeenCalled())
    // The reason is on the page before anyone types anything.
    expect(screen.getByText(/Plain http:\/\/ works only for a backend on this computer \(localhost, 127\.0\.0\.1 or \[::1\]\)/)).toBeTruthy()
    expect(url.getAttribute("aria-invalid")).toBe("false")

    await userEvent.clear(url)
    await userEvent.type(url, "http://relay.test")
    expect(url.getAttribute("aria-invalid")).toBe("true")
    expect(document.getElementById(url.getAttribute("aria-describedby")!)!.textContent).toMatch(/must use https:\/\//)
    await userEvent.type(screen.getByLabelText(/API token/), w.server.token)
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }))
    expect((await screen.findByRole("alert")).textContent).toMatch(/API token and your contacts' details to the backend, so it must use https:\/\//)
    expect(c.permissions.request).not.toHaveBeenCalled()
    expect(sendSpy.mock.calls.some(([m]) => (m as { type?: string }).type === "auth.signIn")).toBe(false)
    expect(w.store.data.has("relay.token")).toBe(false)

    // Over https it signs in.
    await userEvent.clear(url)
    await userEvent.type(url, "https://relay.test")
    expect(url.getAttribute("aria-invalid")).toBe("false")
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }))
    expect(await screen.findByText(/Signed in as Rita Rep/)).toBeTruthy()
  })

  it("takes plain http to localhost", async () => {
    const w = createTestWorker({ signedIn: false })
    const c = installChrome(w, { has: true })
    render(createElement(Options))
    await waitFor(() => expect(c.permissions.contains).toHaveBeenCalled())
    const url = screen.getByLabelText("Backend URL") as HTMLInputElement
    await userEvent.clear(url)
    await userEvent.type(url, "http://localhost:8787")
    expect(url.getAttribute("aria-invalid")).toBe("false")
    await userEvent.type(screen.getByLabelText(/API token/), w.server.token)
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }))
    expect(await screen.findByText(/Signed in as Rita Rep/)).toBeTruthy()
    expect(screen.getByText("Backend: http://localhost:8787")).toBeTruthy()
    expect(c.runtime.sendMessage).toHaveBeenCalledWith(expect.objectContaining({ type: "auth.signIn", backendUrl: "http://localhost:8787" }))
  })

  it("the worker refuses an http backend elsewhere even when asked directly, and treats one saved before the rule as signed out", async () => {
    const w = createTestWorker({ signedIn: false })
    await expect(w.auth.signIn("http://relay.test", w.server.token)).rejects.toThrow(/must use https:\/\//)
    const old = createTestWorker()
    await old.store.set({ "relay.backendUrl": "http://relay.test" })
    expect((await old.auth.status()).signedIn).toBe(false)
  })
})

describe("popup", () => {
  it("shows who is signed in, reachability, the waiting count and failed items with Retry/Discard", async () => {
    const w = createTestWorker()
    installChrome(w)
    w.server.fail("/feedback", { kind: "status", status: 400, message: "rating out of range" })
    await w.outbox.enqueue({ id: uuid(900), contactId: uuid(1), payload: { kind: "feedback", input: { rating: 5 } } })
    await w.outbox.flush()
    w.server.setDown(true)
    await w.outbox.enqueue({ id: uuid(901), contactId: uuid(2), payload: { kind: "bant", bant: { need: "yes" } } })
    w.server.setDown(false)

    render(createElement(Popup))
    expect(await screen.findByText(/Signed in as Rita Rep/)).toBeTruthy()
    expect(await screen.findByText("Backend reachable")).toBeTruthy()
    expect(await screen.findByText("1 waiting to sync")).toBeTruthy()
    expect(screen.getByText("rating out of range")).toBeTruthy()

    await userEvent.click(screen.getByRole("button", { name: "Discard: Rated the lead 5/5" }))
    await waitFor(() => expect(screen.queryByText("rating out of range")).toBeNull())
    expect(await w.db.outbox.get(uuid(900))).toBeUndefined()
  })

  it("offers to open settings when signed out, and says when the backend is unreachable", async () => {
    const w = createTestWorker({ signedIn: false })
    await w.store.set({ "relay.backendUrl": "https://relay.test" })
    w.server.setDown(true)
    const c = installChrome(w)
    render(createElement(Popup))
    await userEvent.click(await screen.findByRole("button", { name: "Open settings" }))
    expect(c.runtime.openOptionsPage).toHaveBeenCalled()
    expect(await screen.findByText("Backend unreachable")).toBeTruthy()
    expect(await screen.findByText("Nothing waiting to sync")).toBeTruthy()
  })
})

describe("popup: Open Relay on this page", () => {
  it("is off with a reason where Relay does not run, and on a Relay page opens the sidebar there and gets out of the way", async () => {
    const w = createTestWorker()
    installChrome(w)
    w.lookAt({ id: 4, url: "https://news.example/" })
    const first = render(createElement(Popup))
    const off = await screen.findByRole("button", { name: "Open Relay on this page" })
    expect((off as HTMLButtonElement).disabled).toBe(true)
    expect(off.getAttribute("aria-describedby")).toBeTruthy()
    expect(document.getElementById(off.getAttribute("aria-describedby")!)?.textContent).toBe("Relay opens on Gmail, Outlook on the web and LinkedIn.")
    first.unmount()

    w.lookAt({ id: 7, url: "https://mail.google.com/mail/u/0/#inbox" })
    w.answerAsShell((m) => (m.type === "relay.open" ? true : undefined))
    const close = vi.spyOn(window, "close").mockImplementation(() => {})
    render(createElement(Popup))
    const on = await screen.findByRole("button", { name: "Open Relay on this page" })
    await waitFor(() => expect((on as HTMLButtonElement).disabled).toBe(false))
    await userEvent.click(on)
    await waitFor(() => expect(close).toHaveBeenCalled())
    expect(w.toShell.map((t) => [t.tabId, t.message.type])).toEqual([[7, "relay.open"]])
  })

  it("says to reload a Relay page that was open before Relay was", async () => {
    const w = createTestWorker()
    installChrome(w)
    w.lookAt({ id: 7, url: "https://mail.google.com/mail/u/0/#inbox" })
    w.answerAsShell(() => false)
    render(createElement(Popup))
    const on = await screen.findByRole("button", { name: "Open Relay on this page" })
    await waitFor(() => expect((on as HTMLButtonElement).disabled).toBe(false))
    await userEvent.click(on)
    expect((await screen.findByRole("alert")).textContent).toBe("Relay is not running on this page yet. Reload the page and try again.")
  })
})

describe("popup: selector updates", () => {
  const key = generateSigningKey()
  const overlay = (version: number) =>
    signOverlay(
      JSON.stringify({ version, issuedAt: "2026-12-01T10:00:00Z", note: "Outlook personas as div", sites: { outlook: { enabled: true } } }),
      privateKeyFrom(key.privateKeyPem),
    )

  it("shows the update in use, and warns when a tampered one was ignored; Check now asks the backend again", async () => {
    const w = createTestWorker({ sitesKey: key.publicKey })
    installChrome(w)
    w.server.publishSites(overlay(2))
    await w.sites.refresh()
    const good = overlay(3)
    w.server.publishSites({ ...good, payload: good.payload.replace("Outlook", "Evil") })
    await w.sites.refresh()

    render(createElement(Popup))
    const section = await screen.findByRole("region", { name: "Selector updates" })
    expect(section.textContent).toContain("Selector update 2 in use: Outlook personas as div")
    expect((await screen.findByRole("alert")).textContent).toMatch(/^Selector update ignored: the selector update's signature does not match Relay's key/)

    w.server.publishSites(good)
    await userEvent.click(screen.getByRole("button", { name: "Check now" }))
    await waitFor(() => expect(section.textContent).toContain("Selector update 3 in use"))
    expect(screen.queryByRole("alert")).toBeNull()
  })
})

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest"
import type { PageContext } from "../../../src/shared/page-context"
import { startShell, type Shell, type SiteParts } from "../../../src/sidebar/shell"
import * as gmailSelectors from "../../../src/sites/gmail/selectors"
import * as linkedinSelectors from "../../../src/sites/linkedin/selectors"
import { FakeWorker, ok } from "./fake-worker"
import { people, threadWith } from "./fixtures"

let shell: Shell | undefined
let compose: HTMLElement | null = null
afterEach(() => {
  shell?.stop()
  shell = undefined
  compose?.remove()
  compose = null
  document.querySelectorAll("iframe").forEach((f) => f.remove())
})

/** A watcher the test drives by hand. */
function fakeWatch() {
  const w = { emit: (_: PageContext) => {}, stopped: false }
  const watch = (onChange: (ctx: PageContext) => void) => {
    w.emit = onChange
    return () => void (w.stopped = true)
  }
  return { w, watch }
}

// Each site's own selectors, as its content script hands them over.
const gmail: SiteParts = { selectors: gmailSelectors, docked: [gmailSelectors.COMPOSE_DOCK] }
const linkedin: SiteParts = { selectors: linkedinSelectors, docked: [linkedinSelectors.MESSAGING_OVERLAY] }

const flush = () => new Promise((r) => setTimeout(r, 0))
const frame = () => document.querySelector<HTMLIFrameElement>("iframe#relay-sidebar")

function openCompose() {
  compose = document.createElement("div")
  // test fixture markup, not remote data
  compose.innerHTML =
    '<div role="dialog"><div class="Am Al editable" contenteditable="true" role="textbox" aria-label="Message Body" g_editable="true">Hi Dana,<br><br>Here is what we discussed. </div></div>'
  document.body.append(compose)
  return compose.querySelector<HTMLElement>('[aria-label="Message Body"]')!
}

describe("site shell", () => {
  it("adds the sidebar frame once someone is on screen, and tells the worker (not the frame) what it detected", async () => {
    const worker = new FakeWorker().install()
    const { w, watch } = fakeWatch()
    shell = startShell("gmail", watch, gmail)
    w.emit({ site: "gmail", view: "list", people: [] })
    await flush()
    // Nobody on screen: no frame, no round trip.
    expect(frame()).toBeNull()
    expect(worker.sent("sidebar.state")).toEqual([])
    expect(shell.context().view).toBe("list")

    w.emit(threadWith(people.dana))
    w.emit(threadWith(people.dana))
    w.emit(threadWith(people.priya))
    await flush()
    const f = frame()!
    expect(f.src).toBe("chrome-extension://relay-test-extension/tabs/sidebar.html")
    // Zero-wide and hidden until the sidebar says what it shows: no click on the page lands on an empty frame.
    expect(f.style.getPropertyValue("width")).toBe("0px")
    expect(f.style.getPropertyValue("visibility")).toBe("hidden")
    // The host page sees an element and nothing more: no names in its DOM.
    expect(document.documentElement.outerHTML).not.toContain("Dana")
    // Each change once.
    expect(worker.sent("sidebar.state")).toEqual([
      { type: "sidebar.state", context: threadWith(people.dana), canInsert: false },
      { type: "sidebar.state", context: threadWith(people.priya), canInsert: false },
    ])
    // Back to a list: the frame stays (the sidebar hides its panel), the worker hears of it.
    w.emit({ site: "gmail", view: "list", people: [] })
    await flush()
    expect(worker.sent("sidebar.state")).toHaveLength(3)
    expect(document.querySelectorAll("iframe")).toHaveLength(1)
  })

  it("sizes the frame as the sidebar asks, through the worker only", () => {
    const worker = new FakeWorker().install()
    const { w, watch } = fakeWatch()
    shell = startShell("gmail", watch, gmail)
    // No frame yet: the shell does not even listen (a page where nobody shows up never touches chrome.runtime).
    expect(worker.runtimeListeners.size).toBe(0)
    expect(worker.deliver({ type: "relay.layout", mode: "open" })).toBeUndefined()
    w.emit(threadWith(people.dana))
    expect(worker.deliver({ type: "relay.layout", mode: "open" })).toEqual({ applied: true })
    expect(frame()!.style.getPropertyValue("width")).toBe("360px")
    expect(frame()!.style.getPropertyValue("visibility")).toBe("visible")
    worker.deliver({ type: "relay.layout", mode: "tab" })
    expect(frame()!.style.getPropertyValue("width")).toBe("28px")
    worker.deliver({ type: "relay.layout", mode: "hidden" })
    expect(frame()!.style.getPropertyValue("width")).toBe("0px")
    // Not from Relay (another extension), or not a size: ignored.
    worker.deliver({ type: "relay.layout", mode: "open" }, "someone-else")
    expect(worker.deliver({ type: "relay.layout", mode: "huge" })).toEqual({ applied: false })
    expect(frame()!.style.getPropertyValue("width")).toBe("0px")
  })

  it("inserts a link at the caret the rep left in the compose, after a click in the sidebar took the selection away", async () => {
    const worker = new FakeWorker().install()
    const { w, watch } = fakeWatch()
    shell = startShell("gmail", watch, gmail)
    w.emit(threadWith(people.dana))
    await flush()
    expect(worker.sent("sidebar.state").at(-1)).toMatchObject({ canInsert: false })

    const body = openCompose()
    w.emit({ ...threadWith(people.dana), view: "compose" })
    await flush()
    expect(worker.sent("sidebar.state").at(-1)).toMatchObject({ canInsert: true, context: { view: "compose" } })

    // The rep's caret after "Hi Dana," — then they click in the sidebar (another document: the selection here goes).
    const r = document.createRange()
    r.setStart(body.firstChild!, "Hi Dana,".length)
    r.collapse(true)
    document.getSelection()!.removeAllRanges()
    document.getSelection()!.addRange(r)
    document.dispatchEvent(new Event("selectionchange"))
    document.getSelection()!.removeAllRanges()
    document.dispatchEvent(new Event("selectionchange"))

    const link = { url: "http://localhost:8787/r/AbCdEfGhIjKlMnOpQrStUv", text: "How Bluefin Finance cut reporting time" }
    expect(worker.deliver({ type: "relay.insert", link })).toEqual({ inserted: true })
    const a = body.querySelector("a")!
    expect(a.getAttribute("href")).toBe(link.url)
    expect(a.textContent).toBe(link.text)
    expect(body.textContent).toBe(`Hi Dana, ${link.text}\u00a0Here is what we discussed. `)
    // The caret goes on after the link, in the compose.
    expect(document.activeElement).toBe(body)

    // Never a script link, whoever asks; nothing to insert into once the compose closed.
    expect(worker.deliver({ type: "relay.insert", link: { url: "javascript:alert(1)", text: "x" } })).toEqual({ inserted: false })
    compose!.remove()
    expect(worker.deliver({ type: "relay.insert", link })).toEqual({ inserted: false })
  })

  it("tells the worker which strategy answered (selector health), and nothing about who or where", async () => {
    const worker = new FakeWorker().install()
    const { w, watch } = fakeWatch()
    shell = startShell("gmail", watch, gmail)
    w.emit({ site: "gmail", view: "list", people: [] })
    w.emit({ ...threadWith(people.dana), strategy: "signals" })
    w.emit({ site: "gmail", view: "thread", people: [], subject: "Re: pricing", strategy: "none" })
    await flush()
    expect(worker.sent("health.detected")).toEqual([
      { type: "health.detected", site: "gmail", view: "thread", strategy: "signals" },
      { type: "health.detected", site: "gmail", view: "thread", strategy: "none" },
    ])
    // A worker that cannot count does not stop detection.
    worker.on("health.detected", () => {
      throw new Error("worker gone")
    })
    w.emit({ ...threadWith(people.priya), strategy: "structure" })
    await flush()
    expect(shell.context().people).toEqual([people.priya])
  })

  it("applies the worker's selector overlay to the site's lists and detects again; an overlay can switch the site off", async () => {
    const worker = new FakeWorker().install()
    worker.on("sites.overlay", () => ok({ selectors: { SENDER: ["span.sender-2027[email]"] } }))
    const selectors = { SENDER: ["span.gD[email]"], MAIN: ['div[role="main"]'], COMPOSE_BODY: [], composeTail: [] }
    let starts = 0
    const { w, watch } = fakeWatch()
    shell = startShell(
      "gmail",
      (cb) => {
        starts++
        return watch(cb)
      },
      { selectors, docked: [] },
    )
    // A list with nobody expected on it costs no round trip to the worker.
    w.emit({ site: "gmail", view: "list", people: [] })
    await flush()
    expect(worker.sent("sites.overlay")).toEqual([])
    // A thread expects someone: the overlay is asked for once, applied, and detection starts again with it.
    w.emit({ site: "gmail", view: "thread", people: [], strategy: "none" })
    w.emit({ ...threadWith(people.dana), strategy: "structure" })
    expect(worker.sent("sites.overlay")).toEqual([{ type: "sites.overlay", site: "gmail" }])
    await flush()
    expect(selectors.SENDER).toEqual(["span.sender-2027[email]", "span.gD[email]"])
    expect(starts).toBe(2)

    shell!.stop()
    expect(frame()).toBeNull()
    const off = new FakeWorker().install()
    off.on("sites.overlay", () => ok({ enabled: false }))
    const second = fakeWatch()
    shell = startShell("linkedin", second.watch, { selectors: { COMPOSE_BODY: [], composeTail: [] }, docked: [] })
    second.w.emit({ site: "linkedin", view: "profile", people: [{ linkedin: "someone", role: "profile" }], strategy: "structure" })
    await flush()
    expect(shell.context()).toEqual({ site: "linkedin", view: "other", people: [] })
    expect(off.sent("sidebar.state").at(-1)).toMatchObject({ context: { people: [] } })
    expect(second.w.stopped).toBe(true)
    second.w.emit({ site: "linkedin", view: "profile", people: [{ linkedin: "someone-else", role: "profile" }] })
    await flush()
    expect(shell.context().people).toEqual([])
  })

  it("the shortcut adds the frame before anyone is detected; the worker gets the state again after a restart", async () => {
    const worker = new FakeWorker().install()
    const { watch } = fakeWatch()
    shell = startShell("linkedin", watch, linkedin)
    expect(frame()).toBeNull()
    // The worker reaches a shell without a frame through chrome.scripting, which calls open() in the content
    // scripts' world (src/background/index.ts): the shell is kept there under Symbol.for("relay.shell").
    const kept = (globalThis as unknown as Record<symbol, Shell | undefined>)[Symbol.for("relay.shell")]
    expect(kept).toBe(shell)
    kept!.open()
    expect(frame()).not.toBeNull()
    kept!.open()
    worker.deliver({ type: "relay.open" })
    worker.deliver({ type: "relay.open" }, "someone-else")
    expect(document.querySelectorAll("iframe")).toHaveLength(1)
    await flush()
    expect(worker.sent("sidebar.state")).toHaveLength(1)
    // A worker that was stopped forgot it; the frame's new port makes it ask.
    worker.deliver({ type: "relay.resend" })
    await flush()
    expect(worker.sent("sidebar.state")).toHaveLength(2)
  })

  it("runs once per frame and stops its watcher", () => {
    new FakeWorker().install()
    const { w, watch } = fakeWatch()
    shell = startShell("gmail", watch, gmail)
    const again = startShell(
      "gmail",
      () => {
        throw new Error("must not start a second watcher")
      },
      gmail,
    )
    expect(again).toBe(shell)
    shell.stop()
    expect(w.stopped).toBe(true)
  })
})

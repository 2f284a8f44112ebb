// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { PageContext } from "../../../src/shared/page-context"
import { quiet as gmailQuiet, watch } from "../../../src/sites/gmail/watch"
import * as outlookSelectors from "../../../src/sites/outlook/selectors"
import { quiet as outlookQuiet } from "../../../src/sites/outlook/watch"
import { watchPage } from "../../../src/sites/watch-page"
import { fixture } from "./load"

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const parse = (html: string) => new DOMParser().parseFromString(html, "text/html")
const mainOf = (html: string) => parse(html).querySelector('div[role="main"]')!.innerHTML
const THREAD_URL = "/mail/u/0/#inbox/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd"

describe("gmail watch (global document)", () => {
  let stop: (() => void) | undefined
  beforeEach(() => {
    const page = parse(fixture("gmail", "inbox-list.html"))
    document.title = page.title
    document.body.innerHTML = page.body.innerHTML
    history.replaceState(null, "", "/mail/u/0/#inbox")
  })
  afterEach(() => stop?.())

  it("reports the first context, then follows navigation to a thread and back", async () => {
    const seen: PageContext[] = []
    stop = watch((ctx) => seen.push(ctx), { debounceMs: 20 })
    expect(seen.map((c) => c.view)).toEqual(["list"])

    // Gmail changes the hash (pushState) and swaps the main pane.
    history.pushState(null, "", THREAD_URL)
    document.querySelector('div[role="main"]')!.innerHTML = mainOf(fixture("gmail", "thread.html"))
    await sleep(80)
    expect(seen).toHaveLength(2)
    expect(seen[1].view).toBe("thread")
    expect(seen[1].people[0].email).toBe("marisol.quintero@brightlane.example")

    // Back to the inbox: popstate alone (no DOM change needed) triggers re-detection.
    history.replaceState(null, "", "/mail/u/0/#inbox")
    window.dispatchEvent(new PopStateEvent("popstate"))
    await sleep(80)
    expect(seen.map((c) => c.view)).toEqual(["list", "thread", "list"])
  })

  it("looks at once when the URL changes, without waiting for the quiet period", async () => {
    const seen: PageContext[] = []
    stop = watch((ctx) => seen.push(ctx), { debounceMs: 1000 })
    document.querySelector('div[role="main"]')!.innerHTML = mainOf(fixture("gmail", "thread.html"))
    history.replaceState(null, "", THREAD_URL)
    window.dispatchEvent(new HashChangeEvent("hashchange"))
    await sleep(30)
    expect(seen.map((c) => c.view)).toEqual(["list", "thread"])
  })

  it("stops reporting after stop()", async () => {
    const onChange = vi.fn()
    stop = watch(onChange, { debounceMs: 10 })
    stop()
    history.pushState(null, "", THREAD_URL)
    document.querySelector('div[role="main"]')!.innerHTML = mainOf(fixture("gmail", "thread.html"))
    await sleep(50)
    expect(onChange).toHaveBeenCalledTimes(1)
  })
})

describe("watchPage", () => {
  let stop: (() => void) | undefined
  afterEach(() => stop?.())

  function setup(debounceMs = 30) {
    document.body.innerHTML = `<div id="app"><div role="main"><p id="who">ann@a.example</p><span id="clock">10:00</span></div></div>`
    const detect = vi.fn((doc: Document, url: URL): PageContext => ({
      site: "gmail",
      view: url.hash.includes("/") ? "thread" : "list",
      people: [{ email: doc.getElementById("who")?.textContent ?? undefined, role: "from" }],
    }))
    const onChange = vi.fn()
    history.replaceState(null, "", "/mail/#inbox")
    stop = watchPage({ detect, containers: ['div[role="main"]'] }, onChange, { debounceMs, ignore: (n) => (n as Element).id === "ads" })
    return { detect, onChange }
  }

  it("debounces a burst of mutations into one detection", async () => {
    const { detect, onChange } = setup()
    expect(detect).toHaveBeenCalledTimes(1)
    const who = document.getElementById("who")!
    for (const name of ["b", "c", "d", "e", "bob"]) {
      who.textContent = `${name}@b.example`
      await sleep(5)
    }
    await sleep(80)
    expect(detect).toHaveBeenCalledTimes(2)
    expect(onChange).toHaveBeenCalledTimes(2)
    expect(onChange.mock.lastCall![0].people[0].email).toBe("bob@b.example")
  })

  it("does not call back when the page changed but the context did not", async () => {
    const { detect, onChange } = setup()
    document.getElementById("clock")!.textContent = "10:01"
    await sleep(80)
    expect(detect).toHaveBeenCalledTimes(2)
    expect(onChange).toHaveBeenCalledTimes(1)
  })

  it("ignores our own nodes and nodes matched by opts.ignore", async () => {
    const { detect, onChange } = setup()
    const main = document.querySelector('div[role="main"]')!
    const sidebar = document.createElement("iframe")
    sidebar.id = "relay-sidebar"
    main.append(sidebar)
    await sleep(60)
    sidebar.setAttribute("title", "Relay")
    sidebar.setAttribute("style", "width: 360px")
    const ads = document.createElement("div")
    ads.id = "ads"
    main.append(ads)
    await sleep(80)
    expect(detect).toHaveBeenCalledTimes(1)
    expect(onChange).toHaveBeenCalledTimes(1)
    sidebar.remove()
    await sleep(80)
    expect(detect).toHaveBeenCalledTimes(1)
  })

  it("re-detects on a URL change seen by the observer (pushState is not patched)", async () => {
    const { onChange } = setup()
    history.pushState(null, "", "/mail/#inbox/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd")
    document.getElementById("clock")!.textContent = "10:02"
    await sleep(80)
    expect(onChange).toHaveBeenCalledTimes(2)
    expect(onChange.mock.lastCall![0].view).toBe("thread")
  })

  it("re-detects on hashchange without any DOM change", async () => {
    const { onChange } = setup()
    location.hash = "#inbox/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd"
    await sleep(80)
    expect(onChange.mock.lastCall![0].view).toBe("thread")
  })

  it("follows a container that is replaced by the app", async () => {
    const { onChange } = setup()
    document.getElementById("app")!.innerHTML = `<div role="main"><p id="who">new@c.example</p></div>`
    await sleep(80)
    expect(onChange.mock.lastCall![0].people[0].email).toBe("new@c.example")
    document.getElementById("who")!.textContent = "newer@c.example"
    await sleep(80)
    expect(onChange.mock.lastCall![0].people[0].email).toBe("newer@c.example")
  })
})

describe("watchPage on a quiet view (a list, a feed: nobody until the URL changes, but in a few containers)", () => {
  let stop: (() => void) | undefined
  let navigation: EventTarget | undefined
  beforeEach(() => {
    // Chrome's Navigation API, which jsdom lacks: it tells of pushState, which fires no event.
    navigation = new EventTarget()
    Object.defineProperty(window, "navigation", { value: navigation, configurable: true })
  })
  afterEach(() => {
    stop?.()
    delete (window as unknown as { navigation?: EventTarget }).navigation
  })
  const pushState = (url: string) => {
    history.pushState(null, "", url)
    navigation!.dispatchEvent(new Event("currententrychange"))
  }

  function setup() {
    document.body.innerHTML = `<div role="main"><table><tr class="zA"><td><span email="ann@a.example">Ann</span></td></tr></table></div><div class="dw"></div>`
    history.replaceState(null, "", "/mail/#inbox")
    const detect = vi.fn((doc: Document, url: URL): PageContext => ({
      site: "gmail",
      view: url.hash.includes("/") ? "thread" : doc.querySelector(".dw [g_editable]") ? "compose" : "list",
      people: [],
    }))
    const onChange = vi.fn()
    stop = watchPage({ detect, containers: ['div[role="main"]', "div.dw"], quiet: gmailQuiet }, onChange, { debounceMs: 20 })
    return { detect, onChange }
  }

  it("reports the list without running the detector, and looks at the page only when the dock holds a compose", async () => {
    const { detect, onChange } = setup()
    expect(detect).not.toHaveBeenCalled()
    expect(onChange.mock.calls.map(([c]) => c)).toEqual([{ site: "gmail", view: "list", people: [] }])
    // The list's own changes are not watched at all.
    document.querySelector("span[email]")!.setAttribute("email", "bob@b.example")
    document.querySelector("table")!.append(document.createElement("tr"))
    await sleep(60)
    expect(detect).not.toHaveBeenCalled()
    // A compose opens in the dock: now the detector runs.
    document.querySelector(".dw")!.innerHTML = `<div contenteditable="true" g_editable="true"></div>`
    await sleep(60)
    expect(detect).toHaveBeenCalledTimes(1)
    expect(onChange.mock.lastCall![0].view).toBe("compose")
  })

  it("follows pushState through the Navigation API, then watches the whole view again", async () => {
    const { detect, onChange } = setup()
    pushState("/mail/#inbox/FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd")
    await sleep(60)
    expect(onChange.mock.lastCall![0].view).toBe("thread")
    const calls = detect.mock.calls.length
    // A thread is watched whole: its own changes are looked at.
    document.querySelector("span[email]")!.setAttribute("email", "bob@b.example")
    await sleep(60)
    expect(detect.mock.calls.length).toBeGreaterThan(calls)
    // Back to the list: quiet again.
    pushState("/mail/#inbox")
    await sleep(60)
    expect(onChange.mock.lastCall![0]).toEqual({ site: "gmail", view: "list", people: [] })
  })

  it("watches the whole view when the quiet view's containers are not on the page", () => {
    document.body.innerHTML = `<div role="main"></div>`
    history.replaceState(null, "", "/mail/#inbox")
    const detect = vi.fn((): PageContext => ({ site: "gmail", view: "list", people: [] }))
    stop = watchPage({ detect, containers: ['div[role="main"]'], quiet: gmailQuiet }, () => {})
    expect(detect).toHaveBeenCalledTimes(1)
  })

  it("leaves out the parts that never show anyone (Outlook's message list), and runs the detector once a reading pane opens", async () => {
    document.body.innerHTML = `<div id="MainModule" role="main"><div data-app-section="NavigationPane"><span title="riley@x.example">Inbox</span></div>
      <div data-app-section="MessageList"><div role="option"><span title="ann@a.example">Ann</span></div></div><div id="pane"></div></div>`
    history.replaceState(null, "", "/mail/inbox")
    const detect = vi.fn((doc: Document): PageContext => ({
      site: "outlook",
      view: doc.querySelector("[data-app-section=ConversationContainer]") ? "thread" : "list",
      people: [],
    }))
    const onChange = vi.fn()
    stop = watchPage({ detect, containers: [outlookSelectors.MAIN], quiet: outlookQuiet }, onChange, { debounceMs: 20 })
    expect(detect).not.toHaveBeenCalled()
    expect(onChange.mock.lastCall![0]).toEqual({ site: "outlook", view: "list", people: [] })
    document.querySelector("[role=option] span")!.textContent = "Ann (2)"
    document.querySelector("[data-app-section=NavigationPane] span")!.setAttribute("title", "riley@y.example")
    await sleep(60)
    expect(detect).not.toHaveBeenCalled()
    document.getElementById("pane")!.innerHTML = `<div data-app-section="ConversationContainer"></div>`
    await sleep(60)
    expect(detect).toHaveBeenCalledTimes(1)
    expect(onChange.mock.lastCall![0].view).toBe("thread")
  })

  it("runs the detector when a part beside the skipped ones is itself a reading pane", () => {
    document.body.innerHTML = `<div id="MainModule" role="main"><div data-app-section="MessageList"></div><div id="ReadingPaneContainerId"></div></div>`
    history.replaceState(null, "", "/mail/inbox")
    const detect = vi.fn((): PageContext => ({ site: "outlook", view: "list", people: [] }))
    stop = watchPage({ detect, containers: [outlookSelectors.MAIN], quiet: outlookQuiet }, () => {})
    expect(detect).toHaveBeenCalledTimes(1)
  })
})

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { PageContext } from "../../../src/shared/page-context"
import { watch } from "../../../src/sites/gmail/watch"
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

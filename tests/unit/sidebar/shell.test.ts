// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest"
import type { PageContext } from "../../../src/shared/page-context"
import { relayChannel, takeCommand } from "../../../src/sidebar/relay-channel"
import { startShell, type Shell } from "../../../src/sidebar/shell"
import { deferred, fail, FakeWorker, ok } from "./fake-worker"
import { people, threadWith } from "./fixtures"

let shell: Shell | undefined
afterEach(() => {
  shell?.stop()
  shell = undefined
  globalThis.__relay = undefined
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

const flush = () => new Promise((r) => setTimeout(r, 0))

describe("site shell", () => {
  it("keeps the latest context in the channel and asks for the sidebar once someone is on screen", async () => {
    const worker = new FakeWorker().install()
    const { w, watch } = fakeWatch()
    shell = startShell("gmail", watch)
    w.emit({ site: "gmail", view: "list", people: [] })
    await flush()
    expect(worker.sent("sidebar.inject")).toHaveLength(0)
    expect(globalThis.__relay?.context.view).toBe("list")

    w.emit(threadWith(people.dana))
    w.emit(threadWith(people.priya))
    await flush()
    expect(worker.sent("sidebar.inject")).toEqual([{ type: "sidebar.inject" }])
    expect(globalThis.__relay?.context.people).toEqual([people.priya])
  })

  it("tells the worker which strategy answered (selector health), and nothing about who or where", async () => {
    const worker = new FakeWorker().install()
    const { w, watch } = fakeWatch()
    shell = startShell("gmail", watch)
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
    expect(globalThis.__relay?.context.people).toEqual([people.priya])
  })

  it("applies the worker's selector overlay to the site's lists and detects again; an overlay can switch the site off", async () => {
    const worker = new FakeWorker().install()
    worker.on("sites.overlay", () => ok({ selectors: { SENDER: ["span.sender-2027[email]"] } }))
    const selectors = { SENDER: ["span.gD[email]"], MAIN: ['div[role="main"]'] }
    let starts = 0
    const { w, watch } = fakeWatch()
    shell = startShell(
      "gmail",
      (cb) => {
        starts++
        return watch(cb)
      },
      selectors,
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
    globalThis.__relay = undefined
    const off = new FakeWorker().install()
    off.on("sites.overlay", () => ok({ enabled: false }))
    const second = fakeWatch()
    shell = startShell("linkedin", second.watch, {})
    second.w.emit({ site: "linkedin", view: "profile", people: [{ linkedin: "someone", role: "profile" }], strategy: "structure" })
    await flush()
    expect(relayChannel().context).toEqual({ site: "linkedin", view: "other", people: [] })
    expect(second.w.stopped).toBe(true)
    second.w.emit({ site: "linkedin", view: "profile", people: [{ linkedin: "someone-else", role: "profile" }] })
    await flush()
    expect(relayChannel().context.people).toEqual([])
  })

  it("tries again after the worker refused", async () => {
    const worker = new FakeWorker().install()
    let first = true
    worker.on("sidebar.inject", () => (first ? ((first = false), fail("http")) : ok({ injected: true })))
    const { w, watch } = fakeWatch()
    shell = startShell("outlook", watch)
    w.emit(threadWith(people.dana))
    await flush()
    w.emit(threadWith(people.dana))
    await flush()
    expect(worker.sent("sidebar.inject")).toHaveLength(2)
  })

  it("the shortcut opens the sidebar before anyone is detected, and toggles it once mounted", async () => {
    const worker = new FakeWorker().install()
    const pending = deferred<ReturnType<typeof ok>>()
    worker.on("sidebar.inject", () => pending.promise)
    const { watch } = fakeWatch()
    shell = startShell("linkedin", watch)

    worker.deliver({ type: "relay.toggle" }, "someone-else")
    expect(worker.sent("sidebar.inject")).toHaveLength(0)

    worker.deliver({ type: "relay.toggle" })
    expect(worker.sent("sidebar.inject")).toHaveLength(1)
    expect(shell.channel.open).toBe(true)

    const events: string[] = []
    shell.channel.mounted = true
    shell.channel.listeners.add((e) => events.push(e.type))
    worker.deliver({ type: "relay.toggle" })
    expect(events).toEqual(["toggle"])
    expect(worker.sent("sidebar.inject")).toHaveLength(1)
  })

  it("forwards the log-call command: opens the sidebar when not mounted, publishes it once mounted", async () => {
    const worker = new FakeWorker().install()
    const { watch } = fakeWatch()
    shell = startShell("gmail", watch)

    worker.deliver({ type: "relay.command", command: "log-call" }, "someone-else")
    worker.deliver({ type: "relay.command", command: "rm -rf" })
    expect(worker.sent("sidebar.inject")).toHaveLength(0)
    expect(shell.channel.command).toBeNull()

    worker.deliver({ type: "relay.command", command: "log-call" })
    expect(worker.sent("sidebar.inject")).toHaveLength(1)
    expect(shell.channel.open).toBe(true)
    // Kept for the sidebar to take once it has mounted.
    expect(shell.channel.command?.name).toBe("log-call")
    expect(takeCommand(shell.channel, "log-call")).toBe(true)
    expect(takeCommand(shell.channel, "log-call")).toBe(false)

    const events: unknown[] = []
    shell.channel.mounted = true
    shell.channel.listeners.add((e) => events.push(e))
    worker.deliver({ type: "relay.command", command: "log-call" })
    expect(events).toEqual([{ type: "command", command: "log-call" }])
    expect(worker.sent("sidebar.inject")).toHaveLength(1)
  })

  it("a stale command is dropped rather than acted on later", () => {
    new FakeWorker().install()
    shell = startShell("gmail", fakeWatch().watch)
    shell.channel.command = { name: "log-call", at: Date.now() - 60_000 }
    expect(takeCommand(shell.channel, "log-call")).toBe(false)
    expect(shell.channel.command).toBeNull()
  })

  it("runs once per frame and stops its watcher", () => {
    new FakeWorker().install()
    const { w, watch } = fakeWatch()
    shell = startShell("gmail", watch)
    const again = startShell("gmail", () => {
      throw new Error("must not start a second watcher")
    })
    expect(again.channel).toBe(shell.channel)
    shell.stop()
    expect(w.stopped).toBe(true)
  })
})

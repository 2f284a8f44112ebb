import { afterEach, describe, expect, it, vi } from "vitest"
import { relayChannel, subscribe, takeCached, takeCommand } from "../../../src/sidebar/relay-channel"
import { connectToWorker } from "../../../src/sidebar/worker-link"
import { people, threadWith } from "./fixtures"

/** chrome.runtime.connect as the sidebar page sees it: ports the test pushes into or closes. */
function fakeRuntime() {
  const ports: { name: string; push: (m: unknown) => void; close: () => void; disconnected: boolean }[] = []
  ;(globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: {
      id: "relay-test-extension",
      connect: ({ name }: { name: string }) => {
        const onMessage = new Set<(m: unknown) => void>()
        const onDisconnect = new Set<() => void>()
        const port = {
          name,
          disconnected: false,
          push: (m: unknown) => onMessage.forEach((l) => l(m)),
          close: () => onDisconnect.forEach((l) => l()),
        }
        ports.push(port)
        return {
          name,
          onMessage: { addListener: (l: (m: unknown) => void) => onMessage.add(l) },
          onDisconnect: { addListener: (l: () => void) => onDisconnect.add(l) },
          disconnect: () => void (port.disconnected = true),
        }
      },
    },
  }
  return ports
}

let stop = () => {}
afterEach(() => {
  stop()
  globalThis.__relay = undefined
  vi.useRealTimers()
})

describe("the sidebar page's line to the worker", () => {
  it("publishes what the worker pushes into the page's channel, and nothing else", () => {
    const ports = fakeRuntime()
    const channel = relayChannel()
    const events: string[] = []
    subscribe(channel, (e) => events.push(e.type))
    stop = connectToWorker(channel)
    expect(ports.map((p) => p.name)).toEqual(["relay-sidebar"])

    const context = { ...threadWith(people.dana), site: "outlook" as const }
    ports[0]!.push({ type: "state", context, canInsert: true })
    expect(channel.context).toEqual(context)
    expect(channel.site).toBe("outlook")
    expect(channel.canInsert).toBe(true)
    ports[0]!.push({ type: "open" })
    expect(channel.open).toBe(true)
    ports[0]!.push({ type: "command", command: "log-call" })
    expect(takeCommand(channel, "log-call")).toBe(true)
    ports[0]!.push({ type: "toggle" })
    expect(events).toEqual(["context", "compose", "open", "command", "toggle"])

    // Not a push (or a command Relay does not have): ignored.
    ports[0]!.push({ type: "state", context: { site: "evil", people: "x" }, canInsert: true })
    ports[0]!.push({ type: "command", command: "rm -rf" })
    ports[0]!.push("<img src=x onerror=alert(1)>")
    expect(events).toHaveLength(5)
    expect(channel.context).toEqual(context)
  })

  it("keeps the saved contexts a state came with, each for the first view of its person", () => {
    const ports = fakeRuntime()
    const channel = relayChannel()
    stop = connectToWorker(channel)
    const cached = { data: { contact: { id: "c1" } }, cachedAt: "2026-12-01T09:00:00.000Z" } as never
    ports[0]!.push({ type: "state", context: threadWith(people.dana), canInsert: false, cached: [{ person: { email: people.dana.email }, cached }] })
    expect(takeCached(channel, { linkedin: "dana" })).toBeUndefined()
    expect(takeCached(channel, { email: people.dana.email! })).toBe(cached)
    // Once: after that, react-query holds it and refreshes it.
    expect(takeCached(channel, { email: people.dana.email! })).toBeUndefined()
    // A malformed list is no push at all.
    ports[0]!.push({ type: "state", context: threadWith(people.dana), canInsert: false, cached: [{ person: "x" }] })
    expect(channel.cached).toEqual([])
  })

  it("connects again when the worker was stopped", () => {
    vi.useFakeTimers()
    const ports = fakeRuntime()
    stop = connectToWorker(relayChannel())
    ports[0]!.close()
    vi.advanceTimersByTime(300)
    expect(ports).toHaveLength(2)
    ports[1]!.push({ type: "state", context: threadWith(people.priya), canInsert: false })
    expect(relayChannel().context.people).toEqual([people.priya])
    stop()
    expect(ports[1]!.disconnected).toBe(true)
  })
})

import "fake-indexeddb/auto"
import { describe, expect, it } from "vitest"
import { makeContext, uuid } from "./fake-server"
import { createTestWorker, fromContentScript, fromPage, fromPopup, fromSidebarFrame, RUNTIME_ID } from "./worker"

describe("message validation", () => {
  it("rejects a message from another extension", async () => {
    const w = createTestWorker()
    const res = await w.handle({ type: "auth.status" }, { id: "someone-else", url: "chrome-extension://someone-else/x.html" })
    expect(res).toMatchObject({ ok: false, error: { code: "forbidden" } })
  })

  it("rejects a message with no sender id (web page via externally_connectable, etc.)", async () => {
    const w = createTestWorker()
    expect(await w.handle({ type: "auth.status" }, { url: "https://evil.example" })).toMatchObject({ ok: false, error: { code: "forbidden" } })
  })

  it.each([
    ["an unknown type", { type: "token.get" }],
    ["a known type with a bad body", { type: "lookup", person: { phone: "123" } }],
    ["a bad contact id", { type: "contact.get", id: "../../admin" }],
    ["not an object", "lookup"],
    ["nothing", undefined],
  ])("rejects %s with code invalid", async (_label, msg) => {
    const w = createTestWorker()
    expect(await w.handle(msg, fromContentScript)).toMatchObject({ ok: false, error: { code: "invalid" } })
  })

  it("lets only Relay's own pages sign in or out", async () => {
    const w = createTestWorker()
    const req = { type: "auth.signIn", backendUrl: "https://relay.test", token: w.server.token }
    expect(await w.handle(req, fromContentScript)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    expect(await w.handle({ type: "auth.signOut" }, fromContentScript)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    expect(await w.handle(req, fromPage)).toMatchObject({ ok: true, data: { signedIn: true } })
  })

  it("answers auth.status without the token", async () => {
    const w = createTestWorker()
    const res = await w.handle({ type: "auth.status" }, fromContentScript)
    expect(res).toMatchObject({ ok: true, data: { signedIn: true, backendUrl: "https://relay.test", reachable: true } })
    expect(JSON.stringify(res)).not.toContain(w.server.token)
  })
})

describe("lookup and cache", () => {
  it("lookup.cached is null first, then returns what lookup stored", async () => {
    const w = createTestWorker()
    const id = uuid(42)
    w.server.contacts.set(id, makeContext(id, "Jane Doe", "jane@corp.test"))
    expect(await w.handle({ type: "lookup.cached", person: { email: "Jane@Corp.test" } }, fromContentScript)).toEqual({ ok: true, data: null })
    const fresh = await w.handle({ type: "lookup", person: { email: "Jane@Corp.test" } }, fromContentScript)
    expect(fresh).toMatchObject({ ok: true, data: { contact: { id, name: "Jane Doe" } } })
    const cached = await w.handle({ type: "lookup.cached", person: { email: "jane@corp.test" } }, fromContentScript)
    expect(cached).toMatchObject({ ok: true, data: { data: { contact: { id } } } })
    expect((cached as { data: { cachedAt: string } }).data.cachedAt).toMatch(/^\d{4}-/)
  })

  it("offline lookup answers 'offline' and leaves the cached copy readable", async () => {
    const w = createTestWorker()
    const id = uuid(43)
    w.server.contacts.set(id, makeContext(id, "Jane Doe", "jane@corp.test"))
    await w.handle({ type: "lookup", person: { email: "jane@corp.test" } }, fromContentScript)
    w.server.setDown(true)
    expect(await w.handle({ type: "lookup", person: { email: "jane@corp.test" } }, fromContentScript)).toMatchObject({ ok: false, error: { code: "offline" } })
    expect(await w.handle({ type: "lookup.cached", person: { email: "jane@corp.test" } }, fromContentScript)).toMatchObject({
      ok: true,
      data: { data: { contact: { id } } },
    })
  })

  it("a 404 answers not_found and forgets the key", async () => {
    const w = createTestWorker()
    const id = uuid(44)
    w.server.contacts.set(id, makeContext(id, "Jane Doe", "jane@corp.test"))
    await w.handle({ type: "lookup", person: { email: "jane@corp.test" } }, fromContentScript)
    w.server.contacts.clear()
    expect(await w.handle({ type: "lookup", person: { email: "jane@corp.test" } }, fromContentScript)).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    })
    expect(await w.handle({ type: "lookup.cached", person: { email: "jane@corp.test" } }, fromContentScript)).toEqual({ ok: true, data: null })
  })

  it("answers signed_out when there is no token", async () => {
    const w = createTestWorker({ signedIn: false })
    expect(await w.handle({ type: "lookup", person: { email: "jane@corp.test" } }, fromContentScript)).toMatchObject({
      ok: false,
      error: { code: "signed_out" },
    })
  })

  it("caps the cache, evicting the least recently used", async () => {
    const { putContact, cachedByKey } = await import("../../../src/background/db")
    const w = createTestWorker()
    for (let i = 0; i < 6; i++) await putContact(w.db, makeContext(uuid(i + 1), `P${i}`, `p${i}@x.test`), `email:p${i}@x.test`, 1000 + i, 5)
    expect(await w.db.contacts.count()).toBe(5)
    expect(await cachedByKey(w.db, "email:p0@x.test")).toBeNull()
    await cachedByKey(w.db, "email:p1@x.test", 5000) // touched: now the most recent
    await putContact(w.db, makeContext(uuid(99), "New", "new@x.test"), "email:new@x.test", 6000, 5)
    expect(await cachedByKey(w.db, "email:p1@x.test", 7000)).not.toBeNull()
    expect(await cachedByKey(w.db, "email:p2@x.test")).toBeNull()
  })

  it("signing out clears the cache and the token", async () => {
    const w = createTestWorker()
    const id = uuid(45)
    w.server.contacts.set(id, makeContext(id, "Jane Doe", "jane@corp.test"))
    await w.handle({ type: "lookup", person: { email: "jane@corp.test" } }, fromContentScript)
    const res = await w.handle({ type: "auth.signOut" }, fromPage)
    expect(res).toMatchObject({ ok: true, data: { signedIn: false, me: null, backendUrl: "https://relay.test" } })
    expect(await w.db.contacts.count()).toBe(0)
    expect(w.store.data.has("relay.token")).toBe(false)
  })
})

describe("writes go through the outbox", () => {
  it("activity.log queues, kicks a flush, and a repeat with the same id stays one item", async () => {
    const w = createTestWorker()
    const activity = { id: uuid(500), contactId: uuid(1), type: "call", occurredAt: "2025-03-01T09:00:00Z", outcome: "connected" }
    expect(await w.handle({ type: "activity.log", activity }, fromContentScript)).toEqual({ ok: true, data: { queued: true, pending: 1 } })
    expect(await w.handle({ type: "activity.log", activity }, fromContentScript)).toEqual({ ok: true, data: { queued: true, pending: 1 } })
    expect(w.flushes()).toBe(2)
    const st = await w.handle({ type: "outbox.status" }, fromPage)
    expect(st).toMatchObject({
      ok: true,
      data: { pending: 1, failed: [], items: [{ id: uuid(500), summary: "Call with outcome connected", state: "pending" }] },
    })
  })

  it("handoff without an id gets one, and it is sent in the body", async () => {
    const w = createTestWorker()
    await w.handle({ type: "handoff", contactId: uuid(1), input: { decision: "accept" } }, fromContentScript)
    await w.outbox.flush()
    const [post] = w.server.posts("/api/v1/contacts/")
    expect(post!.body).toMatchObject({ decision: "accept", id: expect.stringMatching(/^[0-9a-f-]{36}$/) })
  })

  it("outbox.retry and outbox.discard answer the new status", async () => {
    const w = createTestWorker()
    w.server.fail("/feedback", { kind: "status", status: 400, message: "rating out of range" })
    await w.handle({ type: "feedback", contactId: uuid(1), input: { id: uuid(501), rating: 3 } }, fromContentScript)
    await w.outbox.flush()
    const st = await w.handle({ type: "outbox.status" }, fromPage)
    expect(st).toMatchObject({ ok: true, data: { pending: 0, failed: [{ id: uuid(501), error: "rating out of range" }] } })
    expect(await w.handle({ type: "outbox.retry", id: uuid(501) }, fromPage)).toMatchObject({ ok: true, data: { pending: 1, failed: [] } })
    await w.outbox.flush()
    expect(w.server.feedback.size).toBe(1)
    expect(await w.handle({ type: "outbox.discard", id: "nope" }, fromPage)).toMatchObject({ ok: true, data: { items: [] } })
  })
})

describe("between a tab's shell and its sidebar frame", () => {
  const thread = { site: "gmail" as const, view: "thread" as const, people: [{ email: "dana@northwind.example", name: "Dana Reyes", role: "from" as const }] }
  /** A chrome.runtime.Port as the worker sees one. */
  const port = (sender: Record<string, unknown>, name = "relay-sidebar") => {
    const p = { name, sender, posted: [] as unknown[], closed: false, onGone: [] as (() => void)[] }
    return Object.assign(p, {
      postMessage: (m: unknown) => void p.posted.push(m),
      disconnect: () => void (p.closed = true),
      onDisconnect: { addListener: (l: () => void) => void p.onGone.push(l) },
    })
  }

  it("passes the shell's state to the tab's sidebar frames, at once to one that connects later", async () => {
    const w = createTestWorker()
    const early = port(fromSidebarFrame)
    w.sidebars.connect(early)
    // Nothing known yet for this tab (a worker that was stopped meanwhile): the shell is asked to say it again.
    expect(w.toShell).toEqual([{ tabId: 7, message: { type: "relay.resend" }, target: { frameId: 0 } }])
    expect(await w.handle({ type: "sidebar.state", context: thread, canInsert: false }, fromContentScript)).toEqual({ ok: true, data: { frames: 1 } })
    expect(early.posted).toEqual([{ type: "state", context: thread, canInsert: false }])

    const late = port({ ...fromSidebarFrame, frameId: 13 })
    w.sidebars.connect(late)
    expect(late.posted).toEqual([{ type: "state", context: thread, canInsert: false }])
    // Another tab's frame hears nothing of this one.
    const other = port({ ...fromSidebarFrame, tab: { id: 8, url: "https://mail.google.com/" } })
    w.sidebars.connect(other)
    await w.handle({ type: "sidebar.state", context: { ...thread, view: "compose" }, canInsert: true }, fromContentScript)
    expect(other.posted).toEqual([])
    expect(late.posted).toHaveLength(2)
    // A closed frame is forgotten.
    early.onGone.forEach((l) => l())
    expect(await w.handle({ type: "sidebar.state", context: thread, canInsert: false }, fromContentScript)).toEqual({ ok: true, data: { frames: 1 } })
  })

  it("cuts long host-page text instead of dropping the context", async () => {
    const w = createTestWorker()
    const frame = port(fromSidebarFrame)
    w.sidebars.connect(frame)
    await w.handle({ type: "sidebar.state", context: { ...thread, subject: "x".repeat(5000), snippet: "y".repeat(9000) }, canInsert: false }, fromContentScript)
    const pushed = frame.posted[0] as { context: { subject: string; snippet: string } }
    expect(pushed.context.subject).toHaveLength(1000)
    expect(pushed.context.snippet).toHaveLength(2000)
  })

  it("takes state only from a content script on a web page, and layout and Insert only from the sidebar frame", async () => {
    const w = createTestWorker()
    const state = { type: "sidebar.state", context: thread, canInsert: false }
    expect(await w.handle(state, fromSidebarFrame)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    expect(await w.handle(state, fromPage)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    for (const sender of [fromContentScript, fromPage, { ...fromSidebarFrame, url: `chrome-extension://${RUNTIME_ID}/popup.html` }]) {
      expect(await w.handle({ type: "sidebar.layout", mode: "open" }, sender)).toMatchObject({ ok: false, error: { code: "forbidden" } })
      expect(await w.handle({ type: "compose.insert", link: { url: "https://relay.test/r/abc", text: "Case study" } }, sender)).toMatchObject({
        ok: false,
        error: { code: "forbidden" },
      })
    }
    // A sidebar port from anywhere else is closed at once.
    const stray = port(fromContentScript)
    w.sidebars.connect(stray)
    expect(stray.closed).toBe(true)
    // The frame sits in a web page's tab: it is no settings page, so it cannot sign Relay in or out.
    expect(await w.handle({ type: "auth.signOut" }, fromSidebarFrame)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    expect(w.toShell).toEqual([])
  })

  it("asks the shell that reported last to size the frame and to insert a link, and answers with what it did", async () => {
    const w = createTestWorker()
    await w.handle({ type: "sidebar.state", context: thread, canInsert: true }, fromContentScript)
    w.answerAsShell((m) => (m.type === "relay.layout" ? { applied: true } : m.type === "relay.insert" ? { inserted: true } : undefined))
    expect(await w.handle({ type: "sidebar.layout", mode: "tab" }, fromSidebarFrame)).toEqual({ ok: true, data: { applied: true } })
    const link = { url: "https://relay.test/r/AbCdEfGhIjKlMnOpQrStUv", text: "Case study" }
    expect(await w.handle({ type: "compose.insert", link }, fromSidebarFrame)).toEqual({ ok: true, data: { inserted: true } })
    expect(w.toShell).toEqual([
      { tabId: 7, message: { type: "relay.layout", mode: "tab" }, target: { frameId: 0, documentId: "doc-1" } },
      { tabId: 7, message: { type: "relay.insert", link }, target: { frameId: 0, documentId: "doc-1" } },
    ])
    // Only web links: the sidebar checks too, the shell as well.
    expect(await w.handle({ type: "compose.insert", link: { url: "javascript:alert(1)", text: "x" } }, fromSidebarFrame)).toMatchObject({ ok: false })
    // No shell listening (the page navigated away): nothing inserted, no exception.
    w.answerAsShell(() => Promise.reject(new Error("Receiving end does not exist")))
    expect(await w.handle({ type: "compose.insert", link }, fromSidebarFrame)).toEqual({ ok: true, data: { inserted: false } })
  })

  it("sizes the frame itself when the shell reports someone or nobody, from the plan the frame reported", async () => {
    const w = createTestWorker()
    w.answerAsShell((m) => (m.type === "relay.layout" ? { applied: true } : undefined))
    const layouts = () => w.toShell.flatMap((t) => (t.message.type === "relay.layout" ? [t.message.mode] : []))
    const settled = () => new Promise((r) => setTimeout(r, 0))
    const nobody = { ...thread, view: "list" as const, people: [] }
    const plan = { people: "open", nobody: "hidden" } as const
    w.sidebars.connect(port(fromSidebarFrame))
    await w.handle({ type: "sidebar.state", context: thread, canInsert: false }, fromContentScript)
    // No plan yet: the frame renders and asks for its room.
    expect(layouts()).toEqual([])
    expect(await w.handle({ type: "sidebar.layout", mode: "open", plan }, fromSidebarFrame)).toEqual({ ok: true, data: { applied: true } })
    expect(layouts()).toEqual(["open"])
    // Nobody on screen: the worker has the frame hidden without waiting for it; the frame's own report of the same
    // is answered without bothering the host page again.
    await w.handle({ type: "sidebar.state", context: nobody, canInsert: false }, fromContentScript)
    await settled()
    expect(layouts()).toEqual(["open", "hidden"])
    expect(await w.handle({ type: "sidebar.layout", mode: "hidden", plan }, fromSidebarFrame)).toEqual({ ok: true, data: { applied: true } })
    await w.handle({ type: "sidebar.state", context: thread, canInsert: false }, fromContentScript)
    await settled()
    expect(layouts()).toEqual(["open", "hidden", "open"])
    // The rep collapsed the panel: the slim tab from now on when someone is on screen.
    await w.handle({ type: "sidebar.layout", mode: "tab", plan: { people: "tab", nobody: "hidden" } }, fromSidebarFrame)
    await w.handle({ type: "sidebar.state", context: nobody, canInsert: false }, fromContentScript)
    await w.handle({ type: "sidebar.state", context: thread, canInsert: false }, fromContentScript)
    await settled()
    expect(layouts()).toEqual(["open", "hidden", "open", "tab", "hidden", "tab"])

    // A shell that did not apply it (the page going away) is asked again the next time.
    w.answerAsShell(() => Promise.reject(new Error("Receiving end does not exist")))
    await w.handle({ type: "sidebar.state", context: nobody, canInsert: false }, fromContentScript)
    await settled()
    w.answerAsShell((m) => (m.type === "relay.layout" ? { applied: true } : undefined))
    expect(await w.handle({ type: "sidebar.layout", mode: "hidden" }, fromSidebarFrame)).toEqual({ ok: true, data: { applied: true } })
    expect(layouts().slice(-2)).toEqual(["hidden", "hidden"])
  })

  it("sends a new frame the saved contexts read while it loaded, and leaves its size to its own first report", async () => {
    const w = createTestWorker()
    w.answerAsShell((m) => (m.type === "relay.layout" ? { applied: true } : undefined))
    const id = uuid(44)
    const email = "dana@northwind.example"
    w.server.contacts.set(id, makeContext(id, "Dana Reyes", email))
    await w.handle({ type: "lookup", person: { email } }, fromContentScript)
    const first = port(fromSidebarFrame)
    w.sidebars.connect(first)
    await w.handle({ type: "sidebar.layout", mode: "tab", plan: { people: "tab", nobody: "hidden" } }, fromSidebarFrame)
    // The page is loaded again: its shell adds a new frame and reports who is on screen before the frame is there.
    first.onGone.forEach((l) => l())
    w.toShell.length = 0
    await w.handle({ type: "sidebar.state", context: thread, canInsert: false }, fromContentScript)
    await new Promise((r) => setTimeout(r, 50)) // the cache read
    expect(w.toShell).toEqual([])
    const frame = port(fromSidebarFrame)
    w.sidebars.connect(frame)
    expect(frame.posted).toEqual([
      {
        type: "state",
        context: thread,
        canInsert: false,
        cached: [{ person: { email }, cached: expect.objectContaining({ data: expect.objectContaining({ contact: expect.objectContaining({ id }) }) }) }],
      },
    ])
    // Sized only once it has rendered and asked: a frame sized while it loads makes the host page lay out again
    // and the frame paint at full width in the middle of its load (about 80 ms later to the name in a probe).
    expect(w.toShell).toEqual([])
    // Later states go without: the frame has them, or asks.
    await w.handle({ type: "sidebar.state", context: { ...thread, view: "compose" }, canInsert: true }, fromContentScript)
    expect(frame.posted[1]).toEqual({ type: "state", context: { ...thread, view: "compose" }, canInsert: true })
  })

  it("a shortcut goes to the tab's sidebar frame, or has the shell add one and waits for it", async () => {
    let now = 1_000_000
    const w = createTestWorker({ now: () => now })
    w.answerAsShell(() => undefined)
    await w.sidebars.command(7, "log-call")
    expect(w.toShell.map((t) => t.message)).toEqual([{ type: "relay.open" }])
    const frame = port(fromSidebarFrame)
    w.sidebars.connect(frame)
    expect(frame.posted).toEqual([{ type: "open" }, { type: "command", command: "log-call" }])

    await w.sidebars.command(7, "toggle-sidebar")
    await w.sidebars.command(7, "log-call")
    expect(frame.posted.slice(2)).toEqual([{ type: "toggle" }, { type: "command", command: "log-call" }])

    // A shortcut that waited too long (nobody opened a frame) is not acted on out of the blue.
    await w.sidebars.command(9, "toggle-sidebar")
    now += 60_000
    const late = port({ ...fromSidebarFrame, tab: { id: 9, url: "https://www.linkedin.com/feed/" } })
    w.sidebars.connect(late)
    expect(late.posted).toEqual([])
  })

  it("the popup's Open Relay on this page takes the shortcut's route: the shell of the tab in front adds the frame, which opens", async () => {
    const w = createTestWorker()
    w.lookAt({ id: 7, url: "https://mail.google.com/mail/u/0/#inbox" })
    expect(await w.handle({ type: "sidebar.target" }, fromPopup)).toEqual({ ok: true, data: { relayPage: true } })
    // The shell runs the line chrome.scripting gives it and answers that it added its frame.
    w.answerAsShell((m) => (m.type === "relay.open" ? true : undefined))
    expect(await w.handle({ type: "sidebar.open" }, fromPopup)).toEqual({ ok: true, data: { opened: true } })
    expect(w.toShell).toEqual([{ tabId: 7, message: { type: "relay.open" }, target: { frameId: 0 } }])
    // The frame it added opens with nobody on screen, and has no command to run.
    const frame = port(fromSidebarFrame)
    w.sidebars.connect(frame)
    expect(frame.posted).toEqual([{ type: "open" }])

    // With the frame there, the button opens it (a collapsed or hidden sidebar) where the shortcut toggles it.
    expect(await w.handle({ type: "sidebar.open" }, fromPopup)).toEqual({ ok: true, data: { opened: true } })
    await w.sidebars.commandActiveTab("toggle-sidebar")
    await w.sidebars.commandActiveTab("log-call")
    expect(frame.posted.slice(1)).toEqual([{ type: "open" }, { type: "toggle" }, { type: "command", command: "log-call" }])
    expect(w.toShell.filter((t) => t.message.type === "relay.open")).toHaveLength(1)
  })

  it("the popup's button is off where Relay does not run, and nothing is sent there", async () => {
    const w = createTestWorker()
    const target = () => w.handle({ type: "sidebar.target" }, fromPopup)
    // A site Relay has no access to: Chrome shows the tab without its URL.
    w.lookAt({ id: 9 })
    expect(await target()).toEqual({ ok: true, data: { relayPage: false } })
    // Relay's own backend (the demo host) outside the demo pages, and a lookalike host.
    for (const url of ["http://localhost:8797/dashboard", "https://mail.google.com.example.test/mail/", "https://outlook.office.com.evil.test/"]) {
      w.lookAt({ id: 9, url })
      expect(await target()).toEqual({ ok: true, data: { relayPage: false } })
    }
    w.lookAt({ id: 9, url: "http://localhost:8797/demo/gmail#inbox" })
    expect(await target()).toEqual({ ok: true, data: { relayPage: true } })
    // No window in front (all closed, or only devtools).
    w.lookAt(undefined)
    expect(await target()).toEqual({ ok: true, data: { relayPage: false } })
    expect(await w.handle({ type: "sidebar.open" }, fromPopup)).toEqual({ ok: true, data: { opened: false } })
    expect(w.toShell).toEqual([])
    // A Relay page opened before Relay was installed: no shell there, so nothing opened (the popup says to reload).
    w.lookAt({ id: 7, url: "https://mail.google.com/mail/u/0/#inbox" })
    w.answerAsShell(() => false)
    expect(await w.handle({ type: "sidebar.open" }, fromPopup)).toEqual({ ok: true, data: { opened: false } })
  })

  it("opens Relay in the tab in front only when Relay's own page asks, never a content script or the sidebar frame", async () => {
    const w = createTestWorker()
    w.lookAt({ id: 7, url: "https://mail.google.com/mail/u/0/#inbox" })
    for (const sender of [fromContentScript, fromSidebarFrame]) {
      expect(await w.handle({ type: "sidebar.open" }, sender)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    }
    expect(w.toShell).toEqual([])
    // The tab is the one in front, whatever the request says.
    expect(await w.handle({ type: "sidebar.open", tabId: 8 }, fromPopup)).toMatchObject({ ok: true })
    expect(w.toShell.map((t) => t.tabId)).toEqual([7])
  })
})

void RUNTIME_ID

// A stand-in for the background worker at the message boundary: chrome.runtime.sendMessage answers
// from fixture data with the real envelope ({ ok, data } | { ok: false, error }).
import { vi } from "vitest"
import type { ContactContext, EventsPage, SearchResult } from "../../../src/shared/contracts/contacts"
import type { Asset, Recommendation, ShareListItem } from "../../../src/shared/contracts/assets"
import type { AuthStatus, Cached, ErrorCode, OutboxItemView, OutboxStatus, Request, Response } from "../../../src/shared/messages"

type Answer = Response<unknown> | Promise<Response<unknown>>
type Handler = (req: Request) => Answer | undefined

export const ok = <T>(data: T): Response<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message = `worker says ${code}`): Response<never> => ({ ok: false, error: { code, message } })

export interface WorkerData {
  contacts?: ContactContext[]
  cached?: Record<string, Cached<ContactContext>>
  pages?: Record<string, EventsPage>
  signedIn?: boolean
  /** Items already in the outbox (e.g. one the backend refused). */
  outbox?: OutboxItemView[]
  /** Enablement content: what recommendations, assets.search and shares.list answer. */
  content?: { recommendations?: Recommendation[]; assets?: Asset[]; shares?: ShareListItem[] }
}

type Write = Extract<Request, { type: "activity.log" | "handoff" | "feedback" | "bant" }>

export class FakeWorker {
  requests: Request[] = []
  storage = new Map<string, unknown>()
  runtimeListeners = new Set<(msg: unknown, sender: chrome.runtime.MessageSender, sendResponse: (r: unknown) => void) => void>()
  /** Checked before the fixture answers; return undefined to fall through. */
  overrides: Handler[] = []

  /** The outbox as the real worker keeps it: writes wait here until `syncAll()` "sends" them. */
  outbox: { view: OutboxItemView; write?: Write }[]

  constructor(public data: WorkerData = {}) {
    this.outbox = (data.outbox ?? []).map((view) => ({ view }))
  }

  outboxStatus(): OutboxStatus {
    const items = this.outbox.map((o) => o.view)
    return { pending: items.filter((i) => i.state === "pending").length, failed: items.filter((i) => i.state === "failed"), items }
  }

  /** Like the worker: stores the write once per id and answers "queued". */
  private enqueue(id: string, contactId: string, write: Write): Response<{ queued: true; pending: number }> {
    if (!this.outbox.some((o) => o.view.id === id)) {
      const kind = write.type === "activity.log" ? "activity" : write.type
      const view: OutboxItemView = { id, kind, contactId, createdAt: new Date().toISOString(), state: "pending", attempts: 0, summary: `${kind} ${id}` }
      this.outbox.push({ view, write })
    }
    return ok({ queued: true as const, pending: this.outboxStatus().pending })
  }

  /** Content writes (share, asset feedback) wait in the outbox like the others, once per id. */
  private queueView(id: string, contactId: string, kind: string) {
    if (this.outbox.some((o) => o.view.id === id)) return
    this.outbox.push({ view: { id, kind, contactId, createdAt: new Date().toISOString(), state: "pending", attempts: 0, summary: `${kind} ${id}` } })
  }

  /** The backend took every pending write: they leave the outbox and show in the contact as the server would. */
  syncAll() {
    const sent = this.outbox.filter((o) => o.view.state === "pending")
    this.outbox = this.outbox.filter((o) => o.view.state !== "pending")
    for (const { write } of sent) if (write) this.applyOnServer(write)
  }

  /** The backend refused an item for good (a 4xx). */
  refuse(id: string, error: string) {
    const item = this.outbox.find((o) => o.view.id === id)
    if (item) item.view = { ...item.view, state: "failed", attempts: item.view.attempts + 1, error }
  }

  private applyOnServer(write: Write) {
    const contacts = this.data.contacts ?? []
    const contactId = write.type === "activity.log" ? write.activity.contactId : write.contactId
    const i = contacts.findIndex((c) => c.contact.id === contactId)
    if (i < 0) return
    const c = contacts[i]
    if (write.type === "activity.log") {
      const a = write.activity
      const item = {
        id: a.id,
        side: "sales" as const,
        type: a.type,
        occurredAt: a.occurredAt,
        title: a.subject ?? a.outcome ?? "",
        detail: a.notes ?? null,
        by: "Sam Rivera",
      }
      contacts[i] = {
        ...c,
        events: [item, ...c.events],
        counts: { ...c.counts, sales: c.counts.sales + 1, byType: { ...c.counts.byType, [a.type]: (c.counts.byType[a.type] ?? 0) + 1 } },
      }
    } else if (write.type === "handoff") {
      const stage = write.input.decision === "accept" ? "sql" : "recycled"
      contacts[i] = { ...c, contact: { ...c.contact, stage }, sla: { ...c.sla, state: stage === "sql" ? "met" : "none" } }
    } else if (write.type === "bant") {
      contacts[i] = { ...c, contact: { ...c.contact, bant: { ...c.contact.bant, ...write.bant } } }
    }
  }

  on(type: Request["type"], answer: (req: Request) => Answer) {
    this.overrides.push((req) => (req.type === type ? answer(req) : undefined))
    return this
  }

  sent(type: Request["type"]) {
    return this.requests.filter((r) => r.type === type)
  }

  answer(req: Request): Answer {
    for (const o of this.overrides) {
      const a = o(req)
      if (a) return a
    }
    const contacts = this.data.contacts ?? []
    switch (req.type) {
      case "lookup.cached": {
        const key = "email" in req.person ? req.person.email : req.person.linkedin
        return ok(this.data.cached?.[key] ?? null)
      }
      case "lookup": {
        const p = req.person
        const found = contacts.find((c) => ("email" in p ? c.contact.emails.includes(p.email) : c.contact.linkedin === p.linkedin))
        return found ? ok(found) : fail("not_found", "No contact with that address")
      }
      case "contact.get": {
        const found = contacts.find((c) => c.contact.id === req.id)
        return found ? ok(found) : fail("not_found")
      }
      case "events.page": {
        const page = this.data.pages?.[`${req.contactId}|${req.before ?? ""}|${req.eventType ?? ""}`]
        return page ? ok(page) : ok({ items: [], nextCursor: null })
      }
      case "search": {
        const q = req.q.toLowerCase()
        const items = contacts
          .filter((c) => c.contact.name.toLowerCase().includes(q) || c.contact.emails.some((e) => e.includes(q)))
          .map((c) => ({
            id: c.contact.id,
            name: c.contact.name,
            emails: c.contact.emails,
            title: c.contact.title,
            company: c.contact.company,
            stage: c.contact.stage,
            score: c.contact.score,
          }))
        return ok({ items } satisfies SearchResult)
      }
      case "auth.status":
        return ok({ signedIn: this.data.signedIn ?? true, backendUrl: "http://localhost:8787", me: null, reachable: true } satisfies AuthStatus)
      case "sidebar.layout":
        return ok({ applied: true })
      case "sidebar.state":
        return ok({ frames: 1 })
      case "compose.insert":
        // The shell writes it on the host page (tests/unit/sidebar/shell.test.ts); here the compose is "open".
        return ok({ inserted: true })
      case "activity.log":
        return this.enqueue(req.activity.id, req.activity.contactId, req)
      case "handoff":
      case "feedback":
        return this.enqueue(req.input.id ?? crypto.randomUUID(), req.contactId, req)
      case "bant":
        return this.enqueue(crypto.randomUUID(), req.contactId, req)
      case "outbox.status":
        return ok(this.outboxStatus())
      case "outbox.discard":
        this.outbox = this.outbox.filter((o) => o.view.id !== req.id)
        return ok(this.outboxStatus())
      case "outbox.retry": {
        const item = this.outbox.find((o) => o.view.id === req.id && o.view.state === "failed")
        if (item) {
          const { error: _error, ...rest } = item.view
          item.view = { ...rest, state: "pending", attempts: 0 }
        }
        return ok(this.outboxStatus())
      }
      case "recommendations":
        return ok({ items: this.data.content?.recommendations ?? [] })
      case "assets.search": {
        const q = req.q.toLowerCase()
        return ok({ items: (this.data.content?.assets ?? []).filter((a) => `${a.title} ${a.description}`.toLowerCase().includes(q)) })
      }
      case "shares.list":
        return ok({ items: (this.data.content?.shares ?? []).filter((s) => s.contactId === req.contactId) })
      case "share":
        this.queueView(req.share.id, req.share.contactId, "share")
        return ok({ queued: true as const, pending: this.outboxStatus().pending, url: `http://localhost:8787/r/${req.share.code}` })
      case "sites.overlay":
        return ok(null)
      case "health.detected":
        return ok({ counted: true as const })
      case "asset.feedback":
        this.queueView(req.input.id, req.input.contactId, "asset_feedback")
        return ok({ queued: true as const, pending: this.outboxStatus().pending })
      default:
        return fail("invalid", `unexpected ${req.type}`)
    }
  }

  install() {
    const sendMessage = vi.fn((req: Request, callback?: (res: unknown) => void) => {
      this.requests.push(req)
      const res = Promise.resolve(this.answer(req))
      if (callback) {
        void res.then(callback)
        return undefined
      }
      return res
    })
    const area = {
      get: vi.fn(async (key: string) => (this.storage.has(key) ? { [key]: this.storage.get(key) } : {})),
      set: vi.fn(async (items: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(items)) this.storage.set(k, v)
      }),
    }
    const chromeStub = {
      runtime: {
        id: "relay-test-extension",
        lastError: undefined,
        sendMessage,
        getURL: (path: string) => `chrome-extension://relay-test-extension/${path}`,
        onMessage: {
          addListener: (l: FakeWorker["runtimeListeners"] extends Set<infer L> ? L : never) => this.runtimeListeners.add(l),
          removeListener: (l: FakeWorker["runtimeListeners"] extends Set<infer L> ? L : never) => this.runtimeListeners.delete(l),
        },
      },
      // The worker locks .local to trusted contexts; the sidebar keeps its UI preference in .sync.
      storage: { sync: area, local: { get: lockedStorage, set: lockedStorage } },
    }
    ;(globalThis as unknown as { chrome: unknown }).chrome = chromeStub
    return this
  }

  /** A message from the worker to this tab's shell (e.g. the sidebar's size); answers what the shell answered. */
  deliver(message: unknown, senderId = "relay-test-extension"): unknown {
    let answer: unknown
    for (const l of [...this.runtimeListeners]) l(message, { id: senderId }, (r) => (answer = r))
    return answer
  }
}

const lockedStorage = async () => {
  throw new Error("Access to storage is not allowed from this context.")
}

/** A promise and its resolver, to hold an answer back. */
export function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

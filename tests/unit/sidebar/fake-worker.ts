// A stand-in for the background worker at the message boundary: chrome.runtime.sendMessage answers
// from fixture data with the real envelope ({ ok, data } | { ok: false, error }).
import { vi } from "vitest"
import type { ContactContext, EventsPage, SearchResult } from "../../../src/shared/contracts/contacts"
import type { AuthStatus, Cached, ErrorCode, Request, Response } from "../../../src/shared/messages"

type Answer = Response<unknown> | Promise<Response<unknown>>
type Handler = (req: Request) => Answer | undefined

export const ok = <T>(data: T): Response<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message = `worker says ${code}`): Response<never> => ({ ok: false, error: { code, message } })

export interface WorkerData {
  contacts?: ContactContext[]
  cached?: Record<string, Cached<ContactContext>>
  pages?: Record<string, EventsPage>
  signedIn?: boolean
}

export class FakeWorker {
  requests: Request[] = []
  storage = new Map<string, unknown>()
  runtimeListeners = new Set<(msg: unknown, sender: chrome.runtime.MessageSender) => void>()
  /** Checked before the fixture answers; return undefined to fall through. */
  overrides: Handler[] = []

  constructor(public data: WorkerData = {}) {}

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
            id: c.contact.id, name: c.contact.name, emails: c.contact.emails, title: c.contact.title,
            company: c.contact.company, stage: c.contact.stage, score: c.contact.score,
          }))
        return ok({ items } satisfies SearchResult)
      }
      case "auth.status":
        return ok({ signedIn: this.data.signedIn ?? true, backendUrl: "http://localhost:8787", me: null, reachable: true } satisfies AuthStatus)
      case "sidebar.inject":
        return ok({ injected: true })
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
        onMessage: {
          addListener: (l: (msg: unknown, sender: chrome.runtime.MessageSender) => void) => this.runtimeListeners.add(l),
          removeListener: (l: (msg: unknown, sender: chrome.runtime.MessageSender) => void) => this.runtimeListeners.delete(l),
        },
      },
      // The worker locks .local to trusted contexts; the sidebar keeps its UI preference in .sync.
      storage: { sync: area, local: { get: lockedStorage, set: lockedStorage } },
    }
    ;(globalThis as unknown as { chrome: unknown }).chrome = chromeStub
    return this
  }

  /** A message from the worker to this tab (e.g. the toggle shortcut). */
  deliver(message: unknown, senderId = "relay-test-extension") {
    for (const l of [...this.runtimeListeners]) l(message, { id: senderId })
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

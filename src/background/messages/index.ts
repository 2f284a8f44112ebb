// The one entry for runtime messages: check who sent it, parse it, run its handler, and turn any
// failure into a `{ ok: false, error }` the caller can show.
import { Request, type ErrorCode, type Response } from "../../shared/messages"
import { ApiError } from "../api-client"
import { authHandlers } from "./auth"
import { contentHandlers } from "./content"
import type { Handlers, Sender, WorkerContext } from "./context"
import { healthHandlers } from "./health"
import { lookupHandlers } from "./lookup"
import { outboxHandlers } from "./outbox"
import { sidebarHandlers } from "./sidebar"

export const handlers: Handlers = { ...lookupHandlers, ...outboxHandlers, ...authHandlers, ...sidebarHandlers, ...contentHandlers, ...healthHandlers }

/** Requests only Relay's own pages (options, popup) may make: a content script runs inside someone else's page. */
const pageOnly: Partial<Record<Request["type"], string>> = {
  "auth.signIn": "Sign in and out from Relay's settings page",
  "auth.signOut": "Sign in and out from Relay's settings page",
  // A page that could open Relay in whatever tab is in front would not be the rep asking.
  "sidebar.open": "Relay is opened on a page from its toolbar button or its shortcut",
}

const fail = (code: ErrorCode, message: string, status?: number): Response<never> => ({
  ok: false,
  error: status === undefined ? { code, message } : { code, message, status },
})

export function isExtensionPage(sender: Sender, runtimeId: string): boolean {
  const origin = `chrome-extension://${runtimeId}`
  const url = sender.url ?? ""
  return !sender.tab?.url?.startsWith("http") && (sender.origin === origin || url.startsWith(`${origin}/`))
}

export function createMessageHandler(ctx: WorkerContext, runtimeId: string) {
  return async function handle(message: unknown, sender: Sender): Promise<Response<unknown>> {
    if (!sender || sender.id !== runtimeId) return fail("forbidden", "Messages are accepted only from Relay itself")
    const parsed = Request.safeParse(message)
    if (!parsed.success) return fail("invalid", `Not a Relay request: ${parsed.error.issues[0]?.message ?? "bad shape"}`)
    const req = parsed.data
    const refusal = pageOnly[req.type]
    if (refusal && !isExtensionPage(sender, runtimeId)) return fail("forbidden", refusal)
    try {
      const handler = handlers[req.type] as (r: Request, s: Sender, c: WorkerContext) => Promise<unknown>
      return { ok: true, data: await handler(req, sender, ctx) }
    } catch (e) {
      if (e instanceof ApiError) return fail(e.code, e.message, e.status)
      return fail("http", e instanceof Error ? e.message : "Something went wrong in Relay's background worker")
    }
  }
}

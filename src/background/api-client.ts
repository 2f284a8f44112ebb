// The only code that talks HTTP to the backend. It knows the URL and token only through
// `getConfig`, so tests pass a plain object and the worker passes chrome.storage (auth.ts).
import type { ZodType } from "zod"
import type { ErrorCode } from "../shared/messages"
import { ActivityInput, Activity } from "../shared/contracts/activities"
import { ContactContext, EventsPage, SearchResult } from "../shared/contracts/contacts"
import { Bant, HandoffInput, HandoffResult, LeadFeedbackInput } from "../shared/contracts/handoff"
import { Health, Me } from "../shared/contracts/me"
import { AssetFeedback, AssetFeedbackInput, AssetSearchResult, RecommendationsResult, Share, ShareInput, ShareList } from "../shared/contracts/assets"
import { SelectorHealthReceipt, type SelectorHealthReport } from "../shared/contracts/health"
import { linkedinKey, linkedinSlug } from "../shared/linkedin"
import { backendOrigin } from "./backend-url"

export interface ApiConfig {
  baseUrl: string
  token: string | null
}

/** A failure the worker answers with: HTTP errors sorted into the codes the UI understands (and a few of its own). */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status?: number,
    /** Milliseconds the server asked us to wait (429/503 Retry-After), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message)
    this.name = "ApiError"
  }

  /** Worth trying again later: network, timeout, 5xx, 429, or not signed in yet. */
  get transient() {
    return (
      this.code === "offline" || this.code === "signed_out" || (this.status !== undefined && (this.status >= 500 || this.status === 429 || this.status === 408))
    )
  }
}

export interface ApiClientOptions {
  getConfig: () => Promise<ApiConfig | null>
  fetch?: typeof fetch
  timeoutMs?: number
  /** Called when the backend answers again after a request could not reach it (connectivity regained). */
  onReachable?: () => void
}

export interface ApiResult<T> {
  status: number
  data: T
}

/** Normalises what a person types into the backend field to an origin (https, or http to this computer only). */
export const normaliseBackendUrl = backendOrigin

/** The query the lookup endpoint takes, and the cache key it is stored under. */
export function personQuery(person: { email: string } | { linkedin: string }): { param: string; value: string; key: string } {
  if ("email" in person) {
    const email = person.email.trim().toLowerCase()
    return { param: "email", value: email, key: `email:${email}` }
  }
  const norm = linkedinKey(linkedinSlug(person.linkedin) ?? person.linkedin.trim())
  return { param: "linkedin", value: norm, key: `linkedin:${norm}` }
}

function retryAfter(res: Response): number | undefined {
  const h = res.headers.get("retry-after")
  if (!h) return undefined
  const secs = Number(h)
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000)
  const at = Date.parse(h)
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined
}

export function createApiClient(opts: ApiClientOptions) {
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a))
  const timeoutMs = opts.timeoutMs ?? 10_000
  // Whether the last request found the backend unreachable: the next answer means it is back.
  let unreachable = false

  async function request<T>(
    method: string,
    path: string,
    schema: ZodType<T> | null,
    init: { body?: unknown; auth?: boolean; config?: ApiConfig; timeoutMs?: number } = {},
  ): Promise<ApiResult<T>> {
    const config = init.config ?? (await opts.getConfig())
    if (!config) throw new ApiError("signed_out", "Not signed in: open Relay's settings and sign in")
    const needsAuth = init.auth !== false
    if (needsAuth && !config.token) throw new ApiError("signed_out", "Not signed in: open Relay's settings and sign in")
    const headers: Record<string, string> = { accept: "application/json" }
    if (needsAuth) headers.authorization = `Bearer ${config.token}`
    if (init.body !== undefined) headers["content-type"] = "application/json"

    const ctrl = new AbortController()
    const timer = setTimeout(() => ctrl.abort(), init.timeoutMs ?? timeoutMs)
    let res: Response
    try {
      res = await doFetch(config.baseUrl + path, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: ctrl.signal,
        credentials: "omit",
        cache: "no-store",
      })
    } catch {
      const timedOut = ctrl.signal.aborted
      unreachable = true
      throw new ApiError("offline", timedOut ? `${config.baseUrl} did not answer in time` : `Cannot reach ${config.baseUrl}`)
    } finally {
      clearTimeout(timer)
    }
    if (unreachable) {
      unreachable = false
      opts.onReachable?.()
    }

    let json: unknown = undefined
    const text = await res.text().catch(() => "")
    if (text) {
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
    }

    if (!res.ok) {
      const serverMessage = (json as { error?: { message?: unknown } } | undefined)?.error?.message
      const msg = typeof serverMessage === "string" ? serverMessage : `HTTP ${res.status}`
      if (res.status === 401) throw new ApiError("signed_out", "That token was not accepted: sign in again in Relay's settings", 401)
      if (res.status === 403) throw new ApiError("forbidden", msg, 403)
      if (res.status === 404) throw new ApiError("not_found", msg, 404)
      if (res.status >= 500) throw new ApiError("http", `The server had a problem (HTTP ${res.status})`, res.status, retryAfter(res))
      throw new ApiError("http", msg, res.status, retryAfter(res))
    }
    if (!schema) return { status: res.status, data: json as T }
    const parsed = schema.safeParse(json)
    if (!parsed.success) throw new ApiError("http", `Unexpected answer from the server for ${method} ${path.split("?")[0]}`, res.status)
    return { status: res.status, data: parsed.data }
  }

  const enc = encodeURIComponent
  return {
    request,
    /** GET /me with explicit credentials (sign-in checks a token before storing it). */
    me: (config?: ApiConfig) => request("GET", "/api/v1/me", Me, { config }).then((r) => r.data),
    health: (config?: ApiConfig, ms = 3000) => request("GET", "/api/v1/health", Health, { auth: false, config, timeoutMs: ms }).then((r) => r.data),
    lookup: (person: { email: string } | { linkedin: string }) => {
      const q = personQuery(person)
      return request("GET", `/api/v1/contacts/lookup?${q.param}=${enc(q.value)}`, ContactContext).then((r) => r.data)
    },
    contact: (id: string) => request("GET", `/api/v1/contacts/${enc(id)}`, ContactContext).then((r) => r.data),
    events: (id: string, p: { before?: string; limit?: number; type?: string } = {}) => {
      const qs = new URLSearchParams()
      if (p.before) qs.set("before", p.before)
      if (p.limit) qs.set("limit", String(p.limit))
      if (p.type) qs.set("type", p.type)
      const s = qs.toString()
      return request("GET", `/api/v1/contacts/${enc(id)}/events${s ? `?${s}` : ""}`, EventsPage).then((r) => r.data)
    },
    search: (q: string, limit = 10) => request("GET", `/api/v1/contacts?q=${enc(q)}&limit=${limit}`, SearchResult).then((r) => r.data),
    logActivity: (a: ActivityInput) => request("POST", "/api/v1/activities", Activity, { body: a }),
    handoff: (contactId: string, input: HandoffInput) => request("POST", `/api/v1/contacts/${enc(contactId)}/handoff`, HandoffResult, { body: input }),
    feedback: (contactId: string, input: LeadFeedbackInput) => request("POST", `/api/v1/contacts/${enc(contactId)}/feedback`, null, { body: input }),
    bant: (contactId: string, bant: Bant) => request("PATCH", `/api/v1/contacts/${enc(contactId)}/bant`, ContactContext, { body: bant }),
    recommendations: (contactId: string, p: { context?: string; limit?: number } = {}) => {
      const qs = new URLSearchParams()
      if (p.context?.trim()) qs.set("context", p.context.trim().slice(0, 2000))
      if (p.limit) qs.set("limit", String(p.limit))
      const s = qs.toString()
      return request("GET", `/api/v1/contacts/${enc(contactId)}/recommendations${s ? `?${s}` : ""}`, RecommendationsResult).then((r) => r.data)
    },
    assets: (p: { q?: string; kind?: string; stage?: string; limit?: number } = {}) => {
      const qs = new URLSearchParams()
      if (p.q?.trim()) qs.set("q", p.q.trim())
      if (p.kind) qs.set("kind", p.kind)
      if (p.stage) qs.set("stage", p.stage)
      if (p.limit) qs.set("limit", String(p.limit))
      const s = qs.toString()
      return request("GET", `/api/v1/assets${s ? `?${s}` : ""}`, AssetSearchResult).then((r) => r.data)
    },
    shares: (contactId: string) => request("GET", `/api/v1/shares?contactId=${enc(contactId)}`, ShareList).then((r) => r.data),
    share: (share: ShareInput) => request("POST", "/api/v1/shares", Share, { body: share }),
    assetFeedback: (input: AssetFeedbackInput) => request("POST", "/api/v1/asset-feedback", AssetFeedback, { body: input }),
    selectorHealth: (report: SelectorHealthReport) => request("POST", "/api/v1/health/selectors", SelectorHealthReceipt, { body: report }).then((r) => r.data),
  }
}

export type ApiClient = ReturnType<typeof createApiClient>

// A small in-memory stand-in for the Relay backend, behind a `fetch` function, with knobs to
// make requests fail the ways real networks do.
import type { ActivityInput } from "../../../src/shared/contracts/activities"
import type { AssetFeedbackInput, Recommendation, ShareInput } from "../../../src/shared/contracts/assets"
import type { ContactContext } from "../../../src/shared/contracts/contacts"
import type { HandoffInput, LeadFeedbackInput } from "../../../src/shared/contracts/handoff"
import type { SelectorHealthReport } from "../../../src/shared/contracts/health"

export const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`

export function makeContext(id: string, name: string, email: string): ContactContext {
  return {
    contact: {
      id,
      name,
      emails: [email],
      title: "CTO",
      company: "Acme",
      stage: "mql",
      score: 70,
      firstName: null,
      lastName: null,
      linkedin: null,
      industry: null,
      companySize: null,
      owner: null,
      stageChangedAt: "2025-01-01T00:00:00.000Z",
      bant: {},
    },
    score: { total: 70, fit: 30, engagement: 40, threshold: 60, reasons: [] },
    sla: { state: "none", mqlAt: null, dueAt: null, hours: 24 },
    events: [],
    nextCursor: null,
    counts: { marketing: 0, sales: 0, byType: {} },
  }
}

/** What the next request to a matching path does instead of the normal answer. */
export type Fault =
  | { kind: "status"; status: number; message?: string; headers?: Record<string, string> }
  | { kind: "network" }
  /** The server does the work, but the answer never arrives. */
  | { kind: "lose-response" }

export interface Hit {
  method: string
  path: string
  body: any
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } })

export function createFakeServer(opts: { token?: string; delayMs?: number } = {}) {
  const token = opts.token ?? "good-token-123"
  const activities = new Map<string, ActivityInput>()
  const handoffs = new Map<string, HandoffInput>()
  const feedback = new Map<string, LeadFeedbackInput>()
  const contacts = new Map<string, ContactContext>()
  const shares = new Map<string, ShareInput>()
  const assetFeedback = new Map<string, AssetFeedbackInput>()
  const recommendations: Recommendation[] = []
  /** Selector health reports by reportId: a resend replaces, as the real server does. */
  const healthReports = new Map<string, SelectorHealthReport>()
  /** The signed selector overlay GET /api/v1/sites/config serves; null: none published (404). */
  let sitesConfig: unknown = null
  const hits: Hit[] = []
  const faults: { match: (h: Hit) => boolean; fault: Fault }[] = []
  let down = false

  function work(h: Hit): Response {
    const u = new URL(h.path, "http://x")
    if (u.pathname === "/api/v1/health") return json(200, { ok: true, version: "test" })
    if (u.pathname === "/api/v1/sites/config") {
      return sitesConfig === null
        ? json(404, { error: { code: "not_found", message: "selector overlay (none is published) not found" } })
        : json(200, sitesConfig)
    }
    if (u.pathname === "/api/v1/health/selectors" && h.method === "POST") {
      const replaced = healthReports.has(h.body.reportId)
      healthReports.set(h.body.reportId, h.body)
      return json(200, { day: h.body.day, stored: h.body.counts.length, replaced })
    }
    if (u.pathname === "/api/v1/me")
      return json(200, { user: { id: uuid(900), email: "rep@acme.test", name: "Rita Rep", role: "rep" }, org: { id: uuid(901), name: "Acme Sales" } })
    if (u.pathname === "/api/v1/activities" && h.method === "POST") {
      const prev = activities.get(h.body.id)
      if (prev) {
        if (JSON.stringify(prev) !== JSON.stringify(h.body))
          return json(409, { error: { code: "conflict", message: "an activity with this id exists with different content" } })
        return json(200, { ...h.body, userId: uuid(900), createdAt: "2025-01-01T00:00:00.000Z" })
      }
      activities.set(h.body.id, h.body)
      return json(201, { ...h.body, userId: uuid(900), createdAt: "2025-01-01T00:00:00.000Z" })
    }
    let m = u.pathname.match(/^\/api\/v1\/contacts\/([^/]+)\/handoff$/)
    if (m) {
      handoffs.set(h.body.id, h.body)
      return json(200, { contactId: m[1], stage: h.body.decision === "accept" ? "sql" : "recycled", decision: h.body.decision })
    }
    m = u.pathname.match(/^\/api\/v1\/contacts\/([^/]+)\/feedback$/)
    if (m) {
      feedback.set(h.body.id, h.body)
      return json(201, { ok: true })
    }
    // Enablement content: shares are idempotent on id (200 on a repeat, 409 for other content or a code in use).
    if (u.pathname === "/api/v1/shares" && h.method === "POST") {
      const prev = shares.get(h.body.id)
      if (prev)
        return JSON.stringify(prev) === JSON.stringify(h.body)
          ? json(200, { ...prev, url: `https://relay.test/r/${prev.code}` })
          : json(409, { error: { code: "conflict", message: "different content" } })
      if ([...shares.values()].some((x) => x.code === h.body.code))
        return json(409, { error: { code: "conflict", message: "this link code is already used by another share" } })
      shares.set(h.body.id, h.body)
      return json(201, { ...h.body, url: `https://relay.test/r/${h.body.code}` })
    }
    if (u.pathname === "/api/v1/shares") {
      const items = [...shares.values()]
        .filter((x) => x.contactId === u.searchParams.get("contactId"))
        .reverse()
        .map((x) => ({
          ...x,
          url: `https://relay.test/r/${x.code}`,
          assetTitle: "Asset",
          assetKind: "one_pager",
          sharedBy: "Rita Rep",
          byMe: true,
          myFeedback: null,
        }))
      return json(200, { items })
    }
    if (u.pathname === "/api/v1/asset-feedback" && h.method === "POST") {
      if (![...shares.values()].some((x) => x.assetId === h.body.assetId && x.contactId === h.body.contactId)) {
        return json(409, { error: { code: "conflict", message: "you can rate an asset for a contact only after sharing it with them" } })
      }
      const created = !assetFeedback.has(h.body.id)
      assetFeedback.set(h.body.id, h.body)
      return json(created ? 201 : 200, { ...h.body, createdAt: "2025-01-01T00:00:00.000Z" })
    }
    m = u.pathname.match(/^\/api\/v1\/contacts\/([^/]+)\/recommendations$/)
    if (m)
      return json(200, {
        items: recommendations.map((r) => ({
          ...r,
          reasons: [...r.reasons, ...(u.searchParams.get("context") ? [`context: ${u.searchParams.get("context")}`] : [])],
        })),
      })
    if (u.pathname === "/api/v1/assets") {
      const q = (u.searchParams.get("q") ?? "").toLowerCase()
      return json(200, {
        items: recommendations
          .map((r) => r.asset)
          .filter((a) => a.title.toLowerCase().includes(q) && (!u.searchParams.get("kind") || a.kind === u.searchParams.get("kind"))),
      })
    }
    if (u.pathname === "/api/v1/contacts/lookup") {
      const email = u.searchParams.get("email")
      const c = [...contacts.values()].find((x) => email && x.contact.emails.includes(email))
      return c ? json(200, c) : json(404, { error: { code: "not_found", message: "contact not found" } })
    }
    return json(404, { error: { code: "not_found", message: "no such route" } })
  }

  const fetchImpl = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input))
    const h: Hit = { method: init.method ?? "GET", path: url.pathname + url.search, body: init.body ? JSON.parse(String(init.body)) : undefined }
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs))
    if (down) throw new TypeError("Failed to fetch")
    hits.push(h)
    const i = faults.findIndex((f) => f.match(h))
    const fault = i >= 0 ? faults.splice(i, 1)[0]!.fault : null
    if (fault?.kind === "network") throw new TypeError("Failed to fetch")
    if (fault?.kind === "status") return json(fault.status, { error: { code: "x", message: fault.message ?? `status ${fault.status}` } }, fault.headers)
    const needsAuth = url.pathname !== "/api/v1/health"
    if (needsAuth && (init.headers as Record<string, string>)?.authorization !== `Bearer ${token}`) {
      return json(401, { error: { code: "unauthorized", message: "a valid API token is required" } })
    }
    const res = work(h)
    if (fault?.kind === "lose-response") throw new TypeError("Failed to fetch")
    return res
  }

  return {
    fetch: fetchImpl as unknown as typeof fetch,
    token,
    activities,
    handoffs,
    feedback,
    contacts,
    hits,
    shares,
    assetFeedback,
    recommendations,
    healthReports,
    /** The next request matching `path` (a substring) fails this way; order of calls = order of faults. */
    fail(path: string, fault: Fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ match: (h) => h.path.includes(path), fault })
    },
    failWhere(match: (h: Hit) => boolean, fault: Fault) {
      faults.push({ match, fault })
    },
    publishSites(body: unknown) {
      sitesConfig = body
    },
    setDown(v: boolean) {
      down = v
    },
    posts: (path: string) => hits.filter((h) => h.method !== "GET" && h.path.startsWith(path)),
  }
}

export type FakeServer = ReturnType<typeof createFakeServer>

// A fake backend for dashboard component tests: answers fetch() by method and path with
// contract-shaped data, and records every call (path, query, headers, body) for assertions.
import { vi } from "vitest"

export interface Call {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string>
  body: unknown
  credentials?: string
}
type Answer = { status?: number; body: unknown } | ((call: Call) => { status?: number; body: unknown } | Promise<{ status?: number; body: unknown }>)

export class FakeApi {
  calls: Call[] = []
  private routes = new Map<string, Answer>()

  /** `on("GET /api/v1/me", {...})`; a path may end in "*" to match any suffix. */
  on(route: string, answer: Answer) {
    this.routes.set(route, answer)
    return this
  }

  has(route: string) {
    return this.routes.has(route)
  }

  ok(route: string, body: unknown) {
    return this.on(route, { body })
  }

  fail(route: string, status: number, code: string, message: string) {
    return this.on(route, { status, body: { error: { code, message } } })
  }

  callsTo(route: string) {
    const [method, path] = route.split(" ")
    return this.calls.filter((c) => c.method === method && (path!.endsWith("*") ? c.path.startsWith(path!.slice(0, -1)) : c.path === path))
  }

  lastCall(route: string) {
    const all = this.callsTo(route)
    return all[all.length - 1]
  }

  install() {
    vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, "http://localhost")
      const method = (init.method ?? "GET").toUpperCase()
      const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]))
      const call: Call = {
        method,
        path: url.pathname,
        query: url.searchParams,
        headers,
        body: init.body ? JSON.parse(String(init.body)) : undefined,
        credentials: init.credentials,
      }
      this.calls.push(call)
      const answer = this.match(method, url.pathname)
      if (!answer) return json(404, { error: { code: "not_found", message: `no route ${method} ${url.pathname}` } })
      const { status = 200, body } = typeof answer === "function" ? await answer(call) : answer
      return status === 204 ? new Response(null, { status }) : json(status, body)
    })
    return this
  }

  private match(method: string, path: string): Answer | undefined {
    const exact = this.routes.get(`${method} ${path}`)
    if (exact) return exact
    for (const [route, answer] of this.routes) {
      const [m, p] = route.split(" ")
      if (m === method && p!.endsWith("*") && path.startsWith(p!.slice(0, -1))) return answer
    }
    return undefined
  }
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } })

/** A promise resolved from outside: holds an answer back to see the loading state. */
export function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

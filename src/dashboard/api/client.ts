// The dashboard's only door to the backend. Same origin, so the HttpOnly session cookie rides along
// on its own; writes carry X-Relay-Request, the header the server asks of cookie-authenticated writes
// (a cross-site form cannot set it). Errors keep the server's own words from `{error:{code,message}}`.
import type { ZodType } from "zod"

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = "ApiError"
  }
}

export const isUnauthorized = (e: unknown) => e instanceof ApiError && e.status === 401

type Query = Record<string, string | number | boolean | undefined | null>

/** A query string from the given values, leaving out empty ones; "" when nothing is left. */
export function queryString(values: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v))
  const s = params.toString()
  return s ? `?${s}` : ""
}

async function failure(res: Response): Promise<ApiError> {
  let code = "http"
  let message = `The server answered ${res.status} ${res.statusText}`.trim()
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } }
    if (typeof body?.error?.code === "string") code = body.error.code
    if (typeof body?.error?.message === "string" && body.error.message) message = body.error.message
  } catch {
    // not JSON (a proxy's error page): keep the status line
  }
  if (res.status === 401 && code === "http") code = "unauthorized"
  return new ApiError(res.status, code, message)
}

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" }
  if (method !== "GET") headers["X-Relay-Request"] = "1"
  if (body !== undefined) headers["Content-Type"] = "application/json"
  let res: Response
  try {
    res = await fetch(path, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) })
  } catch {
    throw new ApiError(0, "offline", "Cannot reach the Relay server. Check your connection and try again.")
  }
  if (!res.ok) throw await failure(res)
  return res
}

/** GET and parse with the contract's schema, so a drifted server shows an error instead of a broken page. */
export async function apiGet<T>(path: string, schema: ZodType<T>): Promise<T> {
  return parse(await request("GET", path), schema)
}

export async function apiSend<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body: unknown, schema: ZodType<T>): Promise<T> {
  return parse(await request(method, path, body), schema)
}

/** A write whose answer carries nothing the page needs (204). */
export async function apiSendEmpty(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string): Promise<void> {
  await request(method, path)
}

async function parse<T>(res: Response, schema: ZodType<T>): Promise<T> {
  const r = schema.safeParse(await res.json())
  if (!r.success)
    throw new ApiError(
      res.status,
      "bad_response",
      "The server's answer did not have the expected shape. Reload the page; if it persists, the dashboard and server versions differ.",
    )
  return r.data
}

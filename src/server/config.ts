import { resolve } from "node:path"

/** Settings from the environment, with the defaults the README documents. */
export function config(env: Record<string, string | undefined> = process.env) {
  return {
    port: Number(env.PORT ?? 8787),
    host: env.HOST ?? "127.0.0.1",
    dataDir: resolve(env.DATA_DIR ?? ".data"),
    databaseUrl: env.DATABASE_URL || undefined,
    // Unset: requests come straight from clients. Behind a proxy: "true" or the proxy's addresses (comma-separated),
    // so per-address limits see the client and session cookies get Secure over https.
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    // Set: rate limits are counted in this Redis, shared by every API process and machine. Unset: in memory.
    redisUrl: env.REDIS_URL || undefined,
    // Requests per minute per token (or per address without one); raised for load tests.
    rateLimitPerMinute: positiveInt(env.RATE_LIMIT_PER_MINUTE, "RATE_LIMIT_PER_MINUTE") ?? 1200,
    // Opens of tracked links (/r/<code>) per minute per client address: a person opens a link a few times.
    linkRateLimitPerMinute: positiveInt(env.LINK_RATE_LIMIT_PER_MINUTE, "LINK_RATE_LIMIT_PER_MINUTE") ?? 60,
    // Where tracked links point (https://relay.example.com). Unset: this server's own address, never the
    // Host header of a request, which whoever sends it chooses.
    publicUrl: parsePublicUrl(env.PUBLIC_URL) ?? ownAddress(env.HOST ?? "127.0.0.1", Number(env.PORT ?? 8787)),
  }
}

function parsePublicUrl(v: string | undefined): string | undefined {
  const text = v?.trim()
  if (!text) return undefined
  let u: URL
  try {
    u = new URL(text)
  } catch {
    throw new Error(`PUBLIC_URL must be an http or https address such as https://relay.example.com, not "${v}"`)
  }
  if ((u.protocol !== "https:" && u.protocol !== "http:") || u.username || u.password || u.search || u.hash) {
    throw new Error(`PUBLIC_URL must be an http or https address without credentials, query or fragment, such as https://relay.example.com, not "${v}"`)
  }
  // A path is kept (Relay behind a proxy at https://example.com/relay); the trailing slash is not.
  return `${u.origin}${u.pathname.replace(/\/+$/, "")}`
}

/** The address this server listens on, as a browser would reach it (a wildcard host means this machine). */
function ownAddress(host: string, port: number): string {
  const h = host === "0.0.0.0" || host === "::" || host === "" ? "localhost" : host.includes(":") ? `[${host}]` : host
  return `http://${h}:${port}`
}

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined || v === "") return undefined
  const n = Number(v.replace(/_/g, ""))
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not "${v}"`)
  return n
}

function parseTrustProxy(v: string | undefined): boolean | string {
  if (!v || v === "false") return false
  return v === "true" ? true : v
}

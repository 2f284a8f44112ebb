import { resolve } from "node:path"

/** Settings from the environment, with the defaults the README documents. */
export function config(env = process.env) {
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
  }
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

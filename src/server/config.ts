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
  }
}

function parseTrustProxy(v: string | undefined): boolean | string {
  if (!v || v === "false") return false
  return v === "true" ? true : v
}

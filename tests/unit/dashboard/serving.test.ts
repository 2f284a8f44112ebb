// The backend serving the built dashboard at /dashboard (src/server/dashboard/routes.ts), against a
// small stand-in build in a temporary folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import Fastify from "fastify"
import { afterAll, describe, expect, it } from "vitest"
import { dashboardRoutes } from "../../../src/server/dashboard/routes"

const dir = mkdtempSync(join(tmpdir(), "relay-dashboard-build-"))
mkdirSync(join(dir, "assets"))
writeFileSync(join(dir, "index.html"), '<!doctype html><title>Relay dashboard</title><script src="/dashboard/assets/app-abc123.js"></script>')
writeFileSync(join(dir, "assets", "app-abc123.js"), "console.log('relay')")
writeFileSync(join(tmpdir(), "relay-secret.txt"), "not for the web")
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function app(root: string) {
  const a = Fastify()
  await dashboardRoutes(a, root)
  return a
}

describe("serving the dashboard", () => {
  it("answers every client route with index.html, uncached, under a strict content security policy", async () => {
    const a = await app(dir)
    for (const url of ["/dashboard/", "/dashboard/handoff?from=2026-10-01&team=East", "/dashboard/content-usage/00000000-0000-4000-8000-000000000011"]) {
      const r = await a.inject({ url })
      expect(r.statusCode).toBe(200)
      expect(r.headers["content-type"]).toBe("text/html; charset=utf-8")
      expect(r.headers["cache-control"]).toBe("no-cache")
      expect(r.body).toContain("<title>Relay dashboard</title>")
      expect(r.headers["content-security-policy"]).toContain("script-src 'self'")
      expect(r.headers["content-security-policy"]).toContain("frame-ancestors 'none'")
    }
    const bare = await a.inject({ url: "/dashboard" })
    expect([bare.statusCode, bare.headers.location]).toEqual([302, "/dashboard/"])
  })

  it("serves hashed assets for a year, and a missing asset is a 404, not the app", async () => {
    const a = await app(dir)
    const js = await a.inject({ url: "/dashboard/assets/app-abc123.js" })
    expect(js.statusCode).toBe(200)
    expect(js.headers["content-type"]).toBe("application/javascript; charset=utf-8")
    expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable")
    expect(js.body).toBe("console.log('relay')")
    expect((await a.inject({ url: "/dashboard/assets/app-old999.js" })).statusCode).toBe(404)
  })

  it("never serves a file outside the build", async () => {
    const a = await app(dir)
    for (const url of ["/dashboard/../relay-secret.txt", "/dashboard/%2e%2e/relay-secret.txt", "/dashboard/..%2frelay-secret.txt"]) {
      const r = await a.inject({ url })
      expect(r.body).not.toContain("not for the web")
    }
  })

  it("says how to build the dashboard when there is no build yet", async () => {
    const a = await app(join(dir, "missing"))
    const r = await a.inject({ url: "/dashboard/handoff" })
    expect(r.statusCode).toBe(503)
    expect(r.headers["cache-control"]).toBe("no-store")
    expect(r.body).toContain("The dashboard has not been built yet")
    expect(r.body).toContain("npm run build:dashboard")
  })
})

import { existsSync, statSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import type { FastifyInstance, FastifyReply } from "fastify"
import fastifyStatic from "@fastify/static"

// The marketer dashboard: the Vite build in build/dashboard, served at /dashboard. Paths that are not
// files (/dashboard/handoff?from=…) get index.html and the app routes them itself. The build is looked
// for on every request, not once at start: `npm start` starts the server while the build still runs.

export const defaultDashboardDir = fileURLToPath(new URL("../../../build/dashboard", import.meta.url))

// The app loads only its own scripts and styles and talks only to this origin. Recharts sets inline
// style attributes, hence 'unsafe-inline' for styles only; no script runs that the build did not ship.
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ")

function secure(reply: FastifyReply) {
  return reply.header("Content-Security-Policy", csp).header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "same-origin")
}

const missingBuild = (dir: string) => `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Relay dashboard not built</title>
<body style="font-family:system-ui,sans-serif;max-width:42rem;margin:4rem auto;padding:0 1.5rem;line-height:1.5;color:#1f2633">
<h1 style="font-size:1.5rem">The dashboard has not been built yet</h1>
<p>This server serves the dashboard from <code>${dir.replace(/[&<>"]/g, "")}</code>, which does not exist.</p>
<p>Build it with <code>npm run build:dashboard</code> (or run <code>npm start</code>, which builds it together with the
extension), then reload this page.</p>
</body></html>`

export async function dashboardRoutes(app: FastifyInstance, dir = defaultDashboardDir) {
  const root = resolve(dir)
  // Registered in its own scope so reply.sendFile stays private to these routes.
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, { root, serve: false })

    scope.get("/dashboard", (_req, reply) => reply.redirect("/dashboard/"))
    scope.get("/dashboard/*", async (req, reply) => {
      const index = join(root, "index.html")
      if (!existsSync(index)) {
        return secure(reply).status(503).header("Cache-Control", "no-store").type("text/html; charset=utf-8").send(missingBuild(root))
      }
      const path = (req.params as { "*": string })["*"]
      const file = resolve(root, path)
      const isFile = file.startsWith(`${root}/`) && existsSync(file) && statSync(file).isFile()
      if (isFile && path !== "index.html") {
        // Vite names built assets by their content hash: a changed file gets a new name.
        const cache = path.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache"
        return secure(reply).header("Cache-Control", cache).sendFile(path, { cacheControl: false })
      }
      // A missing asset is a 404, not the app: a stale page asking for an old bundle must fail visibly.
      if (path.startsWith("assets/")) return reply.callNotFound()
      return secure(reply).header("Cache-Control", "no-cache").sendFile("index.html", { cacheControl: false })
    })
  })
}

import Fastify, { type FastifyInstance } from "fastify"
import cors from "@fastify/cors"
import rateLimit from "@fastify/rate-limit"
import type { Db } from "./db/client"
import { errorHandler } from "./errors"
import { mount, route } from "./http"
import { openapi } from "./openapi"
import { activityRoutes } from "./activities/routes"
import { contactRoutes } from "./contacts/routes"
import { eventRoutes } from "./events/routes"
import { handoffRoutes } from "./handoff/routes"
import { meRoutes, version } from "./me/routes"
import { settingsRoutes } from "./settings/routes"
import { demoRoutes } from "./demo/routes"
import { assetRoutes } from "./assets/routes"
import { recommendationRoutes } from "./recommendations/routes"
import { shareRoutes } from "./shares/routes"
import { linkRoutes } from "./links/routes"
import { analyticsRoutes } from "./analytics/routes"
import * as z from "zod"

export interface AppOptions { db: Db; logger?: boolean; rateLimitPerMinute?: number }

const openapiRoute = route({
  method: "GET", url: "/api/v1/openapi.json", tag: "meta", summary: "This document", auth: false, response: z.record(z.string(), z.unknown()),
  handler: async () => openapi(version),
})

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1024 * 1024 })
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler((req, reply) => reply.status(404).send({ error: { code: "not_found", message: `no route ${req.method} ${req.url.split("?")[0]}` } }))
  // NDJSON is parsed line by line by the ingest service, so a bad line costs only that line.
  app.addContentTypeParser(["application/x-ndjson", "text/plain"], { parseAs: "string" }, (_req, body, done) => done(null, body))
  // The extension's pages and worker call from chrome-extension:// origins; nothing else needs CORS.
  await app.register(cors, { origin: /^chrome-extension:\/\/[a-p]{32}$/, allowedHeaders: ["Authorization", "Content-Type"] })
  // Per token (or per address without one); kept in memory per process — each API copy limits on its own.
  await app.register(rateLimit, {
    max: opts.rateLimitPerMinute ?? 1200,
    timeWindow: "1 minute",
    keyGenerator: (req) => req.headers.authorization ?? req.ip,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, error: { code: "rate_limited", message: `too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s` } }),
  })
  mount(app, opts.db, [...meRoutes, openapiRoute, ...contactRoutes, ...eventRoutes, ...activityRoutes, ...handoffRoutes, ...settingsRoutes,
    ...assetRoutes, ...recommendationRoutes, ...shareRoutes, ...analyticsRoutes])
  linkRoutes(app, opts.db)
  demoRoutes(app)
  return app
}

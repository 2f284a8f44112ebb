import Fastify, { type FastifyInstance } from "fastify"
import cors from "@fastify/cors"
import rateLimit from "@fastify/rate-limit"
import cookie from "@fastify/cookie"
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
import { dashboardRoutes } from "./dashboard/routes"
import { assetRoutes } from "./assets/routes"
import { recommendationRoutes } from "./recommendations/routes"
import { shareRoutes } from "./shares/routes"
import { linkRoutes } from "./links/routes"
import { analyticsRoutes } from "./analytics/routes"
import { sessionRoutes } from "./sessions/routes"
import { healthRoutes } from "./health/routes"
import { sitesRoutes } from "./sites/routes"
import { rateLimitKey, rateLimited } from "./auth/request"
import { sharedLimits } from "./ratelimit/redis"
import * as z from "zod"

export interface AppOptions {
  db: Db
  logger?: boolean
  rateLimitPerMinute?: number
  /** Behind a TLS-terminating proxy: the hops to trust for the client address and https (TRUST_PROXY). */
  trustProxy?: boolean | string
  /** REDIS_URL: rate limits shared by every API process; without it each process counts in memory. */
  redisUrl?: string
  /** Where the shared counters live in Redis (default "relay:rl:"); tests use one of their own. */
  rateLimitKeyPrefix?: string
}

const openapiRoute = route({
  method: "GET",
  url: "/api/v1/openapi.json",
  tag: "meta",
  summary: "This document",
  auth: false,
  response: z.record(z.string(), z.unknown()),
  handler: async () => openapi(version),
})

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: opts.trustProxy ?? false })
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler((req, reply) => reply.status(404).send({ error: { code: "not_found", message: `no route ${req.method} ${req.url.split("?")[0]}` } }))
  // NDJSON is parsed line by line by the ingest service, so a bad line costs only that line.
  app.addContentTypeParser(["application/x-ndjson", "text/plain"], { parseAs: "string" }, (_req, body, done) => done(null, body))
  // The extension's pages and worker call from chrome-extension:// origins; nothing else needs CORS.
  await app.register(cors, { origin: /^chrome-extension:\/\/[a-p]{32}$/, allowedHeaders: ["Authorization", "Content-Type"] })
  // The dashboard's session cookie (relay_session); unsigned: its value is a random secret looked up by hash.
  await app.register(cookie)
  // Per token id (a session counts as its token; per address without one). With REDIS_URL every API
  // process counts in the same Redis keys (failing open if Redis is down); without it, in memory per
  // process. /api/v1 routes identify the caller first (src/server/auth/request.ts).
  const shared = opts.redisUrl
    ? sharedLimits(opts.redisUrl, { keyPrefix: opts.rateLimitKeyPrefix, warn: (m) => (opts.logger ? app.log.warn(m) : console.warn(m)) })
    : undefined
  if (shared) {
    app.addHook("onClose", shared.close)
    await shared.ready
  }
  await app.register(rateLimit, {
    ...(shared ? { store: shared.Store } : {}),
    max: opts.rateLimitPerMinute ?? 1200,
    timeWindow: "1 minute",
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_req, ctx) => rateLimited(ctx.ttl),
  })
  mount(app, opts.db, [
    ...meRoutes,
    ...sessionRoutes,
    openapiRoute,
    ...contactRoutes,
    ...eventRoutes,
    ...activityRoutes,
    ...handoffRoutes,
    ...settingsRoutes,
    ...assetRoutes,
    ...recommendationRoutes,
    ...shareRoutes,
    ...analyticsRoutes,
    ...healthRoutes,
    ...sitesRoutes,
  ])
  linkRoutes(app, opts.db)
  demoRoutes(app)
  await dashboardRoutes(app)
  return app
}

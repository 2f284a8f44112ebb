import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import { z, type ZodType } from "zod"
import type { Db } from "./db/client"
import type { Principal } from "./auth/service"
import { identify, requireAuth } from "./auth/request"

// One declaration per route: it registers the handler and feeds the OpenAPI document, so the
// contract in src/shared/contracts is the only description of the API.
export interface RouteSpec<Q = unknown, P = unknown, B = unknown, R = unknown> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  url: string
  summary: string
  tag: string
  auth?: boolean
  query?: ZodType<Q>
  params?: ZodType<P>
  body?: ZodType<B>
  /** Bodies the handler parses itself (NDJSON ingest), documented but not validated up front. */
  rawBody?: { contentTypes: string[]; schema: ZodType }
  response: ZodType<R>
  status?: number
  bodyLimit?: number
  handler: (ctx: { db: Db; principal: Principal; query: Q; params: P; body: B; req: FastifyRequest; reply: FastifyReply }) => Promise<R>
}

export const registry: RouteSpec<any, any, any, any>[] = []

export function route<Q = undefined, P = undefined, B = undefined, R = unknown>(spec: RouteSpec<Q, P, B, R>) {
  registry.push(spec)
  return spec
}

export function mount(app: FastifyInstance, db: Db, specs: RouteSpec<any, any, any, any>[]) {
  const who = identify(db)
  // The rate limiter runs between identifying and refusing (see auth/request.ts), so these routes take
  // it from the plugin explicitly rather than as the hook it would append.
  const limit = app.hasDecorator("rateLimit") ? [app.rateLimit()] : []
  for (const s of specs) {
    app.route({
      method: s.method,
      url: s.url,
      bodyLimit: s.bodyLimit,
      config: { rateLimit: false },
      onRequest: s.auth === false ? limit : [who, ...limit, requireAuth],
      handler: async (req, reply) => {
        const principal = s.auth === false ? (undefined as unknown as Principal) : req.principal!
        const query = s.query ? s.query.parse(req.query ?? {}) : undefined
        const params = s.params ? s.params.parse(req.params ?? {}) : undefined
        const body = s.body ? s.body.parse(req.body ?? {}) : req.body
        const result = await s.handler({ db, principal, query, params, body, req, reply })
        if (reply.sent) return reply
        return reply.status(s.status ?? 200).send(result)
      },
    })
  }
}

export const zodJson = (schema: ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "openapi-3.0" }) as Record<string, unknown>

import { ApiError } from "../shared/contracts/common"
import { sessionCookie, writeHeader } from "../shared/contracts/sessions"
import { registry, zodJson } from "./http"

/** The OpenAPI 3 document, generated from the same zod contracts the routes validate with. */
export function openapi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {}
  const error = { description: "error", content: { "application/json": { schema: zodJson(ApiError, "output") } } }
  for (const r of registry) {
    const path = r.url.replace(/:(\w+)/g, "{$1}")
    const parameters: unknown[] = []
    for (const [where, schema] of [
      ["query", r.query],
      ["path", r.params],
    ] as const) {
      if (!schema) continue
      const js = zodJson(schema, "input") as { properties?: Record<string, unknown>; required?: string[]; anyOf?: { properties?: Record<string, unknown> }[] }
      const props = js.properties ?? Object.assign({}, ...(js.anyOf ?? []).map((a) => a.properties ?? {}))
      for (const [name, s] of Object.entries(props)) {
        parameters.push({ name, in: where, required: where === "path" || (js.required ?? []).includes(name), schema: s })
      }
    }
    const requestBody = r.body
      ? { required: true, content: { "application/json": { schema: zodJson(r.body, "input") } } }
      : r.rawBody
        ? { required: true, content: Object.fromEntries(r.rawBody.contentTypes.map((t) => [t, { schema: zodJson(r.rawBody!.schema, "input") }])) }
        : undefined
    ;(paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      security: r.auth === false ? [] : [{ bearer: [] }, { session: [] }],
      parameters,
      ...(requestBody ? { requestBody } : {}),
      responses: {
        [String(r.status ?? 200)]: { description: "ok", content: { "application/json": { schema: zodJson(r.response, "output") } } },
        "4XX": error,
      },
    }
  }
  return {
    openapi: "3.0.3",
    info: { title: "Relay API", version },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: sessionCookie,
          description: `The dashboard's session (POST /api/v1/sessions). Writes made with it also need the ${writeHeader} header.`,
        },
      },
    },
    paths,
  }
}

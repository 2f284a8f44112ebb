import { randomUUID } from "node:crypto"
import fc from "fast-check"
import type { InjectOptions, LightMyRequestResponse } from "fastify"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { one, rows, sql } from "../../src/server/db/client"
import { auth, backends, event, harness, type Harness } from "./harness"

// Issue 10's fuzzer: every route openapi.json lists, and /r/<code>, gets generated hostile input — bodies
// shaped like the route's schema with hostile leaves, malformed and deeply nested JSON, huge and tiny
// numbers, NUL, control characters and broken Unicode, long strings, bad UUIDs and dates, wrong content
// types, missing and garbled credentials. Whatever arrives: no 5xx, an answer within the time limit,
// health still answering, and a refused request (4xx) leaves every table as it was.
//
// Fixed seed; FUZZ_RUNS requests per route (default 15, about 600 requests in under a minute on PGlite), e.g. FUZZ_RUNS=200.
// FUZZ_SEED replays another seed.

const runsPerRoute = Number(process.env.FUZZ_RUNS ?? 15)
const seed = Number(process.env.FUZZ_SEED ?? 20261201)
/** A request taking longer than this is a hang: the heaviest report answers in well under a second here. */
const requestTimeoutMs = 15_000

interface Param {
  name: string
  in: "query" | "path"
  required: boolean
  schema: Schema
}
interface Op {
  method: string
  path: string
  params: Param[]
  bodyTypes: string[]
  bodySchema?: Schema
  auth: boolean
}
type Schema = {
  type?: string
  format?: string
  enum?: unknown[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  minimum?: number
  maximum?: number
  maxLength?: number
  nullable?: boolean
}

// ---- what hostile input is made of ----

const loneSurrogates = ["\ud800", "\udfff", "a\ud83dz", "\ude00x"]
const nastyStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0000".repeat(40),
  "\u0007\u001b[31m\u007f",
  "\r\n\r\nHTTP/1.1 200 OK",
  "\t",
  "\u202e\u2066",
  "\ufeff",
  "\uffff",
  "😀👩‍👩‍👧‍👦",
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "data:text/html,<b>x</b>",
  "'; DROP TABLE contacts; --",
  "' OR '1'='1",
  "\\",
  '\\\\"',
  "%00",
  "%",
  "%zz",
  "%E0%A4%A",
  "../../../etc/passwd",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-Infinity",
  "-1",
  "0",
  "1e400",
  "-0",
  "0x10",
  "1_000",
  "9999-12-31",
  "9999-12-31T23:59:59Z",
  "0000-01-01T00:00:00Z",
  "1969-12-31T23:59:59Z",
  "2025-02-30",
  "2025-02-30T10:00:00Z",
  "2025-13-01T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "24:00",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
  "{{uuid}}",
  "__proto__",
  "constructor",
  "prototype",
  "true",
  "[]",
  "{}",
  "a,b,c",
  "$where",
  '{"$gt":""}',
  "${7*7}",
  "{{7*7}}",
  "*",
  "%s%s%s%n",
  "x@y",
  "@",
  "a@b.c\u0000",
  ...loneSurrogates,
]
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n))

const hostileString = (ids: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...nastyStrings) },
    { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: utf16Unit, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 70_000 }).chain((n) => fc.constantFrom("x", "é", "\u0000", "😀").map((c) => c.repeat(n))) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
  )

/** Numbers JSON can carry and JS cannot: written into the body as they are (see jsonText). */
const bigNumberTokens = ["1e400", "-1e400", "123456789012345678901234567890", "1e-400", "-0.0", "0.1e-999999"]
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 3e9, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(...bigNumberTokens).map((t) => ({ __number: t })),
)

const hostileValue = (ids: string[]): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      hostileString(ids),
      hostileNumber,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.constantFrom("__proto__", "constructor", "a\u0000", "", "x".repeat(300)), fc.string({ maxLength: 8 })), tie("value"), {
        maxKeys: 4,
      }),
    ),
  })).value

/** Real ids of the right kind by field name, so that well-formed requests find what they name. */
export interface Ids {
  all: string[]
  contacts: string[]
  assets: string[]
  codes: string[]
}
const goodUuid = (ids: Ids, name: string) =>
  /contactId$/i.test(name)
    ? fc.constantFrom(...ids.contacts)
    : /assetIds?$/i.test(name)
      ? fc.constantFrom(...ids.assets)
      : name === "id"
        ? fc.oneof(fc.uuid({ version: 4 }), fc.constantFrom(...ids.all))
        : fc.constantFrom(...ids.all)

/** A value shaped like the schema (so requests get past the first check) with hostile values anywhere in it. */
function fromSchema(s: Schema | undefined, ids: Ids, depth = 0, name = ""): fc.Arbitrary<unknown> {
  const hostile = hostileValue(ids.all)
  if (!s || depth > 4) return hostile
  const variants = s.anyOf ?? s.oneOf ?? s.allOf
  if (variants?.length) return fc.oneof(...variants.map((v) => fromSchema(v, ids, depth + 1, name)))
  let good: fc.Arbitrary<unknown>
  if (s.enum?.length) good = fc.constantFrom(...s.enum)
  else if (s.type === "object" && s.properties) {
    const entries = Object.entries(s.properties)
    good = fc.record(Object.fromEntries(entries.map(([k, v]) => [k, fromSchema(v, ids, depth + 1, k)])), {
      requiredKeys: (s.required ?? []).filter((k) => k in s.properties!) as never[],
    })
  } else if (s.type === "array") good = fc.array(fromSchema(s.items, ids, depth + 1, name), { maxLength: depth === 0 ? 30 : 4 })
  else if (s.type === "integer" || s.type === "number") good = fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 })
  else if (s.type === "boolean") good = fc.boolean()
  else if (s.type === "string" && s.format === "uuid") good = goodUuid(ids, name)
  else if (s.type === "string" && name === "code") {
    good = fc.oneof(
      fc.constantFrom(...ids.codes),
      fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString("base64url")),
    )
  } else if (s.type === "string" && s.format === "date-time")
    good = fc.date({ min: new Date("2024-01-01"), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString())
  else if (s.type === "string" && s.format === "date")
    good = fc.date({ min: new Date("2024-01-01"), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
  else if (s.type === "string" && s.format === "email") good = fc.emailAddress()
  else if (s.type === "string" && s.format === "uri") good = fc.webUrl()
  else if (s.type === "string") good = fc.string({ maxLength: Math.min(s.maxLength ?? 40, 40) })
  else good = hostile
  // Mostly well-formed leaves, so that many requests get past validation and reach the services and SQL.
  return fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: hostile })
}

/** JSON text, with the numbers JS cannot hold written out literally. */
function jsonText(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === "object" && "__number" in x ? `@@${x.__number}@@` : x)).replace(/"@@([^@]+)@@"/g, "$1")
}

const encode = (v: unknown) => {
  const text = typeof v === "string" ? v : (jsonText(v) ?? "")
  try {
    return encodeURIComponent(text)
  } catch {
    // Half a surrogate pair cannot be percent-encoded as UTF-8: send the bytes a careless client would.
    return text.replace(/[^A-Za-z0-9]/g, (c) => `%${(c.charCodeAt(0) & 0xff).toString(16).padStart(2, "0")}`)
  }
}

// Header values the HTTP parser would let through (it refuses control characters itself, before Relay).
const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e]/g, "?")

interface Creds {
  tokens: string[]
  cookie: string
}
const credentials = (c: Creds) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...c.tokens).map((t) => ({ authorization: `Bearer ${t}` })) },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.constantFrom(...c.tokens).map((t) => ({ authorization: `bearer  ${t}` })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...c.tokens).map((t) => ({ cookie: `relay_session=${c.cookie}`, "x-relay-request": "1", "x-unused": t.slice(0, 0) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            "Bearer",
            "Bearer ",
            "Basic dXNlcjpwYXNz",
            "Bearer null",
            "Bearer undefined",
            `Bearer ${"A".repeat(8000)}`,
            "Token abc",
            "Bearer a b c",
            "Bearer rly_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "Bearer \t",
            ",,,",
          ),
          fc.string({ unit: "binary-ascii", maxLength: 80 }).map((s) => `Bearer ${s}`),
        )
        .map((a) => ({ authorization: headerSafe(a) })),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((s) => ({ cookie: `relay_session=${headerSafe(s)}` })) },
  )

interface Req {
  method: string
  url: string
  headers: Record<string, string>
  payload?: string
}

function requestFor(op: Op, ids: Ids, creds: Creds): fc.Arbitrary<Req> {
  const pathArb = fc.tuple(
    ...op.params
      .filter((p) => p.in === "path")
      .map((p) =>
        fromSchema(p.schema, ids, 0, p.name === "id" || p.name === "assetId" ? (op.path.includes("/contacts/") ? "contactId" : "assetId") : p.name).map(
          (v) => [p.name, v] as const,
        ),
      ),
  )
  const queryArb = fc.array(
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .constantFrom(
            ...(op.params.filter((p) => p.in === "query").length ? op.params.filter((p) => p.in === "query") : [{ name: "x", schema: {} } as Param]),
          )
          .chain((p) => fromSchema(p.schema, ids, 0, p.name).map((v) => `${encode(p.name)}=${encode(v)}`)),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom("%", "a=%zz", "=", "&&", "limit=1&limit=2", "__proto__[x]=1", "a[b][c][d]=1", `${"q=".repeat(1)}${"x".repeat(5000)}`),
      },
    ),
    { maxLength: 5 },
  )
  const bodyArb: fc.Arbitrary<{ type?: string; payload?: string }> = fc.oneof(
    { weight: 8, arbitrary: fromSchema(op.bodySchema, ids).map((v) => ({ type: op.bodyTypes[0] ?? "application/json", payload: jsonText(v) })) },
    { weight: 1, arbitrary: fc.integer({ min: 500, max: 100_000 }).map((n) => ({ type: "application/json", payload: "[".repeat(n) + "]".repeat(n) })) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 500, max: 50_000 }).map((n) => ({ type: "application/json", payload: '{"a":'.repeat(n) + "1" + "}".repeat(n) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          "{",
          "[1,",
          '{"a":1,}',
          "\u0000",
          "nul\u0000l",
          '{"__proto__":{"role":"admin"}}',
          '{"constructor":{"prototype":{"x":1}}}',
          "NaN",
          "1e999999",
          "-",
          '"\ud800"',
          "{}",
          "[]",
          "null",
          "true",
          '{"rows":null}',
          "\ufeff{}",
          '{"a":"\\u0000"}',
          '{"a":"\\ud800"}',
          "\n\n\n",
        )
        .map((payload) => ({ type: "application/json", payload })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fromSchema(op.bodySchema?.items ?? op.bodySchema, ids).map(jsonText), { maxLength: 20 })
        .map((lines) => ({ type: "application/x-ndjson", payload: lines.join("\n") })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            undefined,
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "application/json; charset=utf-16",
            "application/json; charset=nope",
            "application/x-ndjson",
            "*/*",
            "application/json, text/plain",
            "garbage",
          ),
          fromSchema(op.bodySchema, ids).map(jsonText),
        )
        .map(([type, payload]) => ({ type, payload })),
    },
    { weight: 1, arbitrary: fc.constant({}) },
    // Larger than any route takes: a 413, read no further than the limit.
    { weight: 1, arbitrary: fc.constant({ type: "application/json", payload: `{"rows":["${"x".repeat(33 * 1024 * 1024)}"]}` }) },
  )
  return fc
    .record({ path: pathArb, query: queryArb, body: bodyArb, creds: op.auth ? credentials(creds) : fc.oneof(fc.constant({}), credentials(creds)) })
    .map(({ path, query, body, creds: who }) => {
      let url = op.path
      for (const [name, v] of path) url = url.replace(`{${name}}`, encode(v) || "%20")
      if (query.length) url += `?${query.join("&")}`
      const headers: Record<string, string> = { ...who, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0" }
      if (body.type) headers["content-type"] = body.type
      const sendsBody = !["GET", "HEAD"].includes(op.method) || body.payload?.length === 2
      return { method: op.method, url, headers, ...(sendsBody && body.payload !== undefined ? { payload: body.payload } : {}) }
    })
}

function opsOf(spec: {
  paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: { content: Record<string, { schema: Schema }> }; security?: unknown[] }>>
}): Op[] {
  const ops: Op[] = []
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, o] of Object.entries(methods)) {
      const content = o.requestBody?.content ?? {}
      const types = Object.keys(content)
      ops.push({
        method: method.toUpperCase(),
        path,
        params: o.parameters ?? [],
        bodyTypes: types,
        bodySchema: types.length ? content[types[0]!]!.schema : undefined,
        auth: (o.security ?? []).length > 0,
      })
    }
  }
  // The tracked link: not JSON, so not in openapi.json, and open to anyone.
  const code: Param = { name: "code", in: "path", required: true, schema: { type: "string" } }
  ops.push(
    { method: "GET", path: "/r/{code}", params: [code], bodyTypes: [], auth: false },
    { method: "HEAD", path: "/r/{code}", params: [code], bodyTypes: [], auth: false },
  )
  return ops
}

describe.each(backends)("hostile input to every route on %s", (kind) => {
  let h: Harness
  let ops: Op[]
  const ids: Ids = { all: [], contacts: [], assets: [], codes: [] }
  let creds: Creds
  let checksum: () => Promise<string>

  beforeAll(async () => {
    h = await harness(kind)
    const as = (token: string) => auth(token)
    // Something for the routes to find: assets, contacts with events, a share with its code, a session.
    for (const title of ["Security one-pager", "Pricing guide"]) {
      const a = await h.app.inject({
        method: "POST",
        url: "/api/v1/assets",
        headers: as(h.acme.tokens.marketer),
        payload: { title, url: "https://content.example/a", kind: "one_pager" },
      })
      ids.assets.push(a.json().id)
    }
    await h.app.inject({
      method: "POST",
      url: "/api/v1/events",
      headers: as(h.acme.tokens.marketer),
      payload: ["ada@fuzz.example", "bo@fuzz.example", "cy@fuzz.example"].map((e, i) =>
        event(e, "demo_request", new Date(Date.now() - 86_400_000), `seed-${i}`, { contact: { title: "CFO" } }),
      ),
    })
    for (const r of await rows<{ id: string }>(h.database.db, sql`SELECT id::text AS id FROM contacts WHERE org_id = ${h.acme.id}`)) ids.contacts.push(r.id)
    const share = await h.app.inject({
      method: "POST",
      url: "/api/v1/shares",
      headers: as(h.acme.tokens.rep),
      payload: { id: randomUUID(), assetId: ids.assets[0], contactId: ids.contacts[0], channel: "gmail", sharedAt: new Date().toISOString() },
    })
    ids.codes.push(share.json().code)
    ids.all.push(...ids.assets, ...ids.contacts, share.json().id, share.json().code, h.acme.userIds.rep, h.globex.userIds.rep, h.acme.id)
    const session = await h.app.inject({ method: "POST", url: "/api/v1/sessions", payload: { token: h.acme.tokens.marketer } })
    creds = {
      tokens: [h.acme.tokens.rep, h.acme.tokens.marketer, h.acme.tokens.admin, h.globex.tokens.admin],
      cookie: String(session.cookies.find((c) => c.name === "relay_session")?.value),
    }
    ops = opsOf((await h.app.inject({ url: "/api/v1/openapi.json" })).json())

    // Every table's rows, in one digest. Columns a read moves on purpose (when a token or session was last used) are left out.
    const tables = await rows<{ t: string }>(
      h.database.db,
      sql`
      SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
    const parts = tables.map(
      ({ t }) => `SELECT '${t}' AS t, coalesce(md5(string_agg(r, '|' ORDER BY r)), '') AS d
      FROM (SELECT (to_jsonb(x) - 'last_used_at' - 'last_seen_at')::text AS r FROM "${t}" x) y`,
    )
    const query = sql.raw(`SELECT md5(string_agg(t || ':' || d, ',' ORDER BY t)) AS sum FROM (${parts.join(" UNION ALL ")}) s`)
    checksum = async () => (await one<{ sum: string }>(h.database.db, query))!.sum
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  it("finds every route of openapi.json, and /r/<code>", () => {
    expect(ops.length).toBeGreaterThanOrEqual(25)
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(["POST /api/v1/events", "GET /api/v1/analytics/content-usage", "GET /r/{code}"]),
    )
  })

  it(`answers ${runsPerRoute} hostile requests per route without a 5xx or a hang, and a refused one changes nothing`, async () => {
    const tally = new Map<string, number>()
    let before = await checksum()
    for (const [i, op] of ops.entries()) {
      await fc.assert(
        fc.asyncProperty(requestFor(op, ids, creds), async (req) => {
          const started = Date.now()
          const res = (await Promise.race([
            h.app.inject(req as InjectOptions),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${requestTimeoutMs} ms`)), requestTimeoutMs)),
          ])) as LightMyRequestResponse
          const label = `${req.method} ${req.url.slice(0, 200)} (${req.headers["content-type"] ?? "no content type"}, ${req.payload?.length ?? 0} bytes) -> ${res.statusCode} ${res.body.slice(0, 300)}`
          expect(res.statusCode, label).toBeLessThan(500)
          expect(Date.now() - started, label).toBeLessThan(requestTimeoutMs)
          tally.set(String(res.statusCode), (tally.get(String(res.statusCode)) ?? 0) + 1)
          const after = await checksum()
          if (res.statusCode >= 400) expect(after, `a refused request changed the database: ${label}`).toBe(before)
          before = after
        }),
        { seed: seed + i, numRuns: runsPerRoute, endOnFailure: true },
      )
      const health = await h.app.inject({ url: "/api/v1/health" })
      expect(health.statusCode, `health after ${op.method} ${op.path}`).toBe(200)
    }
    console.log(`fuzz on ${kind}: ${ops.length} routes, answers by status: ${JSON.stringify(Object.fromEntries([...tally].sort()))}`)
    // Both kinds of answer happened: the fuzzer got past the checks as well as being refused by them.
    expect([...tally.keys()].some((s) => s.startsWith("2"))).toBe(true)
    expect([...tally.keys()].some((s) => s.startsWith("4"))).toBe(true)
  }, 600_000)
})

import { spawn, type ChildProcess } from "node:child_process"
import { randomUUID } from "node:crypto"
import { request } from "node:http"
import { connect, createServer, type Socket } from "node:net"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { FastifyInstance } from "fastify"
import { Redis } from "ioredis"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../../src/server/app"
import { createToken } from "../../src/server/auth/service"
import { auth, backends, harness, type Harness } from "./harness"

// Several API processes, one budget: with REDIS_URL the rate limits of every process are counted in
// Redis; without it each process keeps its own; with Redis gone the API still answers.

const redisUrl = "redis://127.0.0.1:6379"
/** Keys of this run only, so parallel test files never share a counter and cleanup touches nothing else. */
const prefix = `relay:rl:test-${randomUUID()}:`

describe.each(backends)("rate limits shared through Redis on %s", (kind) => {
  let h: Harness
  let redis: Redis
  const apps: FastifyInstance[] = []
  const app = async (opts: { redisUrl?: string; perMinute: number }) => {
    const a = await buildApp({ db: h.database.db, rateLimitPerMinute: opts.perMinute, redisUrl: opts.redisUrl, rateLimitKeyPrefix: `${prefix}${kind}:` })
    apps.push(a)
    return a
  }
  const me = (a: FastifyInstance, token: string) => a.inject({ url: "/api/v1/me", headers: auth(token) }).then((r) => r.statusCode)
  const signIn = (a: FastifyInstance, token: string, remoteAddress: string) =>
    a.inject({ method: "POST", url: "/api/v1/sessions", payload: { token }, remoteAddress }).then((r) => r.statusCode)

  beforeAll(async () => {
    h = await harness(kind)
    redis = new Redis(redisUrl)
  })
  afterAll(async () => {
    for (const a of apps) await a.close()
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length) await redis.del(...keys)
    redis.disconnect()
    await h?.close()
  })

  it("two app instances with the same REDIS_URL share one budget per token: A and B together hit 429 at the limit", async () => {
    const [a, b] = [await app({ redisUrl, perMinute: 5 }), await app({ redisUrl, perMinute: 5 })]
    const codes: number[] = []
    for (let i = 0; i < 8; i++) codes.push(await me(i % 2 === 0 ? a! : b!, h.acme.tokens.rep))
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429, 429])
    // Another token has its own budget, on either instance.
    expect(await me(b!, h.acme.tokens.admin)).toBe(200)
    // The counter is one Redis key, under the purpose's prefix, expiring with the minute.
    expect(await me(a!, h.globex.tokens.rep)).toBe(200)
    expect(await redis.keys(`${prefix}${kind}:api:token:*`)).toHaveLength(3) // acme rep, acme admin, globex rep
    const ttl = await redis.pttl((await redis.keys(`${prefix}${kind}:api:token:*`))[0]!)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(60_000)
  })

  it("failed sign-ins from one address are counted across instances: 10 failures, then 429 even for a good token", async () => {
    const [a, b] = [await app({ redisUrl, perMinute: 1000 }), await app({ redisUrl, perMinute: 1000 })]
    const from = kind === "postgres" ? "10.77.0.2" : "10.77.0.1"
    const codes: number[] = []
    for (let i = 0; i < 10; i++) codes.push(await signIn(i % 2 === 0 ? a! : b!, `rly_guess-${randomUUID()}`, from))
    expect(codes).toEqual(Array(10).fill(401))
    expect(await signIn(a!, h.acme.tokens.rep, from)).toBe(429)
    expect(await signIn(b!, h.acme.tokens.rep, from)).toBe(429)
    expect(await redis.get(`${prefix}${kind}:sign-in:ip:${from}`)).toBe("10")
    // Another address signs in.
    expect(await signIn(b!, h.acme.tokens.rep, "10.77.1.1")).toBe(201)
  })

  it("without REDIS_URL each instance keeps its own budget in memory (the single-process default)", async () => {
    const [a, b] = [await app({ perMinute: 3 }), await app({ perMinute: 3 })]
    const onA: number[] = []
    for (let i = 0; i < 4; i++) onA.push(await me(a!, h.acme.tokens.marketer))
    expect(onA).toEqual([200, 200, 200, 429])
    expect(await me(b!, h.acme.tokens.marketer)).toBe(200)
    expect(await redis.keys(`${prefix}${kind}:api:token:*`)).toHaveLength(3) // nothing new in Redis
  })

  it("when Redis goes away mid-run the API keeps answering at once, and counts again when it is back", async () => {
    // A TCP relay to the real Redis that the test can cut, as a Redis restart or a network fault would.
    const sockets = new Set<Socket>()
    const relay = createServer((client) => {
      const upstream = connect(6379, "127.0.0.1")
      for (const s of [client, upstream]) {
        sockets.add(s)
        s.on("error", () => {})
        s.on("close", () => sockets.delete(s))
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((r) => relay.listen(0, "127.0.0.1", () => r()))
    const relayPort = (relay.address() as { port: number }).port
    try {
      const a = await app({ redisUrl: `redis://127.0.0.1:${relayPort}`, perMinute: 3 })
      const token = (await createToken(h.database.db, h.acme.id, "rep@acme.example", "mid-run")).token
      const before: number[] = []
      for (let i = 0; i < 4; i++) before.push(await me(a, token))
      expect(before).toEqual([200, 200, 200, 429])
      relay.close()
      for (const s of sockets) s.destroy()
      const t0 = Date.now()
      const during: number[] = []
      for (let i = 0; i < 4; i++) during.push(await me(a, token))
      expect(during).toEqual([200, 200, 200, 200]) // over the limit, but the limit is off while Redis is gone
      expect(Date.now() - t0).toBeLessThan(2000) // no request waits on the dead connection
      // Back: the same counter in Redis (it still holds 4) limits again.
      await new Promise<void>((r) => relay.listen(relayPort, "127.0.0.1", () => r()))
      await until("the reconnect", async () => ((await me(a, token)) === 429 ? true : undefined), 10_000)
    } finally {
      relay.close()
      for (const s of sockets) s.destroy()
    }
  })

  it("with Redis unreachable the API keeps answering (fails open), never a 500", async () => {
    const down = await app({ redisUrl: "redis://127.0.0.1:6390", perMinute: 2 })
    const codes: number[] = []
    for (let i = 0; i < 5; i++) codes.push(await me(down, h.acme.tokens.rep))
    expect(codes).toEqual([200, 200, 200, 200, 200])
    expect(await signIn(down, `rly_guess-${randomUUID()}`, "10.77.2.1")).toBe(401)
    expect(await signIn(down, h.globex.tokens.rep, "10.77.2.1")).toBe(201)
    expect((await down.inject({ url: "/api/v1/me" })).statusCode).toBe(401)
  })
})

const tsx = join(process.cwd(), "node_modules/.bin/tsx")

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once("error", reject)
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** One request on a fresh connection (so the cluster's round robin picks the next worker): the answering pid. */
function workerPid(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/api/v1/openapi.json", agent: false }, (res) => {
      res.resume()
      res.on("end", () => resolve(res.headers["x-relay-worker"] as string | undefined))
    })
    req.on("error", () => resolve(undefined))
    req.setTimeout(2000, () => req.destroy())
    req.end()
  })
}

async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await f()
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

const exited = (p: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (p.exitCode !== null) resolve(p.exitCode)
    else p.once("exit", (code) => resolve(code))
  })

describe("npm run server -- --workers N", () => {
  it("refuses more than one worker on the embedded database, pointing to DATABASE_URL", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "relay-workers-"))
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(await freePort()) }
      delete env.DATABASE_URL
      const p = spawn(tsx, ["src/server/main.ts", "--workers", "2"], { env, stdio: ["ignore", "pipe", "pipe"] })
      let stderr = ""
      p.stderr!.on("data", (d) => {
        stderr += d
      })
      expect(await exited(p)).toBe(2)
      expect(stderr.trim()).toBe(
        "--workers 2 needs a PostgreSQL server: the embedded database (PGlite) runs inside one process and cannot be shared by 2 workers. " +
          "Set DATABASE_URL (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/relay npm run server -- --workers 2), or run without --workers.",
      )
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  // Like the route tests' backends: the PostgreSQL server takes part when DATABASE_URL is set.
  if (process.env.DATABASE_URL)
    describe("on the PostgreSQL server", () => {
      // A database of this test's own: the primary migrates it once, the workers share it.
      const name = `relay_workers_${randomUUID().replace(/-/g, "").slice(0, 12)}`
      const admin = () => new pg.Client({ connectionString: process.env.DATABASE_URL })
      let server: ChildProcess | undefined
      let port = 0
      let log = ""

      beforeAll(async () => {
        const c = admin()
        await c.connect()
        await c.query(`CREATE DATABASE "${name}"`)
        await c.end()
        const url = new URL(process.env.DATABASE_URL!)
        url.pathname = `/${name}`
        port = await freePort()
        server = spawn(tsx, ["src/server/main.ts", "--workers", "2"], {
          env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port) },
          stdio: ["ignore", "pipe", "pipe"],
        })
        server.stdout!.on("data", (d) => {
          log += d
        })
        server.stderr!.on("data", (d) => {
          log += d
        })
      })
      afterAll(async () => {
        if (server && server.exitCode === null) {
          server.kill("SIGKILL")
          await exited(server)
        }
        const c = admin()
        await c.connect()
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
        await c.end()
      })

      it("two workers answer on one port; one killed is replaced; SIGTERM stops them all", async () => {
        const seen = new Set<string>()
        await until("two workers", async () => {
          const pid = await workerPid(port)
          if (pid) seen.add(pid)
          return seen.size === 2 ? true : undefined
        })
        const [first, second] = [...seen]
        expect(first).not.toBe(second)
        expect(log).toMatch(/with 2 workers \(PostgreSQL\); primary pid \d+/)

        process.kill(Number(first), "SIGKILL")
        const after = new Set<string>()
        await until("a replacement worker", async () => {
          const pid = await workerPid(port)
          if (pid) after.add(pid)
          return after.size === 2 && !after.has(first!) ? true : undefined
        })
        expect(after.has(second!)).toBe(true)
        expect(log).toContain(`worker ${first} died (SIGKILL); starting another`)

        server!.kill("SIGTERM")
        expect(await exited(server!)).toBe(0)
        for (const pid of after) expect(() => process.kill(Number(pid), 0)).toThrow()
      })
    })
})

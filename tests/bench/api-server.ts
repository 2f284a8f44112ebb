// The servers the lookup, ingest and activities parts load, in one child process on the same data:
// Relay's API (the rate limit out of the way) and the lookup's ceiling, a bare Fastify route running one
// indexed select (the contact by email) through the same driver. Prints one line
// `READY {"relay": port, "ceiling": port, "token", "marketerToken", "emails", "contacts", ...}` when both listen.
//
//   BENCH_ENGINE=postgres|pglite
//   DATABASE_URL, BENCH_SCHEMA          the PostgreSQL database (and schema) to use
//   BENCH_SEED_CONTACTS/EVENTS          seed the demo orgs first (a scratch schema, or PGlite in memory)
//   BENCH_READONLY=1                    a shared database: never migrate or seed; BENCH_TOKEN is a rep's token
//   BENCH_PGLITE_DIR                    PGlite in that data directory (a copy of data --quick prepared) instead of in memory
import { randomUUID } from "node:crypto"
import Fastify from "fastify"
import pg from "pg"
import type { PGlite } from "@electric-sql/pglite"
import { buildApp } from "../../src/server/app"
import { createToken } from "../../src/server/auth/service"
import { hashToken } from "../../src/server/auth/tokens"
import { openDatabase, rows, sql, type Database } from "../../src/server/db/client"
import { migrations } from "../../src/server/db/migrations"
import { migrationIds } from "../../src/server/db/journal"
import { demoOrgs, seedDemo } from "../../src/server/seed/index"
import { freePort } from "./part"

const engine = process.env.BENCH_ENGINE === "pglite" ? "pglite" : "postgres"
const readonly = process.env.BENCH_READONLY === "1"
const schema = process.env.BENCH_SCHEMA || undefined
const databaseUrl = process.env.DATABASE_URL

if (engine === "postgres" && !databaseUrl) throw new Error("DATABASE_URL is required for the PostgreSQL lookup")
if (readonly) {
  // A shared benchmark database is never migrated from here: refuse when it lacks a migration this code needs.
  const c = new pg.Client({ connectionString: databaseUrl })
  await c.connect()
  const done = new Set((await c.query<{ id: string }>("SELECT id FROM schema_migrations")).rows.map((r) => r.id))
  await c.end()
  const missing = migrationIds(migrations).filter((id) => !done.has(id))
  if (missing.length) throw new Error(`the database lacks migrations ${missing.join(", ")}; this benchmark reads it and never migrates it`)
}

const database: Database = await openDatabase(engine === "pglite" ? { dataDir: process.env.BENCH_PGLITE_DIR || undefined } : { databaseUrl, schema })
const { db } = database
if (process.env.BENCH_SEED_CONTACTS && !readonly) {
  await seedDemo(db, { contacts: Number(process.env.BENCH_SEED_CONTACTS), events: Number(process.env.BENCH_SEED_EVENTS ?? 0) || undefined })
  // The state autovacuum keeps a database in: right after a bulk load a GIN index's pending list and zero
  // statistics make the planner pick the trigram index for email equality (seconds instead of milliseconds).
  await db.execute(sql`VACUUM ANALYZE`)
}

// A rep of the demo org: a token made here on scratch data; on a shared database, one given (and checked).
const [rep] = await rows<{ email: string }>(db, sql`SELECT email FROM users WHERE org_id = ${demoOrgs.acme} AND role = 'rep' ORDER BY email LIMIT 1`)
if (!rep) throw new Error("no demo org in this database: seed it first")
let token = process.env.BENCH_TOKEN
let marketerToken: string | undefined
if (readonly) {
  if (!token) throw new Error("BENCH_TOKEN (a rep's token of the demo org) is needed to read a shared database")
  const [ok] = await rows<{ n: number }>(db, sql`SELECT 1 AS n FROM api_tokens WHERE token_hash = ${hashToken(token)} AND revoked_at IS NULL`)
  if (!ok) throw new Error("BENCH_TOKEN is not a live token of this database")
} else {
  token = (await createToken(db, demoOrgs.acme, rep.email, `benchmark ${randomUUID().slice(0, 8)}`)).token
  const [marketer] = await rows<{ email: string }>(
    db,
    sql`SELECT email FROM users WHERE org_id = ${demoOrgs.acme} AND role = 'marketer' ORDER BY email LIMIT 1`,
  )
  if (marketer) marketerToken = (await createToken(db, demoOrgs.acme, marketer.email, `benchmark ${randomUUID().slice(0, 8)}`)).token
}
const emails = (
  await rows<{ email: string }>(
    db,
    sql`
  SELECT email FROM contact_emails WHERE org_id = ${demoOrgs.acme} AND is_primary ORDER BY email LIMIT 2000`,
  )
).map((r) => r.email)
const [{ n: contacts } = { n: 0 }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM contacts WHERE org_id = ${demoOrgs.acme}`)
const [{ n: events } = { n: 0 }] = await rows<{ n: number }>(db, sql`SELECT count(*)::bigint::text AS n FROM marketing_events WHERE org_id = ${demoOrgs.acme}`)

const relay = await buildApp({ db, rateLimitPerMinute: 1_000_000_000, logger: process.env.BENCH_LOG === "1" })

// The ceiling: what one indexed select through the driver costs, served by Fastify, nothing else.
const ceilingSql = `SELECT c.id, c.first_name, c.last_name, c.title, c.company, c.stage, s.fit_score, s.engagement_value, s.engagement_at
  FROM contact_emails ce JOIN contacts c ON c.org_id = ce.org_id AND c.id = ce.contact_id
    JOIN contact_scores s ON s.org_id = c.org_id AND s.contact_id = c.id WHERE ce.org_id = $1 AND ce.email = $2`
let query: (email: string) => Promise<unknown[]>
let closePool = async () => {}
if (engine === "postgres") {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: schema ? `-c search_path="${schema}",public` : undefined })
  query = async (email) => (await pool.query(ceilingSql, [demoOrgs.acme, email])).rows
  closePool = () => pool.end()
} else {
  const client = (db as unknown as { $client: PGlite }).$client
  query = async (email) => (await client.query(ceilingSql, [demoOrgs.acme, email])).rows
}
const ceiling = Fastify({ logger: false })
ceiling.get<{ Querystring: { email?: string } }>("/lookup", async (req, reply) => {
  const [row] = await query(String(req.query.email ?? ""))
  if (!row) return reply.status(404).send({ error: "not found" })
  return row
})

// Not a ceiling: lets the lookup part measure first lookups, which find no digest to read (contacts/digest.ts).
ceiling.post("/forget-digests", async () => {
  await db.execute(sql`DELETE FROM contact_digests WHERE org_id = ${demoOrgs.acme}`)
  return { ok: true }
})

const ports = { relay: await freePort(), ceiling: await freePort() }
await relay.listen({ port: ports.relay, host: "127.0.0.1" })
await ceiling.listen({ port: ports.ceiling, host: "127.0.0.1" })
const [repUser] = await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE org_id = ${demoOrgs.acme} AND email = ${rep.email}`)
console.log(`READY ${JSON.stringify({ ...ports, token, marketerToken, repId: repUser!.id, emails, contacts, events: Number(events) })}`)

let closing = false
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    if (closing) return
    closing = true
    await relay.close()
    await ceiling.close()
    await closePool()
    await database.close()
    process.exit(0)
  })
}

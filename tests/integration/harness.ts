import { randomUUID } from "node:crypto"
import type { FastifyInstance } from "fastify"
import { buildApp } from "../../src/server/app"
import { openDatabase, rows, sql, type Database } from "../../src/server/db/client"
import { createOrg, createToken, createUser } from "../../src/server/auth/service"
import type { Role } from "../../src/shared/contracts/common"

/** The databases every route test runs against: PGlite always, the PostgreSQL server when DATABASE_URL is set. */
export const backends = ["pglite", ...(process.env.DATABASE_URL ? ["postgres"] : [])] as const

export async function openTestDatabase(kind: string): Promise<Database> {
  if (kind === "postgres") {
    // A schema per test file keeps parallel files apart; dropped by the server never, so name it uniquely.
    return openDatabase({ databaseUrl: process.env.DATABASE_URL, schema: `t_${randomUUID().replace(/-/g, "").slice(0, 16)}` })
  }
  return openDatabase({})
}

export interface TestOrg {
  id: string
  tokens: Record<Role, string>
  userIds: Record<Role, string>
}
export interface Harness {
  app: FastifyInstance
  database: Database
  acme: TestOrg
  globex: TestOrg
  close(): Promise<void>
}

export async function harness(kind: string): Promise<Harness> {
  const database = await openTestDatabase(kind)
  const app = await buildApp({ db: database.db, rateLimitPerMinute: 100_000 })
  const org = async (name: string, domain: string): Promise<TestOrg> => {
    const id = await createOrg(database.db, name)
    const tokens = {} as Record<Role, string>
    const userIds = {} as Record<Role, string>
    for (const role of ["rep", "marketer", "admin"] as Role[]) {
      const email = `${role}@${domain}`
      userIds[role] = await createUser(database.db, id, { email, name: `${name} ${role}`, role })
      tokens[role] = (await createToken(database.db, id, email)).token
    }
    return { id, tokens, userIds }
  }
  const acme = await org("Acme Test", "acme.example")
  const globex = await org("Globex Test", "globex.example")
  return {
    app,
    database,
    acme,
    globex,
    close: async () => {
      await app.close()
      if (database.kind === "postgres") {
        const [r] = await rows<{ s: string }>(database.db, sql`SELECT current_schema() AS s`)
        await database.db.execute(sql.raw(`DROP SCHEMA IF EXISTS "${r!.s}" CASCADE`))
      }
      await database.close()
    },
  }
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` })

export function event(email: string, type: string, occurredAt: Date | string, externalId: string, extra: Record<string, unknown> = {}) {
  return { email, type, occurredAt: typeof occurredAt === "string" ? occurredAt : occurredAt.toISOString(), source: "test", externalId, ...extra }
}

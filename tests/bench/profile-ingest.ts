// Where one ingest batch spends its time, statement by statement (a throwaway schema of the scratch database).
//   npx tsx tests/bench/profile-ingest.ts
import { randomUUID } from "node:crypto"
import { openDatabase, rows, sql } from "../../src/server/db/client"
import { ingest } from "../../src/server/events/service"
import { demoOrgs, seedDemo } from "../../src/server/seed/index"
import { scratchSchema } from "./part"

const scratch = scratchSchema()
const database = await openDatabase({ databaseUrl: scratch.url, schema: scratch.schema })
try {
  const { db } = database
  await seedDemo(db, { contacts: 2000, events: 10_000 })
  await db.execute(sql`VACUUM ANALYZE`)
  const emails = (await rows<{ email: string }>(db, sql`SELECT email FROM contact_emails WHERE org_id = ${demoOrgs.acme} LIMIT 2000`)).map((r) => r.email)
  const times: { ms: number; text: string }[] = []
  const exec = db.execute.bind(db)
  const timed = (target: { execute: typeof db.execute }) => {
    const orig = target.execute.bind(target)
    target.execute = (async (q: Parameters<typeof db.execute>[0]) => {
      const t = performance.now()
      try {
        return await orig(q)
      } finally {
        const text =
          typeof q === "string"
            ? q
            : ((q as unknown as { queryChunks?: unknown[] }).queryChunks ?? [])
                .map((c) => (typeof c === "object" && c && "value" in c ? (c as { value: string[] }).value.join("") : "?"))
                .join("")
                .replace(/\s+/g, " ")
                .slice(0, 90)
        times.push({ ms: performance.now() - t, text })
      }
    }) as typeof db.execute
  }
  timed(db)
  const origTx = db.transaction.bind(db)
  ;(db as { transaction: unknown }).transaction = (async (fn: (tx: typeof db) => unknown) =>
    origTx(async (tx) => {
      timed(tx)
      const ot = tx.transaction.bind(tx)
      ;(tx as { transaction: unknown }).transaction = (f: (t: typeof db) => unknown) =>
        ot(async (sp) => {
          timed(sp)
          return f(sp)
        })
      return fn(tx)
    })) as never
  const p = { orgId: demoOrgs.acme, orgName: "Acme", userId: randomUUID(), email: "m", name: "m", role: "marketer" as const, tokenId: "" }
  for (let b = 0; b < 3; b++) {
    times.length = 0
    const batch = Array.from({ length: 1000 }, (_, i) => ({
      email: i % 2 === 0 ? emails[(b * 997 + i * 13) % emails.length]! : `new-${b}-${((i - 1) / 2) % 250}@bench.example`,
      type: ["email_open", "email_click", "page_visit", "content_download"][i % 4]!,
      occurredAt: new Date(Date.now() - i * 60_000).toISOString(),
      source: "bench",
      externalId: `p-${b}-${i}`,
    }))
    const t = performance.now()
    const r = await ingest(db, p, batch)
    console.log(`batch ${b}: ${(performance.now() - t).toFixed(0)} ms, accepted ${r.accepted}, newMqls ${r.newMqls}, ${times.length} statements`)
    const top = [...times].sort((a, b) => b.ms - a.ms).slice(0, 8)
    for (const x of top) console.log(`  ${x.ms.toFixed(1).padStart(8)} ms  ${x.text}`)
  }
  void exec
} finally {
  await database.close()
  await scratch.drop()
}

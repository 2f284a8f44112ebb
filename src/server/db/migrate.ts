import { sql } from "drizzle-orm"
import type { Db } from "./client"
import { generatedMigrations } from "./journal"
import { migrations } from "./migrations"

// Two histories, applied in this order, each migration once, in its own transaction, recorded by id in
// schema_migrations on PGlite and PostgreSQL alike:
// 1. the hand-written migrations 0001–0013 (src/server/db/migrations/), closed: never add to them or edit them;
// 2. drizzle-kit's (src/server/db/drizzle/, generated from src/server/db/schema/ by npm run db:generate), in the
//    order of its journal. Their first entry, the baseline, is the schema history 1 built: it is recorded, never run.
export async function migrate(db: Db, generated = generatedMigrations()): Promise<void> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`)
  const done = new Set(((await db.execute(sql`SELECT id FROM schema_migrations`)) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id))
  const apply = async (id: string, stmts: string[]) => {
    if (done.has(id)) return
    await db.transaction(async (tx) => {
      // One statement per call: prepared statements (both drivers' default) take only one.
      for (const stmt of stmts) await tx.execute(sql.raw(stmt))
      await tx.execute(sql`INSERT INTO schema_migrations (id) VALUES (${id})`)
    })
  }
  for (const m of migrations) await apply(m.id, statements(m.sql))
  await apply(generated.baseline, [])
  for (const m of generated.later) await apply(m.id, m.statements)
}

/** Splits a hand-written migration into statements; those never put a semicolon at the end of a line inside one. */
function statements(text: string): string[] {
  return text
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean)
}

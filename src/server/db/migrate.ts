import { sql } from "drizzle-orm"
import type { Db } from "./client"
import { migrations } from "./migrations"

// A plain runner: the migrations are SQL we write by hand (generated columns, trigram and text-search
// indexes), so a generator would add a tool without removing any SQL.
export async function migrate(db: Db): Promise<void> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`)
  const done = new Set(((await db.execute(sql`SELECT id FROM schema_migrations`)) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id))
  for (const m of migrations) {
    if (done.has(m.id)) continue
    await db.transaction(async (tx) => {
      // One statement per call: prepared statements (both drivers' default) take only one.
      for (const stmt of statements(m.sql)) await tx.execute(sql.raw(stmt))
      await tx.execute(sql`INSERT INTO schema_migrations (id) VALUES (${m.id})`)
    })
  }
}

/** Splits a migration into statements; ours never put a semicolon inside a statement. */
function statements(text: string): string[] {
  return text
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean)
}

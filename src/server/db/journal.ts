import { readFileSync } from "node:fs"
import type { Migration } from "./migrations/migration"

// The migrations drizzle-kit generates (npm run db:generate) into src/server/db/drizzle: its journal orders them,
// each one a .sql file whose statements are separated by "--> statement-breakpoint".

const folder = new URL("./drizzle/", import.meta.url)

interface Journal {
  entries: { idx: number; tag: string; breakpoints: boolean }[]
}

/** A generated migration: its id is drizzle-kit's tag (a timestamp and a name), recorded in schema_migrations. */
export interface GeneratedMigration {
  id: string
  statements: string[]
}

/**
 * The journal's first entry is the baseline: the schema the hand-written migrations (0001–0013) already built.
 * It is recorded, never run, on every database; only its snapshot matters, as drizzle-kit's starting point.
 */
export function generatedMigrations(): { baseline: string; later: GeneratedMigration[] } {
  const journal = JSON.parse(readFileSync(new URL("meta/_journal.json", folder), "utf8")) as Journal
  const [first, ...rest] = [...journal.entries].sort((a, b) => a.idx - b.idx)
  if (!first?.tag.endsWith("_baseline")) throw new Error(`drizzle journal: the first entry must be the baseline, found ${first?.tag}`)
  return {
    baseline: first.tag,
    later: rest.map((e) => ({ id: e.tag, statements: splitBreakpoints(readFileSync(new URL(`${e.tag}.sql`, folder), "utf8")) })),
  }
}

/** Every migration id this code knows, hand-written then generated, in the order they are applied. */
export function migrationIds(handWritten: Migration[]): string[] {
  const g = generatedMigrations()
  return [...handWritten.map((m) => m.id), g.baseline, ...g.later.map((m) => m.id)]
}

/** drizzle-kit puts a breakpoint between statements, so a function body may hold semicolons as it likes. */
export function splitBreakpoints(text: string): string[] {
  return text
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter((s) => s.replace(/^\s*--.*$/gm, "").trim() !== "")
}

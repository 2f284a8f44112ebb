import { spawnSync } from "node:child_process"
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import drizzleConfig from "../../drizzle.config"
import { rows, sql, type Database } from "../../src/server/db/client"
import { generatedMigrations, migrationIds, splitBreakpoints } from "../../src/server/db/journal"
import { migrate } from "../../src/server/db/migrate"
import { migrations } from "../../src/server/db/migrations"
import { backends, openTestDatabase } from "./harness"

const root = fileURLToPath(new URL("../..", import.meta.url))
const config = drizzleConfig as { schema: string; out: string; dialect: string; migrations?: { prefix?: string } }
const drizzleKit = join(root, "node_modules/.bin/drizzle-kit")
/** What drizzle-kit said, on either stream; it must have finished well. */
function run(args: string[]) {
  const r = spawnSync(drizzleKit, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 })
  const said = `${r.stdout}${r.stderr}`
  expect(r.status, said).toBe(0)
  return said
}
const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort()

describe("drizzle-kit's snapshots match src/server/db/schema", () => {
  it("generating from the schema as it is writes nothing (else: npm run db:generate, and commit what it writes)", () => {
    // Into a copy of the migrations folder, so a difference is reported rather than written into the repository.
    const out = mkdtempSync(join(tmpdir(), "relay-drizzle-"))
    try {
      cpSync(join(root, config.out), out, { recursive: true })
      const args = [
        "generate",
        "--dialect",
        config.dialect,
        "--schema",
        config.schema,
        "--out",
        relative(root, out),
        "--prefix",
        config.migrations?.prefix ?? "index",
      ]
      // Relative: drizzle-kit reads "./" + out. stdin closed: a question drizzle-kit would ask (a rename?) means the schema changed, and fails here.
      const said = run(args)
      expect(files(out)).toEqual(files(join(root, config.out)))
      expect(said).toMatch(/No schema changes/)
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })

  it("drizzle-kit check finds the snapshots consistent", () => {
    const said = run(["check", "--dialect", config.dialect, "--out", config.out])
    expect(said).toMatch(/Everything's fine/)
  })
})

describe("the journal", () => {
  it("starts with the baseline, and every migration id is new", () => {
    const g = generatedMigrations()
    expect(g.baseline).toMatch(/^\d{14}_baseline$/)
    const ids = migrationIds(migrations)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.slice(0, migrations.length)).toEqual(migrations.map((m) => m.id))
  })

  it("splits a generated or custom file at drizzle-kit's breakpoints only, so function bodies keep their semicolons", () => {
    const text = `-- Custom SQL migration file, put your code below! --
CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN
  PERFORM 1;
  RETURN 1;
END $$;
--> statement-breakpoint
CREATE INDEX x ON t (a) INCLUDE (b);--> statement-breakpoint
-- only a comment
`
    const parts = splitBreakpoints(text)
    expect(parts).toHaveLength(2)
    expect(parts[0]).toContain("PERFORM 1;\n  RETURN 1;")
    expect(parts[1]).toBe("CREATE INDEX x ON t (a) INCLUDE (b);")
  })
})

describe.each(backends)("the runner on %s", (kind) => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase(kind)
  })
  afterAll(async () => {
    if (database.kind === "postgres") {
      const [r] = await rows<{ s: string }>(database.db, sql`SELECT current_schema() AS s`)
      await database.db.execute(sql.raw(`DROP SCHEMA IF EXISTS "${r!.s}" CASCADE`))
    }
    await database.close()
  })

  const applied = async () => (await rows<{ id: string }>(database.db, sql`SELECT id FROM schema_migrations ORDER BY id`)).map((r) => r.id)

  it("a new database has the hand-written history, then the baseline recorded (not run: its tables exist once), then the generated ones", async () => {
    expect(await applied()).toEqual(migrationIds(migrations))
  })

  it("applies later generated migrations in journal order, each once, in its own transaction", async () => {
    const g = generatedMigrations()
    const probe = {
      baseline: g.baseline,
      later: [
        ...g.later,
        {
          id: "20990101000000_probe_table",
          statements: ["CREATE TABLE migration_probe (org_id uuid NOT NULL, n int NOT NULL DEFAULT 0, PRIMARY KEY (org_id))"],
        },
        {
          id: "20990101000001_probe_function",
          statements: splitBreakpoints(`CREATE FUNCTION migration_probe_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  NEW.n = NEW.n + 1;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER migration_probe_bump BEFORE INSERT ON migration_probe FOR EACH ROW EXECUTE FUNCTION migration_probe_bump()`),
        },
        {
          id: "20990101000002_probe_broken",
          statements: ["INSERT INTO migration_probe (org_id) VALUES ('00000000-0000-0000-0000-000000000001')", "SELECT 1/0"],
        },
      ],
    }
    await expect(migrate(database.db, probe)).rejects.toThrow()
    // The two before the broken one stay; the broken one left nothing behind (its insert rolled back) and is not recorded.
    expect((await applied()).slice(-2)).toEqual(["20990101000000_probe_table", "20990101000001_probe_function"])
    expect(await rows(database.db, sql`SELECT * FROM migration_probe`)).toEqual([])
    // Run again without the broken one: nothing is applied twice.
    probe.later.pop()
    await migrate(database.db, probe)
    await database.db.execute(sql`INSERT INTO migration_probe (org_id) VALUES ('00000000-0000-0000-0000-000000000002')`)
    expect(await rows(database.db, sql`SELECT n FROM migration_probe`)).toEqual([{ n: 1 }])
    await database.db.execute(sql`DROP TABLE migration_probe`)
    await database.db.execute(sql`DROP FUNCTION migration_probe_bump()`)
  })
})

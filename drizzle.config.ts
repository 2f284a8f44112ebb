import { defineConfig } from "drizzle-kit"

// `npm run db:generate` compares src/server/db/schema/ with the last snapshot in src/server/db/drizzle/meta and
// writes the SQL for the difference there; `npm run db:generate -- --custom --name=...` makes an empty file for
// SQL it cannot write (functions, triggers, INCLUDE indexes). The app's runner (src/server/db/migrate.ts) applies
// them after the hand-written 0001–0013 (whose result is the baseline). See docs/architecture.md.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema/index.ts",
  out: "./src/server/db/drizzle",
  // A timestamp, so generated migrations never share a number with the hand-written 0001–0013.
  migrations: { prefix: "timestamp" },
  breakpoints: true,
})

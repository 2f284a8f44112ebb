import { spawnSync } from "node:child_process"
import { ensureE2eBuild } from "./extension-build"
import { seedDemoData } from "./harness"

// Builds the extension once for all e2e files, as `npm start` does but tagged "e2e" and pointed at the e2e
// port (or reuses build/chrome-mv3-e2e when it is a build of the current sources: see extension-build.ts), and
// the dashboard the backend serves at /dashboard (it has no per-port settings), and the demo data every file starts from.
export default async function setup() {
  ensureE2eBuild()
  // NODE_ENV: vitest sets "test", which would make Vite bundle React's development build.
  const d = spawnSync("npx", ["vite", "build", "-c", "src/dashboard/vite.config.ts", "--logLevel", "warn"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  })
  if (d.status !== 0) throw new Error("the dashboard build failed")
  await seedDemoData()
}

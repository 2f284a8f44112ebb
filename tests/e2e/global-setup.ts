import { spawnSync } from "node:child_process"
import { demoBuildEnv } from "../../src/server/cli/demo-build-env"
import { e2ePort } from "./env"

// Builds the extension once for all e2e files, as `npm start` does but tagged "e2e" and pointed at the e2e
// port, and the dashboard the backend serves at /dashboard (it has no per-port settings).
export default function setup() {
  const r = spawnSync("npx", ["plasmo", "build", "--tag=e2e"], { stdio: "inherit", env: { ...process.env, ...demoBuildEnv(e2ePort) } })
  if (r.status !== 0) throw new Error("the extension build failed")
  // NODE_ENV: vitest sets "test", which would make Vite bundle React's development build.
  const d = spawnSync("npx", ["vite", "build", "-c", "src/dashboard/vite.config.ts", "--logLevel", "warn"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } })
  if (d.status !== 0) throw new Error("the dashboard build failed")
}

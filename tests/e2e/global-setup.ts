import { spawnSync } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import { demoBuildEnv } from "../../src/server/cli/demo-build-env"
import { generateSigningKey } from "../../src/server/sites/signing"
import { e2ePort, sitesKeyFile } from "./env"

// Builds the extension once for all e2e files, as `npm start` does but tagged "e2e" and pointed at the e2e
// port, and the dashboard the backend serves at /dashboard (it has no per-port settings).
export default function setup() {
  // A signing key of the e2e build's own: its public half is built into the extension, its private half
  // signs the selector overlays the tests publish (overlay.e2e.test.ts).
  const key = generateSigningKey()
  mkdirSync(dirname(sitesKeyFile), { recursive: true })
  writeFileSync(sitesKeyFile, key.privateKeyPem, { mode: 0o600 })
  const env = { ...process.env, ...demoBuildEnv(e2ePort), PLASMO_PUBLIC_SITES_KEY: key.publicKey }
  const r = spawnSync("npx", ["plasmo", "build", "--tag=e2e"], { stdio: "inherit", env })
  if (r.status !== 0) throw new Error("the extension build failed")
  // NODE_ENV: vitest sets "test", which would make Vite bundle React's development build.
  const d = spawnSync("npx", ["vite", "build", "-c", "src/dashboard/vite.config.ts", "--logLevel", "warn"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  })
  if (d.status !== 0) throw new Error("the dashboard build failed")
}

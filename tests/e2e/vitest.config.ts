import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// End-to-end: real Chromium with the built extension against a real backend. One file at a time —
// each starts its own backend and browser, and the machine has two cores.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
})

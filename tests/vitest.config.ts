import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// Unit, component and integration tests. End-to-end tests have their own config (e2e/vitest.config.ts).
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  // tsconfig says jsx "preserve" for Plasmo's bundler; tests compile JSX themselves.
  oxc: { jsx: { runtime: "automatic" } },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    setupFiles: ["tests/setup.ts"],
  },
})

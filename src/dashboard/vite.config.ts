import { fileURLToPath } from "node:url"
import { defineConfig } from "vite"

const root = fileURLToPath(new URL(".", import.meta.url))

// The marketer dashboard: built into build/dashboard and served by the backend at /dashboard.
// @vitejs/plugin-react is not installed (its Babel peer clashes with Plasmo's), so Vite's built-in
// oxc compiles the JSX. `vite` (dev) proxies the API to a backend on 8787 so cookies stay same-origin.
export default defineConfig({
  root,
  base: "/dashboard/",
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir: fileURLToPath(new URL("../../build/dashboard", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // React Query and React Router mark their modules "use client" for server components; meaningless here.
      onLog(level, log, handler) {
        if (log.code === "MODULE_LEVEL_DIRECTIVE") return
        handler(level, log)
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:8787", "/r": "http://localhost:8787" } },
})

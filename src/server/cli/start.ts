// `npm start`: builds the extension (with the demo pages among its matches) and the marketer dashboard
// while the backend starts with the embedded database and demo data, then says how to use both.
import { spawn } from "node:child_process"
import { resolve } from "node:path"
import { demoBuildEnv, extensionBuildArgs } from "./demo-build-env"

const port = Number(process.env.PORT ?? 8787)

function run(label: string, args: string[], env: NodeJS.ProcessEnv, show: RegExp) {
  return new Promise<number>((done) => {
    const child = spawn("npx", args, { stdio: ["ignore", "pipe", "inherit"], env })
    child.stdout.on("data", (d: Buffer) => {
      if (show.test(d.toString())) process.stdout.write(`[${label}] ${d}`)
    })
    child.on("close", (code) => done(code ?? 1))
  })
}

const extension = run("extension", extensionBuildArgs, { ...process.env, ...demoBuildEnv(port) }, /DONE|ERROR/)
// The dashboard is served from build/dashboard at request time, so it works as soon as this build ends.
const dashboard = run(
  "dashboard",
  ["vite", "build", "-c", "src/dashboard/vite.config.ts", "--logLevel", "warn"],
  { ...process.env, NODE_ENV: "production" },
  /error/i,
)

await import("../main")
const [extensionCode, dashboardCode] = await Promise.all([extension, dashboard])
if (dashboardCode !== 0) {
  console.error("The dashboard build failed; the backend keeps running. Fix the error above and run `npm run build:dashboard`.")
} else {
  console.log(`\nDashboard built into ${resolve("build/dashboard")}: open http://localhost:${port}/dashboard and sign in with a token printed above.`)
}
if (extensionCode !== 0) {
  console.error("The extension build failed; the backend keeps running. Fix the error above and run `npm run build:demo`.")
} else {
  console.log(`
Extension built into ${resolve("build/chrome-mv3-prod")}. To load it:
  1. Open chrome://extensions and turn on "Developer mode" (top right).
  2. Click "Load unpacked" and choose the folder above.
  3. Open Relay's options (Details → Extension options), keep Backend URL http://localhost:${port},
     paste a token printed above (or from .data/demo-credentials.json) and click "Sign in".
  4. Try it on the demo pages: http://localhost:${port}/demo/gmail#inbox, /demo/outlook, /demo/linkedin/in/marisol-quintero-revops
`)
}

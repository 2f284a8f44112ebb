// `npm start`: builds the extension (with the demo pages among its matches) while the backend
// starts with the embedded database and demo data, then says how to load the extension.
import { spawn } from "node:child_process"
import { resolve } from "node:path"
import { demoBuildEnv } from "./demo-build-env"

const port = Number(process.env.PORT ?? 8787)
const build = new Promise<number>((done) => {
  const child = spawn("npx", ["plasmo", "build"], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...demoBuildEnv(port) } })
  child.stdout.on("data", (d: Buffer) => { if (/DONE|ERROR/.test(d.toString())) process.stdout.write(`[extension] ${d}`) })
  child.on("close", (code) => done(code ?? 1))
})

await import("../main")
const code = await build
if (code !== 0) {
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

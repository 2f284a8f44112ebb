import { type ChildProcess, spawn } from "node:child_process"
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium, type BrowserContext, type Page } from "playwright-core"
import { e2ePort, extensionDir, screenshotDir, seededDemoDir } from "./env"

export interface Backend {
  url: string
  dataDir: string
  tokens: { org: string; email: string; role: string; token: string }[]
  stop(): Promise<void>
}

/**
 * Starts `npm run server` on the e2e port with its own embedded database. An empty data directory gets a copy of the
 * demo data global-setup seeded for this run (seedDemoData), so that each file does not seed it again; outside an
 * e2e run (a benchmark run alone) the server seeds it on first start, as `npm start` does.
 */
export async function startBackend(dataDir = mkdtempSync(join(tmpdir(), "relay-e2e-"))): Promise<Backend> {
  const seeded = process.env[seededDemoEnv]
  if (seeded && readdirSync(dataDir).length === 0) cpSync(seeded, dataDir, { recursive: true })
  const url = `http://localhost:${e2ePort}`
  const busy = await fetch(`${url}/api/v1/health`).then(
    () => true,
    () => false,
  )
  if (busy) throw new Error(`port ${e2ePort} is taken by another server; set E2E_PORT to a free port`)
  const child: ChildProcess = spawn("npx", ["tsx", "src/server/main.ts"], {
    env: { ...process.env, PORT: String(e2ePort), DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  let output = ""
  child.stdout!.on("data", (d) => (output += d))
  child.stderr!.on("data", (d) => (output += d))
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((r) => child.once("exit", r))
    process.kill(-child.pid!, "SIGTERM")
    await exited
  }
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`backend exited:\n${output}`)
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break
    } catch {
      /* not up yet */
    }
    if (Date.now() - started > startLimitMs) {
      // Never leave it behind: it would hold the port (and the data directory) for whatever runs next.
      process.kill(-child.pid!, "SIGKILL")
      throw new BackendStartTimeout(`backend did not start in ${startLimitMs / 1000} s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  const tokens = JSON.parse(readFileSync(join(dataDir, "demo-credentials.json"), "utf8"))
  return { url, dataDir, tokens, stop }
}

const startLimitMs = 120_000
class BackendStartTimeout extends Error {}
const seededDemoEnv = "RELAY_E2E_DEMO_DATA"

/**
 * Once per e2e run, before any file: the demo data as the server's first start seeds it (20-30 s), for every file to
 * copy. A first start that never answers is tried once more from nothing, its output kept for the log: on CI one
 * seeding stalled without a word for two minutes and took the run down with it.
 */
export async function seedDemoData() {
  for (let attempt = 1; ; attempt++) {
    rmSync(seededDemoDir, { recursive: true, force: true })
    mkdirSync(seededDemoDir, { recursive: true })
    try {
      await (await startBackend(seededDemoDir)).stop()
      process.env[seededDemoEnv] = seededDemoDir
      return
    } catch (e) {
      if (!(e instanceof BackendStartTimeout) || attempt === 2) throw e
      console.warn(`seeding the e2e demo data, attempt ${attempt}: ${(e as Error).message}\ntrying once more`)
    }
  }
}

/** Debian's Chromium with the built extension (the e2e build unless another is named) loaded unpacked, in a profile that can be reopened. */
export async function launchBrowser(profileDir = mkdtempSync(join(tmpdir(), "relay-profile-")), extension = extensionDir) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    headless: false, // the flag below asks for the new headless mode, which runs extensions
    viewport: { width: 1400, height: 900 },
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
    ],
  })
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 30_000 }))
  const extensionId = new URL(worker.url()).host
  return { context, extensionId, profileDir }
}

export async function signIn(context: BrowserContext, extensionId: string, backendUrl: string, token: string) {
  const page = await context.newPage()
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.getByLabel("Backend URL").fill(backendUrl)
  await page.getByLabel("API token").fill(token)
  await page.getByRole("button", { name: "Sign in" }).click()
  await page.getByText(/Signed in as/).waitFor({ timeout: 20_000 })
  return page
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) })
}

export const repToken = (b: Backend) => b.tokens.find((t) => t.org === "Acme Analytics" && t.role === "rep")!.token

/** Debian's Chromium without the extension, for the dashboard (a plain web app served by the backend). */
export async function launchWebBrowser(viewport = { width: 1280, height: 800 }) {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  })
  const context = await browser.newContext({ viewport, acceptDownloads: true })
  return { browser, context }
}

export const marketerToken = (b: Backend) => b.tokens.find((t) => t.org === "Acme Analytics" && t.role === "marketer")!.token

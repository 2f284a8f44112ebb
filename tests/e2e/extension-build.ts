import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { demoBuildEnv, extensionBuildArgs } from "../../src/server/cli/demo-build-env"
import { generateSigningKey } from "../../src/server/sites/signing"
import { e2ePort, extensionDir, sitesKeyFile } from "./env"

// The e2e build of the extension (build/chrome-mv3-e2e), shared by the end-to-end tests (global-setup.ts) and the
// sidebar benchmark (tests/bench/sidebar.bench.ts), and built again only when it is not a build of what is here
// now. Both callers hold /tmp/relay-e2e.lock, so one never rebuilds under the other.
//
// Fresh means: the stamp written after the last build names the same content hash of everything Plasmo reads
// (src/, assets/, package.json, package-lock.json, tsconfig.json, any .env file, the PLASMO_* environment), the
// signing key file whose public half is built in is the one written then, and the manifest is the one that build
// wrote (someone else's build since, even of the same sources, means building again). Contents, not times.

const stampFile = resolve(`${extensionDir}.stamp.json`)
const manifestFile = join(extensionDir, "manifest.json")

interface Stamp {
  sources: string
  publicKey: string
  keyFile: string
  manifest: string
}

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex")

function files(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    return e.isDirectory() ? files(p) : e.isFile() ? [p] : []
  })
}

/** What the build is made of: the files Plasmo reads and the environment it is given (without the signing key). */
function sourcesHash(env: Record<string, string | undefined>): string {
  const h = createHash("sha256")
  const inputs = [
    ...files("src"),
    ...files("assets"),
    ...["package.json", "package-lock.json", "tsconfig.json"],
    ...readdirSync(".").filter((f) => f.startsWith(".env")),
  ]
    .filter((f) => existsSync(f))
    .sort()
  for (const f of inputs) h.update(`${f}\0`).update(readFileSync(f)).update("\0")
  for (const [k, v] of Object.entries(env)
    .filter(([k]) => k.startsWith("PLASMO_") && k !== "PLASMO_PUBLIC_SITES_KEY")
    .sort(([a], [b]) => a.localeCompare(b)))
    h.update(`${k}=${v}\0`)
  return h.digest("hex")
}

function readStamp(): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(stampFile, "utf8")) as Stamp
  } catch {
    return undefined
  }
}

/**
 * Builds the extension tagged "e2e", pointed at the e2e port, as `npm start` does, unless build/chrome-mv3-e2e is
 * already a build of the current sources with its signing key in build/e2e-sites-signing-key.pem. Returns what it did.
 */
export function ensureE2eBuild(log: (m: string) => void = console.log): "built" | "reused" {
  const baseEnv = { ...process.env, ...demoBuildEnv(e2ePort) }
  const sources = sourcesHash(baseEnv)
  const stamp = readStamp()
  if (
    stamp &&
    stamp.sources === sources &&
    existsSync(sitesKeyFile) &&
    existsSync(manifestFile) &&
    stamp.keyFile === sha256(readFileSync(sitesKeyFile)) &&
    stamp.manifest === sha256(readFileSync(manifestFile))
  ) {
    log(`extension: ${extensionDir} is a build of the current sources, reused`)
    return "reused"
  }
  // A signing key of the e2e build's own: its public half is built into the extension, its private half
  // signs the selector overlays the tests publish (overlay.e2e.test.ts).
  const key = generateSigningKey()
  mkdirSync(dirname(sitesKeyFile), { recursive: true })
  writeFileSync(sitesKeyFile, key.privateKeyPem, { mode: 0o600 })
  const env = { ...baseEnv, PLASMO_PUBLIC_SITES_KEY: key.publicKey }
  // The stamp goes first: a build that fails or is interrupted leaves none behind.
  if (existsSync(stampFile)) writeFileSync(stampFile, "{}")
  const r = spawnSync("npx", [...extensionBuildArgs, "--tag=e2e"], { stdio: "inherit", env })
  if (r.status !== 0) throw new Error("the extension build failed")
  // Sources changed during the build: the stamp would claim what the build may not hold, so none is written.
  if (sourcesHash(baseEnv) !== sources) return "built"
  const written: Stamp = {
    sources,
    publicKey: key.publicKey,
    keyFile: sha256(key.privateKeyPem),
    manifest: sha256(readFileSync(manifestFile)),
  }
  writeFileSync(stampFile, `${JSON.stringify(written, null, 2)}\n`)
  return "built"
}

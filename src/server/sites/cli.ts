// `npm run relay -- sites sign|keygen`: publishing selector fixes without a store release.
//   sites keygen                 prints a new Ed25519 key pair: the private key for SITES_SIGNING_KEY (keep it
//                                secret), the public key for PLASMO_PUBLIC_SITES_KEY when building the extension
//   sites sign --file <overlay.json> [--out <file>] [--key-file <private.pem>]
//                                checks the overlay against the contract, signs it and writes it where the
//                                server serves it (SITES_CONFIG_FILE, else <DATA_DIR>/sites-config.json)
import { readFileSync, renameSync, writeFileSync } from "node:fs"
import { overlayFile } from "./service"
import { generateSigningKey, privateKeyFrom, rawPublicKey, signOverlay } from "./signing"

export interface SitesCliOptions {
  file?: string
  out?: string
  keyFile?: string
}

export function runSites(sub: string | undefined, opts: SitesCliOptions, env: Record<string, string | undefined> = process.env, log = console): void {
  if (sub === "keygen") {
    const k = generateSigningKey()
    log.log(`Private key (set SITES_SIGNING_KEY to this, or save it to a file for --key-file; keep it secret):\n${k.privateKeyPem}`)
    log.log(`Public key (build the extension with PLASMO_PUBLIC_SITES_KEY=${k.publicKey})`)
    return
  }
  if (sub !== "sign") throw new Error(`unknown sites command "${sub ?? ""}": use sites sign or sites keygen`)
  if (!opts.file) throw new Error("--file is required for sites sign: the overlay JSON to sign")
  const keyText = opts.keyFile ? readFileSync(opts.keyFile, "utf8") : env.SITES_SIGNING_KEY
  if (!keyText) throw new Error("no signing key: set SITES_SIGNING_KEY or pass --key-file <private.pem> (create one with sites keygen)")
  const key = privateKeyFrom(keyText)
  const signed = signOverlay(readFileSync(opts.file, "utf8"), key)
  const out = opts.out ?? overlayFile(env)
  // Written whole then renamed, so the server never serves half a file.
  writeFileSync(`${out}.tmp`, `${JSON.stringify(signed, null, 2)}\n`)
  renameSync(`${out}.tmp`, out)
  const { version } = JSON.parse(signed.payload) as { version: number }
  log.log(`Signed overlay version ${version} written to ${out} (public key ${rawPublicKey(key)}); the server serves it from now on.`)
}

// The published selector overlay: a signed file the admin writes with `relay sites sign` (default
// <DATA_DIR>/sites-config.json, or SITES_CONFIG_FILE). Served as signed; read on each request, so a new
// one is live at once in every process without a restart. The server does not need the key: the
// extension checks the signature.
import { readFile } from "node:fs/promises"
import { join } from "node:path"
import { config } from "../config"
import { NotFound } from "../errors"
import { SignedSitesOverlay } from "../../shared/contracts/sites-config"

export const overlayFile = (env: Record<string, string | undefined> = process.env) => env.SITES_CONFIG_FILE || join(config(env).dataDir, "sites-config.json")

export async function publishedOverlay(file = overlayFile()): Promise<SignedSitesOverlay> {
  let text: string
  try {
    text = await readFile(file, "utf8")
  } catch {
    throw new NotFound("selector overlay (none is published)")
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  const signed = SignedSitesOverlay.safeParse(parsed)
  // A damaged file is treated as none published: extensions keep their built-in selectors.
  if (!signed.success) throw new NotFound("selector overlay (the published file is not a signed overlay; sign it again with relay sites sign)")
  return signed.data
}

// Ed25519 signing of selector overlays with node:crypto (no dependency). The private key never leaves
// the admin's machine or secret store; the extension carries only the public key (PLASMO_PUBLIC_SITES_KEY).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto"
import { SitesOverlay, type SignedSitesOverlay } from "../../shared/contracts/sites-config"

/** A private key from PEM (PKCS#8) or from base64 of its DER. */
export function privateKeyFrom(text: string): KeyObject {
  const t = text.trim()
  let key: KeyObject
  try {
    key = t.includes("-----BEGIN") ? createPrivateKey(t) : createPrivateKey({ key: Buffer.from(t, "base64"), format: "der", type: "pkcs8" })
  } catch {
    throw new Error("the signing key is not an Ed25519 private key (PEM or base64 PKCS#8)")
  }
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`the signing key is ${key.asymmetricKeyType}, not Ed25519`)
  return key
}

/** The raw 32-byte public key, base64: what the extension is built with. */
export function rawPublicKey(key: KeyObject): string {
  const der = createPublicKey(key).export({ format: "der", type: "spki" })
  return der.subarray(der.length - 32).toString("base64")
}

export function generateSigningKey(): { privateKeyPem: string; publicKey: string } {
  const { privateKey } = generateKeyPairSync("ed25519")
  return { privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(), publicKey: rawPublicKey(privateKey) }
}

/** Checks the overlay against the contract, then signs its text exactly as it will be served. */
export function signOverlay(json: string, key: KeyObject): SignedSitesOverlay {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch (e) {
    throw new Error(`the overlay is not JSON: ${(e as Error).message}`, { cause: e })
  }
  const overlay = SitesOverlay.safeParse(parsed)
  if (!overlay.success)
    throw new Error(`the overlay does not match the contract: ${overlay.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`)
  const payload = JSON.stringify(overlay.data)
  return { payload, signature: sign(null, Buffer.from(payload, "utf8"), key).toString("base64") }
}

export function verifyOverlay(signed: SignedSitesOverlay, publicKey: string): boolean {
  const spki = Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), Buffer.from(publicKey, "base64")])
  return verify(null, Buffer.from(signed.payload, "utf8"), createPublicKey({ key: spki, format: "der", type: "spki" }), Buffer.from(signed.signature, "base64"))
}

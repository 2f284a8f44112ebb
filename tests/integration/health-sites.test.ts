// The signed selector overlay on the server: `relay sites sign` writes it, GET /api/v1/sites/config serves it as signed.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runSites } from "../../src/server/sites/cli"
import { generateSigningKey, privateKeyFrom, signOverlay, verifyOverlay } from "../../src/server/sites/signing"
import { auth, backends, harness, type Harness } from "./harness"

const overlayJson = JSON.stringify({
  version: 7,
  issuedAt: "2026-12-01T10:00:00Z",
  sites: { outlook: { selectors: { PERSONA: ["div.persona-2027[data-lpc-hover-target-id]"] } }, linkedin: { enabled: false } },
})

describe("relay sites sign / keygen", () => {
  const dir = mkdtempSync(join(tmpdir(), "relay-sites-"))
  const key = generateSigningKey()
  const quiet = { log: () => {} } as unknown as Console

  it("signs an overlay with the key from SITES_SIGNING_KEY or --key-file, and the signature checks against the public key", () => {
    writeFileSync(join(dir, "overlay.json"), overlayJson)
    const out = join(dir, "signed.json")
    runSites("sign", { file: join(dir, "overlay.json"), out }, { SITES_SIGNING_KEY: key.privateKeyPem }, quiet)
    const signed = JSON.parse(readFileSync(out, "utf8"))
    expect(JSON.parse(signed.payload)).toEqual(JSON.parse(overlayJson))
    expect(verifyOverlay(signed, key.publicKey)).toBe(true)
    expect(verifyOverlay({ ...signed, payload: signed.payload.replace("2027", "2028") }, key.publicKey)).toBe(false)
    expect(verifyOverlay(signed, generateSigningKey().publicKey)).toBe(false)

    writeFileSync(join(dir, "key.pem"), key.privateKeyPem)
    runSites("sign", { file: join(dir, "overlay.json"), out, keyFile: join(dir, "key.pem") }, {}, quiet)
    expect(verifyOverlay(JSON.parse(readFileSync(out, "utf8")), key.publicKey)).toBe(true)
    // Without --out: where the server serves it.
    runSites("sign", { file: join(dir, "overlay.json") }, { SITES_SIGNING_KEY: key.privateKeyPem, DATA_DIR: dir }, quiet)
    expect(verifyOverlay(JSON.parse(readFileSync(join(dir, "sites-config.json"), "utf8")), key.publicKey)).toBe(true)
  })

  it("refuses a missing key, a key that is not Ed25519, and an overlay outside the contract (code, unknown fields, bad names)", async () => {
    writeFileSync(join(dir, "overlay.json"), overlayJson)
    const sign =
      (env: Record<string, string>, file = join(dir, "overlay.json")) =>
      () =>
        runSites("sign", { file, out: join(dir, "x.json") }, env, quiet)
    expect(sign({})).toThrow(/no signing key/)
    expect(sign({ SITES_SIGNING_KEY: "not a key" })).toThrow(/not an Ed25519 private key/)
    const { generateKeyPairSync } = await import("node:crypto")
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString()
    expect(sign({ SITES_SIGNING_KEY: rsa })).toThrow(/not Ed25519/)
    for (const bad of [
      "{not json",
      JSON.stringify({ version: 1, issuedAt: "2026-12-01T10:00:00Z", sites: {}, script: "fetch('https://evil.example')" }),
      JSON.stringify({ version: 0, issuedAt: "2026-12-01T10:00:00Z", sites: {} }),
      JSON.stringify({ version: 1, issuedAt: "2026-12-01T10:00:00Z", sites: { myspace: {} } }),
      JSON.stringify({ version: 1, issuedAt: "2026-12-01T10:00:00Z", sites: { gmail: { selectors: { "sender; drop": ["span"] } } } }),
      JSON.stringify({ version: 1, issuedAt: "2026-12-01T10:00:00Z", sites: { gmail: { selectors: { SENDER: ["span\u0000"] } } } }),
    ]) {
      writeFileSync(join(dir, "bad.json"), bad)
      expect(sign({ SITES_SIGNING_KEY: key.privateKeyPem }, join(dir, "bad.json")), bad).toThrow(/overlay/)
    }
    expect(() => runSites("publish", {}, {}, quiet)).toThrow(/unknown sites command/)
  })

  it("keygen prints a private key that signs and the public key that checks", () => {
    const lines: string[] = []
    runSites("keygen", {}, {}, { log: (m: string) => lines.push(m) } as unknown as Console)
    const pem = lines[0]!.slice(lines[0]!.indexOf("-----BEGIN"))
    const pub = lines[1]!.match(/PLASMO_PUBLIC_SITES_KEY=([A-Za-z0-9+/=]+)/)![1]!
    expect(verifyOverlay(signOverlay(overlayJson, privateKeyFrom(pem)), pub)).toBe(true)
  })
})

describe.each(backends)("GET /api/v1/sites/config on %s", (kind) => {
  let h: Harness
  const dir = mkdtempSync(join(tmpdir(), "relay-sites-route-"))
  const file = join(dir, "sites-config.json")
  const key = generateSigningKey()
  const before = process.env.SITES_CONFIG_FILE
  beforeAll(async () => {
    process.env.SITES_CONFIG_FILE = file
    h = await harness(kind)
  })
  afterAll(async () => {
    if (before === undefined) delete process.env.SITES_CONFIG_FILE
    else process.env.SITES_CONFIG_FILE = before
    await h?.close()
  })
  const get = (token: string | null = h.acme.tokens.rep) => h.app.inject({ url: "/api/v1/sites/config", headers: token ? auth(token) : {} })

  it("answers 404 until one is published, then the signed file as is, to every signed-in role; a damaged file counts as none", async () => {
    const none = await get()
    expect(none.statusCode).toBe(404)
    expect(none.json().error.message).toMatch(/none is published/)

    const signed = signOverlay(overlayJson, privateKeyFrom(key.privateKeyPem))
    writeFileSync(file, JSON.stringify(signed))
    for (const token of [h.acme.tokens.rep, h.acme.tokens.marketer, h.globex.tokens.admin]) {
      const res = await get(token)
      expect(res.statusCode).toBe(200)
      expect(res.headers["cache-control"]).toBe("no-store")
      expect(res.json()).toEqual(signed)
      expect(verifyOverlay(res.json(), key.publicKey)).toBe(true)
    }
    expect((await get(null)).statusCode).toBe(401)

    writeFileSync(file, "{half a fi")
    expect((await get()).statusCode).toBe(404)
    writeFileSync(file, JSON.stringify({ payload: overlayJson }))
    const unsigned = await get()
    expect(unsigned.statusCode).toBe(404)
    expect(unsigned.json().error.message).toMatch(/not a signed overlay/)
  })

  it("appears in openapi.json", async () => {
    const doc = (await h.app.inject({ url: "/api/v1/openapi.json" })).json() as { paths: Record<string, Record<string, unknown>> }
    expect(Object.keys(doc.paths["/api/v1/sites/config"] ?? {})).toEqual(["get"])
  })
})

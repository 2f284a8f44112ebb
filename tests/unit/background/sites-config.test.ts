import "fake-indexeddb/auto"
import { describe, expect, it } from "vitest"
import { OVERLAY_MAX_AGE_MS, verifySignedOverlay } from "../../../src/background/sites-config"
import { generateSigningKey, privateKeyFrom, signOverlay } from "../../../src/server/sites/signing"
import { createTestWorker, fromContentScript, fromPage } from "./worker"

// The extension checks with WebCrypto what `relay sites sign` signed with node:crypto.
const key = generateSigningKey()
const other = generateSigningKey()
const overlay = (version: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    version,
    issuedAt: "2026-12-01T10:00:00Z",
    note: "Outlook personas as div",
    sites: { outlook: { selectors: { PERSONA: ["div.persona-2027[data-lpc-hover-target-id]"] } }, linkedin: { enabled: false } },
    ...extra,
  })
const signed = (json: string, k = key) => signOverlay(json, privateKeyFrom(k.privateKeyPem))

const publish = (w: ReturnType<typeof createTestWorker>, body: unknown) => w.server.publishSites(body)

describe("signed selector overlays in the worker", () => {
  it("verifies a signature made by relay sites sign, and refuses tampered, foreign, unsigned, malformed and expired ones", async () => {
    const good = signed(overlay(3))
    const ok = await verifySignedOverlay(good, key.publicKey)
    expect(ok).toMatchObject({ ok: true, overlay: { version: 3 } })

    const tampered = { ...good, payload: good.payload.replace("persona-2027", "persona-evil") }
    expect(await verifySignedOverlay(tampered, key.publicKey)).toMatchObject({ ok: false, reason: expect.stringMatching(/signature does not match/) })
    expect(await verifySignedOverlay(signed(overlay(3), other), key.publicKey)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/signature does not match/),
    })
    expect(await verifySignedOverlay(JSON.parse(overlay(3)), key.publicKey)).toMatchObject({ ok: false, reason: "the selector update is not signed" })
    expect(await verifySignedOverlay({ payload: good.payload, signature: "" }, key.publicKey)).toMatchObject({
      ok: false,
      reason: "the selector update is not signed",
    })
    expect(await verifySignedOverlay(good, undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/no key/) })
    // Signed, but not an overlay (a key used for something else, or a bug in whoever signed it).
    const { sign } = await import("node:crypto")
    const notOverlay = '{"version":1,"code":"fetch(\\"https://evil.example\\")"}'
    const signedJunk = { payload: notOverlay, signature: sign(null, Buffer.from(notOverlay), privateKeyFrom(key.privateKeyPem)).toString("base64") }
    expect(await verifySignedOverlay(signedJunk, key.publicKey)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match its contract/) })
    const expired = signed(overlay(4, { expiresAt: "2026-11-30T00:00:00Z" }))
    expect(await verifySignedOverlay(expired, key.publicKey, Date.parse("2026-12-01T00:00:00Z"))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/expired/),
    })
  })

  it("applies a valid overlay, keeps it when a tampered one follows (saying so in the status), and never goes back to an older version", async () => {
    let now = Date.parse("2026-12-01T10:00:00Z")
    const w = createTestWorker({ sitesKey: key.publicKey, now: () => now })
    publish(w, signed(overlay(3)))
    expect(await w.handle({ type: "sites.overlay", site: "outlook" }, fromContentScript)).toEqual({
      ok: true,
      data: { selectors: { PERSONA: ["div.persona-2027[data-lpc-hover-target-id]"] } },
    })
    expect(await w.handle({ type: "sites.overlay", site: "linkedin" }, fromContentScript)).toEqual({ ok: true, data: { enabled: false } })
    expect(await w.handle({ type: "sites.overlay", site: "gmail" }, fromContentScript)).toEqual({ ok: true, data: null })
    expect((await w.sites.status()).current).toMatchObject({ state: "applied", version: 3, note: "Outlook personas as div" })

    const good = signed(overlay(4))
    publish(w, { ...good, payload: good.payload.replace("persona-2027", "persona-evil") })
    const status = await w.handle({ type: "sites.refresh" }, fromPage)
    expect(status).toMatchObject({
      ok: true,
      data: { current: { state: "applied", version: 3 }, rejected: { reason: expect.stringMatching(/signature does not match/) } },
    })
    expect((await w.sites.forSite("outlook"))?.selectors?.PERSONA).toEqual(["div.persona-2027[data-lpc-hover-target-id]"])

    publish(w, signed(overlay(2)))
    expect(await w.handle({ type: "sites.refresh" }, fromPage)).toMatchObject({
      ok: true,
      data: { current: { version: 3 }, rejected: { reason: expect.stringMatching(/older \(version 2\)/) } },
    })

    // A newer valid one replaces it and clears the warning.
    publish(w, signed(overlay(5, { sites: { outlook: { selectors: { PERSONA: ["button.persona-2028"] } } } })))
    expect(await w.handle({ type: "sites.refresh" }, fromPage)).toEqual({
      ok: true,
      data: { current: expect.objectContaining({ state: "applied", version: 5 }) },
    })

    // Nothing published any more: back to the built-in selectors.
    publish(w, null)
    now += OVERLAY_MAX_AGE_MS + 1
    await w.sites.refresh()
    expect(await w.sites.forSite("outlook")).toBeNull()
    expect((await w.sites.status()).current.state).toBe("none")
  })

  it("a build without the key takes no overlay at all", async () => {
    const w = createTestWorker()
    publish(w, signed(overlay(3)))
    expect(await w.sites.forSite("outlook")).toBeNull()
    expect((await w.sites.status()).rejected?.reason).toMatch(/no key/)
  })

  it("only Relay's own pages and scripts may ask, and only for a known site", async () => {
    const w = createTestWorker({ sitesKey: key.publicKey })
    expect((await w.handle({ type: "sites.overlay", site: "myspace" }, fromContentScript)).ok).toBe(false)
    expect((await w.handle({ type: "sites.overlay", site: "gmail" }, { ...fromContentScript, id: "someone-else" })).ok).toBe(false)
  })
})

// The selector overlay in the worker: fetched from GET /api/v1/sites/config, checked with WebCrypto
// Ed25519 against the public key built into the extension (PLASMO_PUBLIC_SITES_KEY), validated with zod,
// and cached in the worker's own storage. Anything unsigned, tampered with, malformed, expired or older
// than what is cached is ignored, and the popup says so; the sites then keep what they had. Only data
// travels: lists of selectors and an on/off switch per site, never code.
import { SignedSitesOverlay, SitesOverlay, type OverlayState, type OverlayStatus, type SiteOverlay } from "../shared/contracts/sites-config"
import type { Site } from "../shared/page-context"
import { ApiError, type ApiClient } from "./api-client"
import type { KeyValueStore } from "./auth"

interface Stored {
  overlay: SitesOverlay | null
  checkedAt: string | null
  rejected?: { reason: string; at: string }
}

const KEY = "relay.sitesOverlay"
/** A page asking for the overlay refreshes it when the copy is older than this. */
export const OVERLAY_MAX_AGE_MS = 10 * 60_000

const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0))

/** Checks the signature and the contract; answers the overlay or why it is refused. */
export async function verifySignedOverlay(
  raw: unknown,
  publicKey: string | undefined,
  now = Date.now(),
  subtle: SubtleCrypto = crypto.subtle,
): Promise<{ ok: true; overlay: SitesOverlay } | { ok: false; reason: string }> {
  if (!publicKey) return { ok: false, reason: "this build of Relay has no key to check selector updates with" }
  const signed = SignedSitesOverlay.safeParse(raw)
  if (!signed.success) return { ok: false, reason: "the selector update is not signed" }
  let valid: boolean
  try {
    const key = await subtle.importKey("raw", b64(publicKey), { name: "Ed25519" }, false, ["verify"])
    valid = await subtle.verify({ name: "Ed25519" }, key, b64(signed.data.signature), new TextEncoder().encode(signed.data.payload))
  } catch {
    valid = false
  }
  if (!valid) return { ok: false, reason: "the selector update's signature does not match Relay's key (changed or signed by someone else)" }
  let json: unknown
  try {
    json = JSON.parse(signed.data.payload)
  } catch {
    return { ok: false, reason: "the selector update is not JSON" }
  }
  const overlay = SitesOverlay.safeParse(json)
  if (!overlay.success)
    return {
      ok: false,
      reason: `the selector update does not match its contract (${overlay.error.issues[0]?.path.join(".") || "root"}: ${overlay.error.issues[0]?.message})`,
    }
  if (overlay.data.expiresAt && Date.parse(overlay.data.expiresAt) <= now)
    return { ok: false, reason: `the selector update expired at ${overlay.data.expiresAt}` }
  return { ok: true, overlay: overlay.data }
}

export interface OverlayDeps {
  store: KeyValueStore
  api: Pick<ApiClient, "request">
  publicKey: string | undefined
  now?: () => number
}

export function createSitesOverlay(d: OverlayDeps) {
  const now = d.now ?? Date.now
  let refreshing: Promise<void> | null = null

  async function load(): Promise<Stored> {
    const v = (await d.store.get([KEY]))[KEY] as Stored | undefined
    // Re-validated on the way out of storage: it is ours, but a shape from an older version must not reach a page.
    const overlay = v?.overlay ? SitesOverlay.safeParse(v.overlay) : null
    return { overlay: overlay?.success ? overlay.data : null, checkedAt: v?.checkedAt ?? null, rejected: v?.rejected }
  }
  const save = (s: Stored) => d.store.set({ [KEY]: s })

  /** Fetches and checks the published overlay; signed out or offline keeps the cached one. */
  async function refresh(): Promise<void> {
    const prev = await load()
    const at = new Date(now()).toISOString()
    let raw: unknown
    try {
      raw = (await d.api.request("GET", "/api/v1/sites/config", null)).data
    } catch (e) {
      // None published: the sites go back to their built-in selectors.
      if (e instanceof ApiError && e.code === "not_found") return save({ overlay: null, checkedAt: at })
      return
    }
    const checked = await verifySignedOverlay(raw, d.publicKey, now())
    if (!checked.ok) {
      console.warn(`[relay] selector update ignored: ${checked.reason}`)
      return save({ ...prev, checkedAt: at, rejected: { reason: checked.reason, at } })
    }
    if (prev.overlay && checked.overlay.version < prev.overlay.version) {
      const reason = `the selector update is older (version ${checked.overlay.version}) than the one in use (version ${prev.overlay.version})`
      console.warn(`[relay] selector update ignored: ${reason}`)
      return save({ ...prev, checkedAt: at, rejected: { reason, at } })
    }
    await save({ overlay: checked.overlay, checkedAt: at })
  }

  function refreshOnce(): Promise<void> {
    refreshing ??= refresh().finally(() => (refreshing = null))
    return refreshing
  }

  return {
    refresh: refreshOnce,
    /** A site's part of the overlay for its content script; refreshes first when the copy is stale. */
    async forSite(site: Site): Promise<SiteOverlay | null> {
      const s = await load()
      const stale = !s.checkedAt || now() - Date.parse(s.checkedAt) > OVERLAY_MAX_AGE_MS
      if (stale) {
        // A first look waits (briefly) for the answer; a stale copy is served and refreshed behind it.
        if (!s.checkedAt) await Promise.race([refreshOnce(), new Promise((r) => setTimeout(r, 1500))])
        else void refreshOnce()
      }
      const overlay = (await load()).overlay
      if (!overlay || (overlay.expiresAt && Date.parse(overlay.expiresAt) <= now())) return null
      return overlay.sites[site] ?? null
    },
    async status(): Promise<OverlayStatus> {
      const s = await load()
      const current: OverlayState = s.overlay
        ? {
            state: "applied",
            version: s.overlay.version,
            issuedAt: s.overlay.issuedAt,
            checkedAt: s.checkedAt ?? "",
            ...(s.overlay.note ? { note: s.overlay.note } : {}),
          }
        : { state: "none", ...(s.checkedAt ? { checkedAt: s.checkedAt } : {}) }
      return { current, ...(s.rejected ? { rejected: s.rejected } : {}) }
    },
  }
}

export type SitesOverlayStore = ReturnType<typeof createSitesOverlay>

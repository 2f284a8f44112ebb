// Selector fixes without a store release: a JSON overlay, signed with Ed25519, that adds selectors to
// a site's lists (src/sites/<site>/selectors.ts) or switches a site off. Data only: no code is ever
// fetched (MV3 forbids it, and it stays that way). The backend serves it as signed; the worker checks
// the signature against the key built into the extension and ignores anything else.
import * as z from "zod"
import { sites } from "../page-context"

export const overlaySites = sites

/** C0 controls and DEL: never part of a CSS selector or a name a page shows. */
const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f

/** A CSS selector as an overlay may carry one: bounded, printable, one selector list. */
export const OverlaySelector = z
  .string()
  .min(1)
  .max(500)
  .refine((s) => ![...s].some(isControl), "must not contain control characters")

/** The name of a list in a site's selectors.ts (SENDER, PERSONA, SIGNAL_PERSON …). */
export const SelectorListName = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, "must name a selector list such as SENDER or SIGNAL_PERSON")

export const SiteOverlay = z
  .object({
    /** false switches Relay off on this site (nothing is detected) until an overlay says otherwise. */
    enabled: z.boolean().optional(),
    /** Selectors tried before the built-in ones, per list. */
    selectors: z.record(SelectorListName, z.array(OverlaySelector).min(1).max(50)).optional(),
  })
  .strict()
export type SiteOverlay = z.infer<typeof SiteOverlay>

export const SitesOverlay = z
  .object({
    /** Grows with each published overlay; the extension never goes back to a lower one. */
    version: z
      .int()
      .min(1)
      .max(2 ** 31 - 1),
    issuedAt: z.iso.datetime({ offset: true }),
    /** Past this instant the overlay is ignored (optional). */
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    /** Why it was published, for whoever reads it later. */
    note: z.string().max(500).optional(),
    sites: z.partialRecord(z.enum(overlaySites), SiteOverlay),
  })
  .strict()
export type SitesOverlay = z.infer<typeof SitesOverlay>

/**
 * What GET /api/v1/sites/config answers and `relay sites sign` writes: the overlay's exact JSON text and
 * an Ed25519 signature over its UTF-8 bytes (base64). The text is signed as is, so no re-serialisation
 * can change what was signed.
 */
export const SignedSitesOverlay = z
  .object({
    payload: z
      .string()
      .min(2)
      .max(256 * 1024),
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, "must be a base64 Ed25519 signature (64 bytes)"),
  })
  .strict()
export type SignedSitesOverlay = z.infer<typeof SignedSitesOverlay>

/** The overlay a browser uses (for the popup). */
export type OverlayState = { state: "none"; checkedAt?: string } | { state: "applied"; version: number; issuedAt: string; checkedAt: string; note?: string }

/** What the popup shows: the overlay in use, and the last one refused with why. */
export interface OverlayStatus {
  current: OverlayState
  rejected?: { reason: string; at: string }
}

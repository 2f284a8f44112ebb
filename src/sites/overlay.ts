// Applying a site's part of the signed selector overlay (checked by the worker, src/background/sites-config.ts)
// to that site's lists in selectors.ts. Selectors are data the detectors read at each detection, so adding
// to a list is all a fix needs: no code arrives, none runs. What an overlay adds is tried before the
// built-in selectors (newer markup first, as in selectors.ts). Lists built from others at load time
// (SIGNAL_BODY from BODY) are lists of their own: an overlay names each list it extends.
import type { SiteOverlay } from "../shared/contracts/sites-config"

export type SelectorModule = Record<string, unknown>

export interface Applied {
  lists: string[]
  skipped: string[]
}

const isSelectorList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string")

/** A selector the browser can parse; an invalid one would throw inside every detection. */
function parses(selector: string, doc: Document): boolean {
  try {
    doc.createDocumentFragment().querySelector(selector)
    return true
  } catch {
    return false
  }
}

/** Adds each list's selectors in front of the built-in ones; unknown lists and invalid selectors are skipped. */
export function applyOverlay(module: SelectorModule, overlay: SiteOverlay | null | undefined, doc: Document = document): Applied {
  const applied: Applied = { lists: [], skipped: [] }
  for (const [name, additions] of Object.entries(overlay?.selectors ?? {})) {
    const list = module[name]
    if (!isSelectorList(list)) {
      applied.skipped.push(name)
      continue
    }
    const fresh = [...new Set(additions)].filter((s) => !list.includes(s) && parses(s, doc))
    applied.skipped.push(...[...new Set(additions)].filter((s) => !fresh.includes(s) && !list.includes(s)).map((s) => `${name}: ${s}`))
    if (fresh.length === 0) continue
    list.unshift(...fresh)
    applied.lists.push(name)
  }
  return applied
}

/** Whether the overlay switched the site off. */
export const siteSwitchedOff = (overlay: SiteOverlay | null | undefined) => overlay?.enabled === false

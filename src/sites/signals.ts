// Helpers of the structure-free strategies (Gmail, Outlook): reading the page's own header words
// ("to me", "Von:", "Cc :") around a person, and where an element sits (a body, a list, the nav).
import type { PersonRole } from "../shared/page-context"
import { asList, cleanText, closestAny, SKIPPED, type Selectors } from "./common"
import type { HeaderMatchers } from "./words"

const SEPARATOR = /^[\s,;·|]*$/
/** "<ann@x.example>" printed after a name: part of the person before it, not a label. */
const BARE_ADDRESS = /^[\s,;]*<?[^\s<>]+@[^\s<>]+>?[\s,;]*$/
const skippable = (text: string) => SEPARATOR.test(text) || BARE_ADDRESS.test(text)

/**
 * The nearest text before `el`, in reverse document order — through earlier siblings' last descendants
 * and up through ancestors, never past `stop` — skipping separators, addresses and people (`isPerson`
 * elements are passed over whole). "to me, Ann" gives "to" for Ann; a details row "Cc: Ann" gives "Cc:".
 * Bounded: visits at most `budget` nodes and climbs at most `maxUp` ancestors, never reads a whole subtree.
 */
export function textBefore(el: Element, stop: Element | null, isPerson: (e: Element) => boolean, budget = 40, maxUp = 6): string | undefined {
  let node: Node = el
  let up = 0
  for (let steps = 0; steps < budget; steps++) {
    const prev: Node | null = node.previousSibling
    if (!prev) {
      const parent: Node | null = node.parentNode
      if (!parent || parent === stop || parent.nodeType !== 1 || ++up > maxUp) return undefined
      node = parent
      continue
    }
    node = prev
    // Into the last descendant, unless this is a person (or script/style), which is passed over whole.
    while (node.nodeType === 1 && node.lastChild && !isPerson(node as Element) && !SKIPPED.has((node as Element).tagName.toUpperCase()) && steps++ < budget) {
      node = node.lastChild
    }
    if (node.nodeType === 3) {
      // Only the end of a long text node matters (a label is a word): never clean a whole message body.
      const raw = node.nodeValue ?? ""
      const text = cleanText(raw.length > 200 ? raw.slice(-200) : raw)
      if (!skippable(text)) return text
    }
  }
  return undefined
}

/** `el` itself matches one of `selectors`. */
export function matchesAny(el: Element, selectors: Selectors): boolean {
  for (const selector of asList(selectors)) {
    try {
      if (el.matches(selector)) return true
    } catch {
      // ignore, see queryAll
    }
  }
  return false
}

/** "Von: Ann <ann@x.example>" → "from"; "An:" → "to"; "Cc :" → "cc"; anything else → undefined. */
export function roleFromLine(label: string | null | undefined, words: HeaderMatchers): PersonRole | undefined {
  if (!label) return undefined
  return words.line.from.test(label) ? "from" : words.line.cc.test(label) ? "cc" : words.line.to.test(label) ? "to" : undefined
}

/** A text chunk that is only a header word ("to", "Cc:", "À :") → its role. */
export function roleFromLabel(text: string | undefined, words: HeaderMatchers): PersonRole | undefined {
  if (!text || text.length > 24) return undefined
  return words.label.from.test(text) ? "from" : words.label.cc.test(text) ? "cc" : words.label.to.test(text) ? "to" : undefined
}

/**
 * The role the page's own words give `el`: an ancestor's aria-label ("To: Ann; Bo", within `maxUp`
 * levels and below `stop`), else the header word printed just before it. Undefined when unlabelled.
 */
export function roleFromWords(el: Element, stop: Element | null, words: HeaderMatchers, isPerson: (e: Element) => boolean, maxUp = 4): PersonRole | undefined {
  let node: Element | null = el
  for (let i = 0; node && node !== stop && i <= maxUp; i++, node = node.parentElement) {
    const byLabel = roleFromLine(node.getAttribute("aria-label"), words)
    if (byLabel) return byLabel
  }
  return roleFromLabel(textBefore(el, stop, isPerson), words)
}

/** True when `el` or an ancestor matches one of `selectors` (a message body, a list, the nav). */
export function inside(el: Element, selectors: Selectors): boolean {
  // One closest() with the whole list (one walk up the ancestors); the per-selector walk only when the
  // engine rejects some selector of the list.
  try {
    return el.closest(asList(selectors).join(",")) !== null
  } catch {
    return closestAny(el, selectors) !== null
  }
}

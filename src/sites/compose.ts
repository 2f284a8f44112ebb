// Putting a tracked link into the message the rep is writing, on any of the three sites.
//
// The rep clicks "Insert" in the sidebar, which takes focus (and, on some clicks, the selection) away
// from the compose body. So a tracker remembers the last caret position inside a compose body as the
// rep types and clicks there (`selectionchange` on the host document), and the link goes back to that
// spot; with no remembered caret it goes at the end of what the rep wrote (above a signature or a quoted thread).
//
// The link is built with DOM APIs (textContent, never innerHTML: the title and URL are remote data),
// and an `input` event tells the host app its editor changed (drafts save, Send enables).
// Like the detectors, nothing here throws into the host page: a missing editor means "false".
import type { Site } from "../shared/page-context"
import { closestAny, isHidden, queryAll, type Selectors } from "./common"

/**
 * The site whose compose Relay writes into: its name and its selectors.ts module (the lists Insert reads: the one
 * compose-body list the detector reads too, and what follows the rep's words). The shell hands over the module a
 * signed overlay extended, so a fix to the list reaches detection and Insert at once; and each site's script
 * carries that site's selectors only.
 */
export interface ComposeSite {
  site: Site
  selectors: { readonly COMPOSE_BODY: Selectors; readonly composeTail: Selectors }
}

const isEditable = (el: Element): el is HTMLElement => el.getAttribute("contenteditable") === "true" && !isHidden(el)

/** The compose body `node` is in (or is), if any. */
export function composeBodyOf(site: ComposeSite, node: Node | null | undefined): HTMLElement | null {
  const el = node ? (node.nodeType === 1 ? (node as Element) : node.parentElement) : null
  const body = closestAny(el, site.selectors.COMPOSE_BODY)
  return body && isEditable(body) ? body : null
}

/**
 * The open compose editor, or null. With several open (two drafts, a draft and an inline reply), the
 * one holding `hint` (the remembered caret), else the focused one, else the last opened (last in the DOM).
 */
export function findComposeBody(site: ComposeSite, doc: Document, hint?: Node | null): HTMLElement | null {
  try {
    const all = queryAll(doc, site.selectors.COMPOSE_BODY).filter(isEditable)
    if (all.length === 0) return null
    return (hint && all.find((b) => b.contains(hint))) || all.find((b) => b.contains(doc.activeElement)) || all[all.length - 1]!
  } catch {
    return null
  }
}

export interface CaretTracker {
  /** The last caret (or selection) inside a compose body that is still on the page, or null. */
  range(): Range | null
  /** Called after the remembered caret changed (to re-check whether there is somewhere to insert). */
  subscribe(listener: () => void): () => void
  stop(): void
}

/** Remembers the rep's last caret inside a compose body of `site`. */
export function trackComposeCaret(site: ComposeSite, doc: Document): CaretTracker {
  let saved: Range | null = null
  const listeners = new Set<() => void>()
  const remember = () => {
    try {
      const sel = doc.getSelection()
      if (!sel || sel.rangeCount === 0) return
      const r = sel.getRangeAt(0)
      const body = composeBodyOf(site, r.startContainer)
      // Anywhere else (the sidebar, the subject line) leaves the remembered caret alone.
      if (!body || !body.contains(r.endContainer)) return
      saved = r.cloneRange()
      for (const l of [...listeners]) l()
    } catch {
      // Never an exception into the host page.
    }
  }
  remember()
  doc.addEventListener("selectionchange", remember)
  return {
    range: () => (saved && saved.startContainer.isConnected && composeBodyOf(site, saved.startContainer) ? saved : null),
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    stop: () => doc.removeEventListener("selectionchange", remember),
  }
}

export interface LinkToInsert {
  url: string
  text: string
}

/** Only http(s) links go into a message: a javascript: or data: one would run wherever it is clicked. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === "https:" || protocol === "http:"
  } catch {
    return false
  }
}

export interface InsertOptions {
  /** "text" puts the bare URL (LinkedIn's message box takes no markup); default "link". */
  mode?: "link" | "text"
  /** Where "the end" stops: a signature or the quoted thread under a reply. Default: the end of the body. */
  tail?: Selectors
}

/** How `site`'s editor takes a link: LinkedIn's message box as the bare URL, the mail apps' as a link above the signature or quote. */
export const insertOptions = (site: ComposeSite): InsertOptions => ({
  mode: site.site === "linkedin" ? "text" : "link",
  tail: site.selectors.composeTail,
})

/** Wrappers "the end" descends into: the last paragraph, not after it. */
const BLOCKS = new Set(["DIV", "P", "SPAN"])
const isWhite = (c: string) => c === "" || /\s/.test(c)

/**
 * Inserts `link` into `body` at `savedRange` when it is still inside it, else at the end of what the
 * rep wrote, selects the spot right after it and dispatches `input`. Returns false when nothing
 * could be inserted.
 */
export function insertLink(body: HTMLElement | null | undefined, link: LinkToInsert, savedRange?: Range | null, options: InsertOptions = {}): boolean {
  try {
    if (!body || !body.isConnected || !isEditable(body) || !isWebUrl(link.url)) return false
    const doc = body.ownerDocument
    const mode = options.mode ?? "link"
    const inBody = (n: Node) => n === body || body.contains(n)
    const range = savedRange && inBody(savedRange.startContainer) && inBody(savedRange.endContainer) ? savedRange.cloneRange() : endOf(body, options.tail ?? [])
    if (!range.collapsed) range.deleteContents()

    const frag = doc.createDocumentFragment()
    if (!isWhite(charBefore(range))) frag.append(doc.createTextNode(" "))
    let inserted: Node
    if (mode === "text") {
      inserted = doc.createTextNode(link.url)
    } else {
      const a = doc.createElement("a")
      a.href = link.url
      a.textContent = link.text || link.url
      inserted = a
    }
    frag.append(inserted)
    const after = charAfter(range)
    // A space after the link so typing goes on outside it; non-breaking at the end of a line, or it would collapse.
    const space = isWhite(after) && after !== "" && after !== "\n" ? null : doc.createTextNode(after === "" || after === "\n" ? "\u00a0" : " ")
    if (space) frag.append(space)
    const last = space ?? inserted
    range.insertNode(frag)

    body.focus({ preventScroll: true })
    const caret = doc.createRange()
    caret.setStartAfter(last)
    caret.collapse(true)
    const sel = doc.getSelection()
    sel?.removeAllRanges()
    sel?.addRange(caret)

    const data = mode === "text" ? link.url : link.text || link.url
    const Input = doc.defaultView?.InputEvent
    body.dispatchEvent(Input ? new Input("input", { bubbles: true, inputType: "insertText", data }) : new Event("input", { bubbles: true }))
    return true
  } catch {
    return false
  }
}

/**
 * The end of what the rep wrote: above a signature or quoted thread, inside the last paragraph, before the
 * trailing <br> that keeps an empty line open (Gmail's "<br>", LinkedIn's "<p><br></p>").
 */
function endOf(body: HTMLElement, tail: Selectors): Range {
  const doc = body.ownerDocument
  let container: Node = body
  let offset = body.childNodes.length
  // The first tail element in document order, whichever selector found it.
  const first = queryAll(body, tail).sort((a, b) => (a.compareDocumentPosition(b) & 4 /* b follows a */ ? -1 : 1))[0]
  if (first) {
    let top: Node = first
    while (top.parentNode && top.parentNode !== body) top = top.parentNode
    offset = Array.prototype.indexOf.call(body.childNodes, top)
  }
  for (;;) {
    const prev = container.childNodes[offset - 1]
    if (!prev) break
    if (prev.nodeType === 1 && BLOCKS.has((prev as Element).tagName) && (prev as Element).getAttribute("contenteditable") !== "false") {
      container = prev
      offset = prev.childNodes.length
      continue
    }
    if (prev.nodeType === 1 && (prev as Element).tagName === "BR") offset--
    break
  }
  const r = doc.createRange()
  r.setStart(container, offset)
  r.collapse(true)
  return r
}

/** The character just before a collapsed range: "\n" at the start of a line or block, "" when unknown. */
function charBefore(r: Range): string {
  const { startContainer: c, startOffset: o } = r
  if (c.nodeType === 3) return o > 0 ? (c as Text).data[o - 1]! : leafBefore(c)
  if (o === 0) return "\n"
  return lastChar(c.childNodes[o - 1]!)
}

function leafBefore(node: Node): string {
  const prev = node.previousSibling
  return prev ? lastChar(prev) : "\n"
}

function lastChar(n: Node): string {
  if (n.nodeType === 3) return (n as Text).data.slice(-1) || leafBefore(n)
  if (n.nodeType === 1 && (n as Element).tagName === "A") return (n.textContent ?? "").slice(-1)
  return "\n" // <br>, a block, a chip
}

/** The character just after a collapsed range: "" at the end of the body, "\n" before a break or block. */
function charAfter(r: Range): string {
  const { endContainer: c, endOffset: o } = r
  if (c.nodeType === 3) {
    const t = c as Text
    if (o < t.data.length) return t.data[o]!
    return t.nextSibling ? firstChar(t.nextSibling) : ""
  }
  const next = c.childNodes[o]
  return next ? firstChar(next) : ""
}

function firstChar(n: Node): string {
  if (n.nodeType === 3) return (n as Text).data[0] ?? (n.nextSibling ? firstChar(n.nextSibling) : "")
  return "\n"
}

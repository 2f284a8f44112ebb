// Helpers shared by the site detectors. Everything here is defensive: a selector that no longer
// matches, or one the browser rejects, yields "nothing" instead of an exception in the host page.
import { emptyContext } from "../shared/page-context"
import type { PageContext, PageView, Person, PersonRole, Site } from "../shared/page-context"
import { isMemberId, linkedinKey, linkedinSlug as sharedSlug } from "../shared/linkedin"

export type Selectors = string | readonly string[]

const EMAIL_RE = /[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/i

/** "Mailto:Ann <Ann@X.Example>" → "ann@x.example"; anything without an address → undefined. */
export function normalizeEmail(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined
  const match = raw.replace(/^mailto:/i, "").match(EMAIL_RE)
  return match ? match[0].toLowerCase().replace(/^[.'-]+|[.'-]+$/g, "") : undefined
}

/** Collapses runs of whitespace (including non-breaking spaces) and trims. */
export function cleanText(raw: string | null | undefined): string {
  return (raw ?? "").replace(/[\s\u00a0\u200b\u200e\u200f]+/g, " ").trim()
}

/** A short snippet of visible text, cut on a word boundary. */
export function snippetOf(raw: string | null | undefined, max = 300): string | undefined {
  const text = cleanText(raw)
  if (!text) return undefined
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(" ")
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + "…"
}

export const asList = (selectors: Selectors): readonly string[] => (typeof selectors === "string" ? [selectors] : selectors)

/** The index of the first selector of `list` that `el` matches (`list.length` for none). */
function firstMatching(el: Element, list: readonly string[]): number {
  for (let i = 0; i < list.length; i++) {
    try {
      if (el.matches(list[i]!)) return i
    } catch {
      // An invalid selector matches nothing.
    }
  }
  return list.length
}

/**
 * All elements matching any selector, in selector order then document order, without duplicates. One walk of the
 * page for the whole list (a real page has 10,000 elements, and most lists match nothing on most pages), then each
 * match is placed by the first selector it matches. When the engine rejects the joined list, one walk per selector.
 */
export function queryAll(root: ParentNode | null | undefined, selectors: Selectors): Element[] {
  if (!root) return []
  const list = asList(selectors)
  if (list.length === 0) return []
  let found: Element[] | undefined
  try {
    found = [...root.querySelectorAll(list.join(","))]
  } catch {
    found = undefined
  }
  if (found) {
    if (list.length === 1 || found.length < 2) return found
    const rank = new Map(found.map((el) => [el, firstMatching(el, list)]))
    // A stable sort: document order within one selector's matches.
    return found.sort((a, b) => rank.get(a)! - rank.get(b)!)
  }
  const seen = new Set<Element>()
  for (const selector of list) {
    try {
      root.querySelectorAll(selector).forEach((el) => seen.add(el))
    } catch {
      // An invalid selector (or one this engine does not support) matches nothing.
    }
  }
  return [...seen]
}

/**
 * The first element matching the first selector that matches anything. Usually one walk that stops early: the
 * first match of the joined list in document order is the answer when it matches the list's first selector.
 */
export function queryFirst(root: ParentNode | null | undefined, selectors: Selectors): Element | null {
  if (!root) return null
  const list = asList(selectors)
  if (list.length > 1) {
    try {
      const first = root.querySelector(list.join(","))
      if (first === null) return null
      if (firstMatching(first, list) === 0) return first
    } catch {
      // Some selector is rejected: each is tried on its own below.
    }
  }
  for (const selector of list) {
    try {
      const el = root.querySelector(selector)
      if (el) return el
    } catch {
      // ignore, see queryAll
    }
  }
  return null
}

/** Nearest ancestor (or self) matching any selector. */
export function closestAny(el: Element | null | undefined, selectors: Selectors): Element | null {
  if (!el) return null
  for (const selector of asList(selectors)) {
    try {
      const found = el.closest(selector)
      if (found) return found
    } catch {
      // ignore
    }
  }
  return null
}

const hiddenHere = (node: Element): boolean => {
  if (node.hasAttribute("hidden") || node.getAttribute("aria-hidden") === "true") return true
  const style = node.getAttribute("style")
  return style !== null && /display\s*:\s*none/i.test(style)
}

/**
 * What one detection learnt about ancestors: the DOM does not change while a detector runs, so each element's
 * ancestors are read once per detection, not once per person below them (on a real page, 30 levels deep).
 */
let hiddenMemo: Map<Element, boolean> | undefined

/** Hidden by the app itself: `hidden`, aria-hidden or an inline display:none on the element or an ancestor. */
export function isHidden(el: Element): boolean {
  const memo = hiddenMemo
  const walked: Element[] = []
  let hidden = false
  for (let node: Element | null = el; node; node = node.parentElement) {
    const known = memo?.get(node)
    if (known !== undefined) {
      hidden = known
      break
    }
    walked.push(node)
    if (hiddenHere(node)) {
      hidden = true
      break
    }
  }
  if (memo) for (const node of walked) memo.set(node, hidden)
  return hidden
}

const BREAKING = new Set(["BR", "DIV", "P", "LI", "TR", "TD", "BLOCKQUOTE", "H1", "H2", "H3", "H4", "UL", "OL", "TABLE"])
export const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"])

/** Text as a reader sees it: line breaks and blocks become spaces; stops after `max` characters. */
export function visibleText(el: Element | null | undefined, max = 2000): string {
  if (!el) return ""
  let out = ""
  const walk = (node: Node) => {
    if (out.length > max) return
    if (node.nodeType === 3) out += node.nodeValue ?? ""
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase()
      if (SKIPPED.has(tag)) return
      if (BREAKING.has(tag)) out += " "
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child)
      if (BREAKING.has(tag)) out += " "
    }
  }
  walk(el)
  return cleanText(out)
}

export function textOf(el: Element | null | undefined): string {
  return cleanText(el?.textContent)
}

/** Text of the first element matching any of the selectors, or undefined. */
export function firstText(root: ParentNode | null | undefined, selectors: Selectors): string | undefined {
  for (const el of queryAll(root, selectors)) {
    const text = textOf(el)
    if (text) return text
  }
  return undefined
}

/**
 * The LinkedIn member part of a link: "/in/jane-doe-12ab/" → "jane-doe-12ab". Unlike the API, which
 * also takes a bare slug, a link on the page counts only when it has /in/. Vanity slugs are compared
 * lower-cased; member ids (ACoAA…) keep their case.
 */
export function linkedinSlug(href: string | null | undefined): string | undefined {
  if (!href || !/(?:^|\/)in\//.test(href)) return undefined
  const slug = sharedSlug(href)
  return slug ? linkedinKey(slug) : undefined
}

/** Who is signed in, as far as the page tells. Used only to leave the viewer out. */
export interface Viewer {
  emails: Set<string>
  names: Set<string>
  slugs: Set<string>
}

export const emptyViewer = (): Viewer => ({ emails: new Set(), names: new Set(), slugs: new Set() })

const normName = (name: string) => cleanText(name).toLowerCase()

export function addViewerName(viewer: Viewer, name: string | null | undefined) {
  const n = name ? normName(name) : ""
  if (n) viewer.names.add(n)
}

export function isViewer(person: Person, viewer: Viewer): boolean {
  if (person.email && viewer.emails.has(person.email)) return true
  if (person.linkedin && viewer.slugs.has(person.linkedin)) return true
  // LinkedIn writes the viewer's own links in a conversation with their member id (ACoAA…) while the
  // nav links use the vanity slug, so a member id is compared by name as well.
  if (person.linkedin && isMemberId(person.linkedin) && person.name && viewer.names.has(normName(person.name))) return true
  // Only fall back to the name when the page gave us nothing better to compare with.
  if (person.name && !person.email && !person.linkedin && viewer.names.has(normName(person.name))) return true
  if (person.name && person.email && viewer.emails.size === 0 && viewer.names.has(normName(person.name))) return true
  return false
}

const ROLE_RANK: Record<PersonRole, number> = { profile: 0, counterpart: 0, from: 1, to: 2, cc: 3 }

/**
 * Merges people seen more than once (same email or slug) keeping the strongest role and the first
 * name, removes the viewer, and drops entries with nothing to look up — unless `names` is set (the
 * "name" strategy), which keeps people known only by their display name.
 */
export function finalizePeople(people: Person[], viewer: Viewer, opts: { names?: boolean } = {}): Person[] {
  const out: Person[] = []
  const byKey = new Map<string, Person>()
  for (const raw of people) {
    const person: Person = { ...raw }
    if (person.email) person.email = normalizeEmail(person.email)
    if (!person.email) delete person.email
    if (person.name) person.name = cleanText(person.name) || undefined
    if (!person.name) delete person.name
    if (!person.email && !person.linkedin && !(opts.names && person.name)) continue
    if (isViewer(person, viewer)) continue
    const key = person.email ?? (person.linkedin ? `in:${person.linkedin}` : `name:${normName(person.name!)}`)
    const existing = byKey.get(key)
    if (!existing) {
      byKey.set(key, person)
      out.push(person)
      continue
    }
    if (ROLE_RANK[person.role] < ROLE_RANK[existing.role]) existing.role = person.role
    for (const field of ["name", "company", "headline", "linkedin"] as const) {
      if (!existing[field] && person[field]) existing[field] = person[field]
    }
  }
  return out
}

/** Runs a detector body and turns any exception into an empty context for the site. */
export function safeDetect(site: Site, fallbackView: PageView, body: () => PageContext): PageContext {
  const outer = hiddenMemo
  hiddenMemo = new Map()
  try {
    return body()
  } catch {
    return emptyContext(site, fallbackView)
  } finally {
    hiddenMemo = outer
  }
}

/** Drops undefined optional fields so results compare cleanly with toEqual. */
export function compact(ctx: PageContext): PageContext {
  const out: PageContext = { site: ctx.site, view: ctx.view, people: ctx.people }
  if (ctx.subject) out.subject = ctx.subject
  if (ctx.snippet) out.snippet = ctx.snippet
  if (ctx.strategy) out.strategy = ctx.strategy
  return out
}

/** A stable key: what matters for "did the person on screen change". */
export function contextKey(ctx: PageContext): string {
  const people = ctx.people.map((p) => `${p.role}:${p.email ?? ""}:${p.linkedin ?? ""}${p.email || p.linkedin ? "" : `:${p.name ?? ""}`}`).join(",")
  return [ctx.site, ctx.view, ctx.subject ?? "", people].join("|")
}

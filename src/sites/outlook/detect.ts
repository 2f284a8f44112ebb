// Outlook on the web: the open conversation in the reading pane, or the compose form.
// Outlook removes the reading pane when nothing is selected, so the DOM decides the view;
// the URL (/mail/inbox/id/…, /mail/deeplink/compose, or the same in a demo page's hash) only
// breaks ties, so this works on outlook.office.com and on /demo/outlook#/mail/….
//
// Layered: the reading pane's structure first; when it finds nobody (its containers renamed, a build
// whose personas lost their title), structure-free signals (addresses in titles, aria-labels and
// "Name <address>" header lines, roles from the localised From/To/Cc words), then a bare display name.
import type { PageContext, PageView, Person, PersonRole } from "../../shared/page-context"
import {
  addViewerName,
  cleanText,
  closestAny,
  compact,
  emptyViewer,
  isHidden,
  normalizeEmail,
  queryAll,
  queryFirst,
  safeDetect,
  snippetOf,
  textOf,
  visibleText,
  type Viewer,
} from "../common"
import { inside, matchesAny, roleFromLine, roleFromWords } from "../signals"
import { layered, once, strategyOf, type Answer, type Found } from "../strategies"
import { headerMatchers } from "../words"
import * as S from "./selectors"

// Compiled on first use: a folder list with nothing selected never needs them.
const words = once(() => headerMatchers(S.WORDS))
/** A mail folder's route (/mail/, /mail/inbox, /mail/0/archive); with an open item it goes on (…/id/<id>, ?ItemID=, /deeplink/…). */
const LIST_ROUTE = /\/mail(\/|$)/
const ITEM_ROUTE = /\/id\/|[?&]itemid=|\/deeplink\b|\/compose\b|\/read\b/i
/** A mail folder's route with no item open in it. */
export function isListRoute(url: URL): boolean {
  const route = `${url.pathname}${url.hash}`
  return LIST_ROUTE.test(route) && !ITEM_ROUTE.test(route)
}

function findViewer(doc: Document): Viewer {
  const viewer = emptyViewer()
  for (const el of queryAll(doc, S.VIEWER_EMAIL)) {
    const email = normalizeEmail(el.getAttribute("title")) ?? normalizeEmail(el.getAttribute("aria-label")) ?? normalizeEmail(el.textContent)
    if (email) viewer.emails.add(email)
  }
  for (const el of queryAll(doc, S.VIEWER_BUTTON)) {
    // "Account manager for Riley Park" / "Kontoverwaltung für Riley Park" / "Gestionnaire de comptes pour …"
    const label = cleanText(el.getAttribute("aria-label"))
    const name = label.match(/\s(?:for|für|pour|de|para|per|voor)\s+(.+)$/i)?.[1] ?? (label ? undefined : textOf(el))
    addViewerName(viewer, name?.replace(/\s*\(.*$/, ""))
  }
  return viewer
}

const labelRole = (label: string): PersonRole | undefined => roleFromLine(label, words())

/** The header line a persona sits in decides its role: aria-label "To: …" or a leading "To:" text. */
function roleOf(el: Element, stop: Element, fallback: PersonRole): PersonRole {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    const byLabel = labelRole(node.getAttribute("aria-label") ?? "")
    if (byLabel) return byLabel
    const lead = node.firstElementChild
    const byText = lead && lead !== el && !lead.contains(el) ? labelRole(textOf(lead)) : undefined
    if (byText) return byText
  }
  return fallback
}

function personOf(el: Element, role: PersonRole): Person | undefined {
  const email =
    normalizeEmail(el.getAttribute("title")) ?? normalizeEmail(el.getAttribute("aria-label")) ?? normalizeEmail(el.getAttribute("data-lpc-hover-target-id"))
  if (!email) return undefined
  let name = textOf(el)
    .replace(/<[^>]*>/g, "")
    .replace(/^[^:]{1,12}:\s*/, "")
    .trim()
  if (!name || name.includes("@")) name = cleanText((el.getAttribute("aria-label") ?? "").replace(/^[^:]{1,12}:/, "").split("<")[0])
  return { email, name: name && !name.includes("@") ? name : undefined, role }
}

function readingPane(doc: Document) {
  const pane = queryAll(doc, S.READING_PANE).find((el) => !isHidden(el))
  if (!pane) return undefined
  const people: Person[] = []
  for (const el of queryAll(pane, S.PERSONA)) {
    if (isHidden(el) || closestAny(el, S.BODY) || el.closest("a[href^='mailto:']")) continue
    // Unlabelled personas in the pane are the senders of collapsed messages.
    const p = personOf(el, roleOf(el, pane, "from"))
    if (p) people.push(p)
  }
  const subjectEl = queryFirst(pane, S.SUBJECT)
  const subject = cleanText(subjectEl?.getAttribute("title")) || textOf(subjectEl) || undefined
  const bodies = queryAll(pane, S.BODY).filter((el) => !isHidden(el))
  return { people, subject, snippet: snippetOf(visibleText(bodies[bodies.length - 1])) }
}

function compose(doc: Document) {
  const body = queryAll(doc, S.COMPOSE_BODY).find((el) => !isHidden(el))
  if (!body) return undefined
  const root = closestAny(body, S.COMPOSE_ROOT) ?? body.parentElement ?? body
  const people: Person[] = []
  for (const well of queryAll(root, S.WELL)) {
    if (well === body || well.contains(body)) continue
    const role: PersonRole = words().line.cc.test(`${well.getAttribute("aria-label")}:`) ? "cc" : "to"
    for (const el of queryAll(well, S.PERSONA)) {
      const p = personOf(el, role)
      if (p) people.push(p)
    }
  }
  const subjectInput = queryFirst(root, S.COMPOSE_SUBJECT) as HTMLInputElement | null
  const subject = cleanText(subjectInput?.value ?? subjectInput?.getAttribute("value")) || undefined
  return { people, subject, snippet: snippetOf(visibleText(body)) }
}

// ---- Structure-free signals ----------------------------------------------------------------------

const signalRoot = (doc: Document): Element | null => queryAll(doc, S.SIGNAL_ROOT).find((el) => !isHidden(el)) ?? doc.body ?? doc.documentElement
const isPersonNode = (el: Element) => matchesAny(el, S.SIGNAL_PERSON)
const offConversation = (el: Element) => isHidden(el) || inside(el, S.SIGNAL_BODY) || inside(el, S.SIGNAL_OUTSIDE)
const NAME_AND_ADDRESS = /([^<>;,:]*?)\s*<\s*([^<>\s]+@[^<>\s]+)\s*>/g

/** A labelled header line and the text around it (the address often sits in the next span). */
function headerLines(root: Element) {
  const lines: { el: Element; role: PersonRole; label: string; texts: string[] }[] = []
  for (const el of queryAll(root, S.SIGNAL_LINE)) {
    const label = cleanText(el.getAttribute("aria-label"))
    const role = roleFromLine(label, words())
    if (!role || offConversation(el)) continue
    const own = visibleText(el, 300)
    const texts = [label, own.includes("@") ? own : visibleText(el.parentElement, 300)]
    lines.push({ el, role, label, texts })
  }
  return lines
}

/** Attribute personas anywhere in the app's main region, then "Name <address>" in labelled header lines. */
function readingSignals(doc: Document): Found | undefined {
  const root = signalRoot(doc)
  if (!root) return undefined
  const people: Person[] = []
  for (const line of headerLines(root)) {
    for (const [, rawName, address] of line.texts.flatMap((text) => [...text.matchAll(NAME_AND_ADDRESS)])) {
      const email = normalizeEmail(address)
      const name = cleanText(rawName.replace(/^[^:]{1,20}:\s*/, ""))
      if (email) people.push({ email, name: name || undefined, role: line.role })
    }
  }
  for (const el of queryAll(root, S.SIGNAL_PERSON)) {
    if (offConversation(el)) continue
    const p = personOf(el, roleFromWords(el, root, words(), isPersonNode) ?? "from")
    if (p) people.push(p)
  }
  const heading = queryAll(root, S.SUBJECT).find((el) => !offConversation(el))
  const subject = cleanText(heading?.getAttribute("title")) || textOf(heading) || undefined
  const bodies = queryAll(root, S.SIGNAL_MESSAGE_BODY).filter((el) => !isHidden(el))
  return { people, subject, snippet: snippetOf(visibleText(bodies[bodies.length - 1])) }
}

/** Last resort: header lines that name someone without an address, and collapsed cards that show only the sender's name. */
function readingNames(doc: Document): Found | undefined {
  const root = signalRoot(doc)
  if (!root) return undefined
  const people: Person[] = []
  for (const line of headerLines(root)) {
    if (line.texts.some((text) => text.includes("@"))) continue // someone with an address: the signals strategy's business
    for (const part of line.label.replace(/^[^:]{1,20}:\s*/, "").split(/[;,]/)) {
      const name = cleanText(part)
      if (name) people.push({ name, role: line.role })
    }
  }
  for (const card of queryAll(root, S.NAME_ONLY_CARD)) {
    if (offConversation(card)) continue
    const name = textOf(queryFirst(card, S.CARD_SENDER))
    if (name && name.length <= 80 && !name.includes("@")) people.push({ name, role: "from" })
  }
  return { people }
}

export function detect(document: Document, url: URL): PageContext {
  return safeDetect("outlook", "other", () => {
    // The viewer (to leave them out) is looked for only once somebody was found: never on a list page.
    const viewer = once(() => findViewer(document))
    const route = `${url.pathname}${url.hash}`
    const finish = (view: PageView, found?: Answer, expected = false) =>
      compact({
        site: "outlook",
        view,
        people: found?.people ?? [],
        subject: found?.subject,
        snippet: found?.snippet,
        strategy: strategyOf(found, expected),
      })
    const draft = compose(document)
    if (draft) return finish("compose", layered([["structure", () => draft]], viewer))
    const pane = readingPane(document)
    const paneOnScreen = pane !== undefined && (pane.people.length > 0 || pane.subject !== undefined)
    // A folder with nothing selected: no reading pane, a route without an item, the message list on screen. Outlook
    // puts the open item's id in the route (/mail/inbox/id/…), so the structure-free ladder, which reads every
    // labelled element of the app, is not run over a list of a hundred rows where nobody can be found.
    if (!pane && isListRoute(url) && queryFirst(document, S.MESSAGE_LIST)) return finish("list")
    const thread = layered(
      [
        ["structure", () => (paneOnScreen ? pane : undefined)],
        ["signals", () => readingSignals(document)],
        ["name", () => readingNames(document)],
      ],
      viewer,
    )
    if (thread.strategy || paneOnScreen) return finish("thread", thread, true)
    if (/\/compose\b/.test(route)) return finish("compose")
    if (queryFirst(document, S.MESSAGE_LIST) || /\/mail\b/.test(route)) return finish("list")
    return finish("other")
  })
}

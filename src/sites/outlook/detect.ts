// Outlook on the web: the open conversation in the reading pane, or the compose form.
// Outlook removes the reading pane when nothing is selected, so the DOM decides the view;
// the URL (/mail/inbox/id/…, /mail/deeplink/compose, or the same in a demo page's hash) only
// breaks ties, so this works on outlook.office.com and on /demo/outlook#/mail/….
import type { PageContext, PageView, Person, PersonRole } from "../../shared/page-context"
import {
  addViewerName, cleanText, closestAny, compact, emptyViewer, finalizePeople, isHidden, normalizeEmail, queryAll,
  queryFirst, safeDetect, snippetOf, textOf, visibleText, type Viewer,
} from "../common"
import * as S from "./selectors"

// Header line labels, English, German, French, Spanish, Italian, Dutch, Portuguese, Nordic.
const FROM = /^\s*(from|von|de|da|van|fra|från|od)\s*:/i
const CC = /^\s*(b?cc|cci|ccn|bcc|kopie|copie)\s*:/i
const TO = /^\s*(to|an|à|a|para|aan|til|till|do)\s*:/i

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

const labelRole = (label: string): PersonRole | undefined =>
  FROM.test(label) ? "from" : CC.test(label) ? "cc" : TO.test(label) ? "to" : undefined

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
  const email = normalizeEmail(el.getAttribute("title")) ?? normalizeEmail(el.getAttribute("aria-label")) ?? normalizeEmail(el.getAttribute("data-lpc-hover-target-id"))
  if (!email) return undefined
  let name = textOf(el).replace(/<[^>]*>/g, "").replace(/^[^:]{1,12}:\s*/, "").trim()
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
    const role: PersonRole = CC.test(`${well.getAttribute("aria-label")}:`) ? "cc" : "to"
    for (const el of queryAll(well, S.PERSONA)) {
      const p = personOf(el, role)
      if (p) people.push(p)
    }
  }
  const subjectInput = queryFirst(root, S.COMPOSE_SUBJECT) as HTMLInputElement | null
  const subject = cleanText(subjectInput?.value ?? subjectInput?.getAttribute("value")) || undefined
  return { people, subject, snippet: snippetOf(visibleText(body)) }
}

export function detect(document: Document, url: URL): PageContext {
  return safeDetect("outlook", "other", () => {
    const viewer = findViewer(document)
    const route = `${url.pathname}${url.hash}`
    const finish = (view: PageView, found?: { people: Person[]; subject?: string; snippet?: string }) =>
      compact({ site: "outlook", view, people: found ? finalizePeople(found.people, viewer) : [], subject: found?.subject, snippet: found?.snippet })
    const draft = compose(document)
    if (draft) return finish("compose", draft)
    const pane = readingPane(document)
    if (pane && (pane.people.length > 0 || pane.subject)) return finish("thread", pane)
    if (/\/compose\b/.test(route)) return finish("compose")
    if (queryFirst(document, S.MESSAGE_LIST) || /\/mail\b/.test(route)) return finish("list")
    return finish("other")
  })
}

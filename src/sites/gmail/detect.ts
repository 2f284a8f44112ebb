// Gmail: who is on screen in the open thread, the compose window or the inline reply.
// The view comes from the URL hash first (Gmail keeps hidden copies of earlier views in the DOM),
// so it works the same on mail.google.com/mail/u/0/#inbox/<id> and on /demo/gmail#inbox/<id>.
//
// Layered: the thread and the compose are each read by today's structure first; only when that finds
// nobody do the structure-free signals (email / data-hovercard-id attributes, header words) run, and
// last a sender's bare display name. The context says which strategy answered.
import type { PageContext, PageView, Person, PersonRole } from "../../shared/page-context"
import {
  addViewerName,
  cleanText,
  closestAny,
  compact,
  emptyViewer,
  firstText,
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
import { inside, matchesAny, roleFromLabel, roleFromWords } from "../signals"
import { layered, once, strategyOf, type Answer, type Found } from "../strategies"
import { headerMatchers } from "../words"
import * as S from "./selectors"

/** What Gmail writes instead of the viewer's name in headers ("to me"), by interface language. */
const ME_WORDS = new Set(S.ME)
// Compiled on first use: only a page where the structure-free strategies run needs them.
const words = once(() => headerMatchers(S.WORDS))
const CC_LABEL = /^\s*(b?cc|cci|ccn|bkopie|kopie|copie|kopia)\b/i
const LIST_FOLDERS = new Set([
  "inbox",
  "starred",
  "snoozed",
  "imp",
  "sent",
  "scheduled",
  "drafts",
  "all",
  "spam",
  "trash",
  "label",
  "search",
  "category",
  "advanced-search",
  "chats",
  "outbox",
])

type Hint = { path?: "thread" | "list" | "other"; compose: boolean }

/** "#inbox/FMfcgz…?compose=new" → thread + compose; "#inbox" → list; "#settings/general" → other. */
export function hashHint(url: URL): Hint {
  const [path = "", query = ""] = url.hash.replace(/^#/, "").split("?")
  const compose = /(^|&)compose=/.test(query)
  const segments = path.split("/").filter(Boolean)
  if (segments.length === 0) return { compose }
  const last = segments[segments.length - 1]
  if (segments.length >= 2 && /^[A-Za-z0-9_-]{16,}$/.test(last)) return { path: "thread", compose }
  return { path: LIST_FOLDERS.has(segments[0].toLowerCase()) ? "list" : "other", compose }
}

function findViewer(doc: Document): Viewer {
  const viewer = emptyViewer()
  for (const el of queryAll(doc, S.VIEWER_HINTS)) {
    const email = normalizeEmail(el.getAttribute("data-email")) ?? normalizeEmail(el.getAttribute("aria-label"))
    if (email) viewer.emails.add(email)
    // "Google Account: Riley Park (riley.park@…)" / "Google-Konto: Riley Park (…)"
    const label = cleanText(el.getAttribute("aria-label"))
    const name = label.match(/:\s*([^(]+?)\s*\(/)?.[1]
    addViewerName(viewer, name)
  }
  // The tab title carries the signed-in address: "Inbox (3) - riley@example.com - Gmail".
  const fromTitle = normalizeEmail(doc.title)
  if (fromTitle) viewer.emails.add(fromTitle)
  return viewer
}

const inBody = (el: Element) => closestAny(el, S.BODY) !== null

function personFromSpan(el: Element, role: PersonRole, viewer: () => Viewer): Person | undefined {
  const email = normalizeEmail(el.getAttribute("email")) ?? normalizeEmail(el.getAttribute("data-hovercard-id"))
  if (!email) return undefined
  const name = cleanText(el.getAttribute("name") ?? el.getAttribute("data-name")) || textOf(el)
  if (ME_WORDS.has(name.toLowerCase())) {
    viewer().emails.add(email) // Gmail says "me" only for the signed-in user
    return undefined
  }
  return { email, name: name && normalizeEmail(name) !== email ? name : undefined, role }
}

function detailsRole(el: Element): PersonRole | undefined {
  const row = closestAny(el, S.DETAILS_ROW)
  if (!row) return undefined
  const label = firstText(row, S.DETAILS_LABEL) ?? ""
  return CC_LABEL.test(label) ? "cc" : "to"
}

function threadContext(doc: Document, viewer: () => Viewer, heading: Element | undefined) {
  // The thread container: the nearest ancestor of the heading that also holds the messages.
  let root: Element | null = heading ?? queryFirst(doc, S.MAIN)
  while (root && root.parentElement && !queryFirst(root, S.MESSAGE)) root = root.parentElement
  const visible = (el: Element) => !isHidden(el) && !inBody(el)
  const people: Person[] = []
  for (const el of queryAll(root, S.SENDER).filter(visible)) {
    const p = personFromSpan(el, "from", viewer)
    if (p) people.push(p)
  }
  const recipients = queryAll(root, S.RECIPIENT).filter(visible)
  const labelled = new Map<string, PersonRole>()
  for (const el of recipients) {
    const role = detailsRole(el)
    const email = normalizeEmail(el.getAttribute("email") ?? el.getAttribute("data-hovercard-id"))
    if (role && email && !labelled.has(email)) labelled.set(email, role)
  }
  for (const el of recipients) {
    const email = normalizeEmail(el.getAttribute("email") ?? el.getAttribute("data-hovercard-id"))
    const p = personFromSpan(el, (email && labelled.get(email)) || "to", viewer)
    if (p) people.push(p)
  }
  const bodies = queryAll(root, S.BODY).filter((el) => !isHidden(el))
  return {
    subject: heading ? textOf(heading) || undefined : undefined,
    snippet: snippetOf(visibleText(bodies[bodies.length - 1])),
    people,
  }
}

/** The role of a compose chip: the field (To / Cc / Bcc) whose marker is nearest to it. */
function fieldRole(chip: Element, root: Element): PersonRole {
  for (let el: Element | null = chip; el && el !== root.parentElement; el = el.parentElement) {
    const marker = queryFirst(el, S.FIELD_MARKER)
    if (!marker) continue
    const label = `${marker.getAttribute("name") ?? ""} ${marker.getAttribute("aria-label") ?? ""}`
    return /(^|[\s-])(b?cc|cci|ccn|kopie|copie)(\b|$)/i.test(label) ? "cc" : "to"
  }
  return "to"
}

function parseFieldValue(value: string, role: PersonRole): Person[] {
  return value.split(/,(?![^<]*>)/).flatMap((part) => {
    const email = normalizeEmail(part)
    if (!email) return []
    const name = cleanText(part.split("<")[0].replace(/["']/g, ""))
    return [{ email, name: name && !name.includes("@") ? name : undefined, role }]
  })
}

function composeContext(doc: Document, viewer: () => Viewer) {
  const roots = queryAll(doc, S.COMPOSE_BODY)
    .filter((body) => !isHidden(body))
    .map((body) => ({ body, root: closestAny(body, S.COMPOSE_ROOT) ?? body.parentElement ?? body }))
  if (roots.length === 0) return undefined
  const active = doc.activeElement
  const { body, root } = roots.find((r) => active && r.root.contains(active)) ?? roots[roots.length - 1]
  const people: Person[] = []
  for (const chip of queryAll(root, S.CHIP)) {
    const email = normalizeEmail(chip.getAttribute("data-hovercard-id"))
    if (email) people.push({ email, name: cleanText(chip.getAttribute("data-name")) || undefined, role: fieldRole(chip, root) })
  }
  for (const chip of queryAll(root, S.LEGACY_CHIP)) {
    const p = personFromSpan(chip, fieldRole(chip, root), viewer)
    if (p) people.push(p)
  }
  for (const input of queryAll(root, S.FIELD_INPUT)) {
    const role: PersonRole = input.getAttribute("name") === "to" ? "to" : "cc"
    people.push(...parseFieldValue((input as HTMLInputElement).value ?? input.getAttribute("value") ?? "", role))
  }
  const subjectInput = queryFirst(root, S.COMPOSE_SUBJECT) as HTMLInputElement | null
  const subject = cleanText(subjectInput?.value ?? subjectInput?.getAttribute("value")) || undefined
  return { people, subject, snippet: snippetOf(visibleText(body)) }
}

// ---- Structure-free signals ----------------------------------------------------------------------

const signalRoot = (doc: Document): Element | null => queryAll(doc, S.SIGNAL_ROOT).find((el) => !isHidden(el)) ?? doc.body ?? doc.documentElement
const isPersonNode = (el: Element) => matchesAny(el, S.SIGNAL_PERSON)
const offConversation = (el: Element) => isHidden(el) || inside(el, S.SIGNAL_BODY) || inside(el, S.SIGNAL_OUTSIDE)

/** Anyone with an address attribute in the main pane, outside bodies; roles from the header words, else sender. */
function threadSignals(doc: Document, viewer: () => Viewer): Found | undefined {
  const root = signalRoot(doc)
  if (!root) return undefined
  const people: Person[] = []
  for (const el of queryAll(root, S.SIGNAL_PERSON)) {
    if (offConversation(el)) continue
    const p = personFromSpan(el, roleFromWords(el, root, words(), isPersonNode) ?? "from", viewer)
    if (p) people.push(p)
  }
  const heading = queryAll(root, S.SIGNAL_SUBJECT).find((el) => !offConversation(el))
  return { people, subject: heading ? textOf(heading) || undefined : undefined }
}

/** Last resort: sender spans that carry a display name and no address. */
function threadNames(doc: Document): Found | undefined {
  const root = signalRoot(doc)
  const people: Person[] = []
  for (const el of queryAll(root, S.NAME_ONLY)) {
    if (offConversation(el)) continue
    const name = cleanText(el.getAttribute("name")) || textOf(el)
    if (!name || ME_WORDS.has(name.toLowerCase()) || normalizeEmail(name)) continue
    people.push({ name, role: roleFromWords(el, root, words(), isPersonNode) ?? "from" })
  }
  return { people }
}

/** To / Cc of a recipients field: the hidden input's name, else the first word of its aria-label ("To recipients", "An-Empfänger"). */
function signalFieldRole(input: Element): PersonRole | undefined {
  const name = input.getAttribute("name")
  if (name === "to") return "to"
  if (name === "cc" || name === "bcc") return "cc"
  return roleFromLabel(cleanText(input.getAttribute("aria-label")).split(/[\s-]/)[0], words())
}

/** The widest ancestor of a field's input that holds no other field (the To row with its chips, not the Cc row). */
function fieldOf(input: Element, role: PersonRole): Element {
  let field: Element = input.parentElement ?? input
  for (let i = 0; i < 6 && field.parentElement; i++) {
    const up: Element = field.parentElement
    if (queryAll(up, S.SIGNAL_FIELD).some((other) => signalFieldRole(other) !== role)) break
    field = up
  }
  return field
}

/** A compose found by its recipient fields alone, when no compose body selector matches (older compose windows, a row alone). */
function composeSignals(doc: Document, viewer: () => Viewer): Found | undefined {
  const people: Person[] = []
  let form: Element | null = null
  for (const input of queryAll(doc, S.SIGNAL_FIELD)) {
    // The search box first (an ancestor test), then a closed compose (reads inline styles up the tree).
    if (inside(input, S.SIGNAL_OUTSIDE) || isHidden(input.parentElement ?? input)) continue
    const role = signalFieldRole(input)
    if (!role) continue
    people.push(...parseFieldValue((input as HTMLInputElement).value ?? input.getAttribute("value") ?? "", role))
    for (const chip of queryAll(fieldOf(input, role), S.SIGNAL_PERSON)) {
      const p = isHidden(chip) ? undefined : personFromSpan(chip, role, viewer)
      if (p) people.push(p)
    }
    form ??= input.closest("form")
  }
  if (people.length === 0) return undefined
  const subjectInput = queryFirst(form, S.COMPOSE_SUBJECT) as HTMLInputElement | null
  return { people, subject: cleanText(subjectInput?.value ?? subjectInput?.getAttribute("value")) || undefined }
}

export function detect(document: Document, url: URL): PageContext {
  return safeDetect("gmail", "other", () => {
    // The viewer (to leave them out) is looked for only once somebody was found: never on a list page.
    const viewer = once(() => findViewer(document))
    const hint = hashHint(url)
    const finish = (view: PageView, found?: Answer, expected = false, subject?: string) =>
      compact({
        site: "gmail",
        view,
        people: found?.people ?? [],
        subject: found?.subject ?? subject,
        snippet: found?.snippet,
        strategy: strategyOf(found, expected),
      })
    // The heading is looked for only where it decides something: a hash-less page, or the subject of an inline reply.
    const heading = once(() => queryAll(document, S.THREAD_SUBJECT).find((el) => !isHidden(el)))
    const threadOpen = hint.path === "thread" || (hint.path === undefined && heading() !== undefined)
    const compose = layered(
      [
        ["structure", () => composeContext(document, viewer)],
        ["signals", () => composeSignals(document, viewer)],
      ],
      viewer,
    )
    if (compose.present && (compose.people.length > 0 || hint.compose || !threadOpen)) {
      // An inline reply has no subject box of its own: it answers the thread on screen.
      const threadHeading = heading()
      return finish("compose", compose, false, threadHeading ? textOf(threadHeading) : undefined)
    }
    // A hash-less page (a saved message, a fragment) may still show a message header: look, unless it is a list.
    const maybeThread = threadOpen || (hint.path === undefined && !queryFirst(document, S.LIST_ROW))
    if (maybeThread) {
      const thread = layered(
        [
          ["structure", () => (threadOpen ? threadContext(document, viewer, heading()) : undefined)],
          ["signals", () => threadSignals(document, viewer)],
          ["name", () => threadNames(document)],
        ],
        viewer,
      )
      if (threadOpen || thread.strategy) return finish("thread", thread, true)
    }
    if (hint.path === "list" || (hint.path === undefined && queryFirst(document, S.LIST_ROW))) return finish("list")
    return finish("other")
  })
}

// LinkedIn: the member whose profile is open (/in/<slug>) or the other person of the open
// conversation (/messaging/thread/…). The URL decides the view; the regexes match anywhere in the
// path, so they work on www.linkedin.com and on the demo's /demo/linkedin/in/<slug>.
//
// A messaging overlay bubble can be open over any page (the feed, a profile): its other member is
// detected too, layered like the rest — the bubble header's structure, then the conversation's /in/
// links (vanity slugs or member ids ACoAA…, in any interface language), then the header's bare name.
import type { PageContext, PageView, Person } from "../../shared/page-context"
import {
  addViewerName,
  cleanText,
  closestAny,
  compact,
  emptyViewer,
  firstText,
  isHidden,
  isViewer,
  linkedinSlug,
  queryAll,
  queryFirst,
  safeDetect,
  snippetOf,
  textOf,
  type Selectors,
  type Viewer,
} from "../common"
import { layered, once, strategyOf, type Answer, type Found } from "../strategies"
import * as S from "./selectors"

function findViewer(doc: Document): Viewer {
  const viewer = emptyViewer()
  for (const a of queryAll(doc, S.VIEWER_LINK)) {
    const slug = linkedinSlug(a.getAttribute("href"))
    if (slug) viewer.slugs.add(slug)
  }
  for (const el of queryAll(doc, S.VIEWER_NAME)) addViewerName(viewer, el.getAttribute("alt") || textOf(el))
  return viewer
}

export function viewFromPath(path: string): PageView {
  if (/(^|\/)in\/[^/]+/.test(path)) return "profile"
  if (/(^|\/)messaging(\/|$)/.test(path)) return "messaging"
  return "other" // feed, my network, jobs, search…: nobody in particular on screen
}

/** "Current company: Brightlane Finance. Click to skip to experience card" → "Brightlane Finance". */
const companyFromLabel = (label: string | null) => cleanText(label?.replace(/^[^:]*:\s*/, "").replace(/\.\s.*$/, "")) || undefined

function profile(doc: Document, url: URL, viewerOf: () => Viewer) {
  const slug = linkedinSlug(url.pathname)
  const card = queryFirst(doc, S.TOP_CARD)
  const name = firstText(card, S.PROFILE_NAME)
  const headline = firstText(card, S.PROFILE_HEADLINE)
  const company =
    companyFromLabel(queryFirst(card, S.CURRENT_COMPANY_BUTTON)?.getAttribute("aria-label") ?? null) ??
    firstText(card, S.TOP_CARD_COMPANY) ??
    firstText(doc, S.EXPERIENCE_COMPANY)?.split(" · ")[0]
  const people: Person[] = []
  if (slug) people.push({ linkedin: slug, name, headline, company, role: "profile" })
  // The viewer's own profile: finalizePeople drops it by slug; when the nav gave no slug, by name.
  const viewer = viewerOf()
  if (viewer.slugs.size === 0 && name && isViewer({ name, role: "profile" }, viewer)) people.length = 0
  return { people, snippet: snippetOf(firstText(doc, S.ABOUT) ?? headline) }
}

function messaging(doc: Document): Found {
  const title = queryFirst(doc, S.THREAD_TITLE)
  const messages = queryAll(doc, S.THREAD_MESSAGES)
    .slice(-4)
    .map((el) => textOf(el))
  const snippet = snippetOf(messages.join(" "))
  if (!title) return { people: [], snippet }
  const name = firstText(title, S.THREAD_NAME)
  const headline = firstText(title, S.THREAD_HEADLINE)
  const people: Person[] = []
  for (const a of queryAll(title, S.THREAD_PROFILE_LINK)) {
    const slug = linkedinSlug(a.getAttribute("href"))
    if (slug) people.push({ linkedin: slug, name: name ?? textOf(a), headline, role: "counterpart" })
  }
  return { people, snippet }
}

/** Structure-free: every member linked in the conversation outside the messages themselves. */
function conversationLinks(scope: Element | null): Found | undefined {
  if (!scope) return undefined
  const people: Person[] = []
  for (const a of queryAll(scope, S.SIGNAL_LINK)) {
    if (isHidden(a) || closestAny(a, S.SIGNAL_BODY)) continue
    const slug = linkedinSlug(a.getAttribute("href"))
    if (!slug) continue
    const own = firstText(a, S.SIGNAL_LINK_NAME) ?? textOf(a)
    const name = (own && own.length <= 80 ? own : undefined) ?? (cleanText(a.querySelector("img[alt]")?.getAttribute("alt")) || undefined)
    people.push({ linkedin: slug, name, role: "counterpart" })
  }
  return { people }
}

/** Last resort: the name in a conversation's header when it links nowhere. */
function headerName(header: Element | null, names: Selectors): Found | undefined {
  const name = firstText(header, names)
  return name && name.length <= 80 ? { people: [{ name, role: "counterpart" }] } : undefined
}

/** The conversation bubble open over the page, if any. */
const openBubble = (doc: Document): Element | undefined => queryAll(doc, S.CONVERSATION_BUBBLE).find((el) => !isHidden(el))

/** Who the open bubble talks with, layered. */
function overlay(bubble: Element, viewer: () => Viewer): Answer {
  const header = queryFirst(bubble, S.BUBBLE_HEADER)
  const messages = queryAll(bubble, S.THREAD_MESSAGES)
    .slice(-4)
    .map((el) => textOf(el))
  const structure = (): Found => {
    const name = firstText(header, S.BUBBLE_NAME)
    const people: Person[] = []
    for (const a of queryAll(header, S.BUBBLE_PROFILE_LINK)) {
      const slug = linkedinSlug(a.getAttribute("href"))
      if (slug) people.push({ linkedin: slug, name: name ?? textOf(a), role: "counterpart" })
    }
    return { people, snippet: snippetOf(messages.join(" ")) }
  }
  return layered(
    [
      ["structure", structure],
      ["signals", () => conversationLinks(bubble)],
      ["name", () => headerName(header, S.BUBBLE_NAME)],
    ],
    viewer,
  )
}

export function detect(document: Document, url: URL): PageContext {
  return safeDetect("linkedin", "other", () => {
    const path = viewFromPath(url.pathname)
    const open = path === "messaging" ? undefined : openBubble(document)
    // The feed, search, jobs…: with no conversation bubble open nobody is on screen, and nothing more is read
    // (this is most pages of the site; their budget is a few milliseconds on 600 KB of markup).
    if (path === "other" && !open) return { site: "linkedin", view: "other", people: [] }
    // The viewer (to leave them out) is looked for only once some strategy found somebody.
    const viewer = once(() => findViewer(document))
    const main: Answer | undefined =
      path === "profile"
        ? layered([["structure", () => profile(document, url, viewer)]], viewer)
        : path === "messaging"
          ? layered(
              [
                ["structure", () => messaging(document)],
                ["signals", () => conversationLinks(queryFirst(document, S.SIGNAL_CONVERSATION))],
                ["name", () => headerName(queryFirst(document, S.THREAD_TITLE), S.THREAD_NAME)],
              ],
              viewer,
            )
          : undefined
    const bubble = open ? overlay(open, viewer) : undefined
    // The page's own person first (a profile), then whoever the open bubble talks with.
    const answer = main?.strategy ? main : bubble?.strategy ? bubble : (main ?? bubble)
    const people = [...(main?.people ?? [])]
    for (const p of bubble?.people ?? []) {
      if (!people.some((q) => (q.linkedin ?? q.name) === (p.linkedin ?? p.name))) people.push(p)
    }
    for (const p of people) for (const k of ["name", "headline", "company"] as const) if (!p[k]) delete p[k]
    const view: PageView = path === "other" && bubble?.present ? "messaging" : path
    return compact({
      site: "linkedin",
      view,
      people,
      snippet: main?.snippet ?? bubble?.snippet,
      strategy: strategyOf(answer, view !== "other"),
    })
  })
}

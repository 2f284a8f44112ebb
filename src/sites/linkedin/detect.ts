// LinkedIn: the member whose profile is open (/in/<slug>) or the other person of the open
// conversation (/messaging/thread/…). The URL decides the view; the regexes match anywhere in the
// path, so they work on www.linkedin.com and on the demo's /demo/linkedin/in/<slug>.
import type { PageContext, PageView, Person } from "../../shared/page-context"
import {
  addViewerName, cleanText, compact, emptyViewer, finalizePeople, firstText, isViewer, linkedinSlug, queryAll,
  queryFirst, safeDetect, snippetOf, textOf, type Viewer,
} from "../common"
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

function profile(doc: Document, url: URL, viewer: Viewer) {
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
  if (viewer.slugs.size === 0 && name && isViewer({ name, role: "profile" }, viewer)) people.length = 0
  return { people, snippet: snippetOf(firstText(doc, S.ABOUT) ?? headline) }
}

function messaging(doc: Document) {
  const title = queryFirst(doc, S.THREAD_TITLE)
  if (!title) return { people: [] }
  const name = firstText(title, S.THREAD_NAME)
  const headline = firstText(title, S.THREAD_HEADLINE)
  const people: Person[] = []
  for (const a of queryAll(title, S.THREAD_PROFILE_LINK)) {
    const slug = linkedinSlug(a.getAttribute("href"))
    if (slug) people.push({ linkedin: slug, name: name ?? textOf(a), headline, role: "counterpart" })
  }
  const messages = queryAll(doc, S.THREAD_MESSAGES).slice(-4).map((el) => textOf(el))
  return { people, snippet: snippetOf(messages.join(" ")) }
}

export function detect(document: Document, url: URL): PageContext {
  return safeDetect("linkedin", "other", () => {
    const viewer = findViewer(document)
    const view = viewFromPath(url.pathname)
    const found = view === "profile" ? profile(document, url, viewer) : view === "messaging" ? messaging(document) : undefined
    const people = found ? finalizePeople(found.people, viewer) : []
    for (const p of people) for (const k of ["name", "headline", "company"] as const) if (!p[k]) delete p[k]
    return compact({ site: "linkedin", view, people, snippet: found?.snippet })
  })
}

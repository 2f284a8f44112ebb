// One watcher for all sites: follows single-page navigation without patching history (the URL is
// compared on every observer callback, plus popstate/hashchange), observes only the site's
// narrowest stable containers with ONE MutationObserver, skips mutations of our own UI, debounces,
// and reports a new PageContext only when who/what is on screen actually changed.
import type { PageContext } from "../shared/page-context"
import { SIDEBAR_FRAME_ID } from "../shared/sidebar-protocol"
import { asList, contextKey, queryFirst, type Selectors } from "./common"

export interface WatchOptions {
  /** The document to watch; defaults to the global document. */
  root?: Document
  /** Extra nodes to ignore (besides Relay's own sidebar frame). */
  ignore?: (node: Node) => boolean
  /** Quiet period before re-detecting; default 150 ms. */
  debounceMs?: number
  /** Longest a steady stream of mutations may postpone detection; default 1000 ms. */
  maxWaitMs?: number
}

export interface SiteWatchConfig {
  detect: (document: Document, url: URL) => PageContext
  /** Each entry is one container to observe (first matching selector wins); none found → body. */
  containers: readonly Selectors[]
  /**
   * A view where nobody can come on screen until the URL changes, except inside a few containers (Gmail's list and
   * its compose dock, LinkedIn's feed and its messaging overlay): what to watch there, and what the detector answers
   * while none of them holds what it reads people from. Undefined for any other view.
   */
  quiet?: (url: URL) => QuietView | undefined
}

export interface QuietView {
  /** The only containers where someone can appear on this view (first matching selector of each). */
  containers: readonly Selectors[]
  /** What the detector starts from in them (a compose body, a recipients field, an open conversation bubble). */
  holds: () => Selectors
  /** Parts of them whose changes never bring anyone on screen (Outlook's message list, its folders), each entry one part (first matching selector wins): neither watched nor read. */
  skip?: () => readonly Selectors[]
  /** What must be in them for the view to be quiet at all (Outlook's message list); else the view is watched whole. */
  needs?: () => Selectors
  /** The detector's answer for this URL while none of the containers holds any of that. */
  nobody: PageContext
}

/** The Navigation API (Chrome 102+): tells of every URL change, pushState's included, without patching history. */
type Navigation = EventTarget

/** `el` or something in it matches one of the selectors. */
function holding(el: Element, selectors: Selectors): boolean {
  if (queryFirst(el, selectors)) return true
  return asList(selectors).some((s) => {
    try {
      return el.matches(s)
    } catch {
      return false
    }
  })
}

/** Relay's own element on the page: the sidebar's iframe (src/sidebar/frame.ts). */
const isRelayFrame = (n: Node) => n.nodeType === 1 && (n as Element).id === SIDEBAR_FRAME_ID
// Attributes the detectors read; other attribute churn (classes, tabindex, timers) is ignored.
const WATCHED_ATTRIBUTES = ["email", "data-hovercard-id", "data-name", "title", "aria-label", "href", "value", "style", "hidden"]

export function watchPage(site: SiteWatchConfig, onChange: (ctx: PageContext) => void, opts: WatchOptions = {}): () => void {
  const doc = opts.root ?? document
  const win = doc.defaultView
  const debounceMs = opts.debounceMs ?? 150
  const maxWaitMs = opts.maxWaitMs ?? 1000
  let href = win?.location.href ?? doc.URL
  let lastKey: string | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let firstPending = 0
  let lastChange = 0
  let targets: Element[] = []
  let stopped = false
  // Quiet views need to hear of pushState, which fires no event; the Navigation API tells of it. Without that API
  // every view is watched whole (the observer compares the URL on each of its callbacks).
  const navigation = (win as unknown as { navigation?: Navigation } | null)?.navigation
  const quietOf = (url: URL) => (navigation ? site.quiet?.(url) : undefined)
  let quiet: QuietView | undefined

  const isOwn = (node: Node | null): boolean => {
    for (let n: Node | null = node; n; n = n.parentNode) {
      if (isRelayFrame(n)) return true
      if (opts.ignore?.(n)) return true
    }
    return false
  }
  const foreign = (n: Node) => !isRelayFrame(n) && !opts.ignore?.(n)
  const relevant = (record: MutationRecord): boolean => {
    // A quiet view's container's parent is watched for the container being replaced only (not for the page's menus and cards).
    if (quiet && !targets.some((t) => t.contains(record.target))) {
      for (let i = 0; i < record.removedNodes.length; i++) if (targets.includes(record.removedNodes[i] as Element)) return true
      return false
    }
    if (isOwn(record.target)) return false
    if (record.type !== "childList") return true
    const { addedNodes, removedNodes } = record
    if (addedNodes.length === 0 && removedNodes.length === 0) return true
    // A removed node is detached, so check the node itself, not its (now missing) ancestors.
    for (let i = 0; i < addedNodes.length; i++) if (foreign(addedNodes[i]!)) return true
    for (let i = 0; i < removedNodes.length; i++) if (foreign(removedNodes[i]!)) return true
    return false
  }

  const find = (containers: readonly Selectors[]): Element[] => {
    const found = containers.map((sel) => queryFirst(doc, sel)).filter((el): el is Element => el !== null)
    const outer = found.filter((el, i) => !found.some((other, j) => j !== i && other !== el && other.contains(el)))
    return [...new Set(outer)]
  }
  const resolveTargets = (): Element[] => {
    const unique = find(site.containers)
    return unique.length ? unique : [doc.body ?? doc.documentElement].filter(Boolean)
  }
  const observer = new (win?.MutationObserver ?? MutationObserver)((records) => {
    if (stopped) return
    const urlChanged = (win?.location.href ?? doc.URL) !== href
    if (urlChanged) navigated()
    // While a detection is already due, a busy page's next batches only push it back: no need to read them.
    else if (timer) lastChange = Date.now()
    else if (records.some(relevant)) schedule()
  })
  const whole: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES }
  /** Everything in `el` but the skipped parts: the elements on the way down to them are watched for their own children only. */
  const observeAllBut = (el: Element, skipped: Element[]) => {
    if (skipped.includes(el)) return
    if (!skipped.some((s) => el.contains(s))) {
      regions.push(el)
      return observer.observe(el, whole)
    }
    observer.observe(el, { childList: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES })
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) observeAllBut(child, skipped)
  }
  let skipped: Element[] = []
  /** What is watched whole: the containers, or with parts skipped, the elements beside those parts. */
  let regions: Element[] = []
  const connect = (next: Element[], skip: Element[] = []) => {
    const same = (a: Element[], b: Element[]) => a.length === b.length && a.every((el, i) => el === b[i] && el.isConnected)
    if (same(next, targets) && same(skip, skipped)) return
    observer.disconnect()
    targets = next
    skipped = skip
    regions = []
    for (const target of targets) {
      observeAllBut(target, skipped)
      // The parent's direct children only: notices when the app replaces the container itself.
      const parent = target.parentElement
      if (parent && !targets.some((t) => t.contains(parent))) observer.observe(parent, { childList: true })
    }
  }

  const run = () => {
    timer = undefined
    // The page kept changing: wait for the quiet period after its last change, never longer than maxWaitMs in all.
    const now = Date.now()
    if (firstPending && now - lastChange < debounceMs && now - firstPending < maxWaitMs) {
      timer = setTimeout(run, Math.min(debounceMs - (now - lastChange), maxWaitMs - (now - firstPending)))
      return
    }
    firstPending = 0
    detectNow()
  }
  function detectNow() {
    if (stopped) return
    href = win?.location.href ?? doc.URL
    let ctx: PageContext
    try {
      const url = new URL(href)
      // A quiet view is watched in its few containers only (found on the page, or the whole view is watched), and the
      // detector runs only once one of them holds what it reads people from.
      quiet = quietOf(url)
      const few = quiet ? find(quiet.containers) : []
      const needs = quiet?.needs?.()
      if (quiet && (few.length === 0 || (needs && !few.some((el) => queryFirst(el, needs))))) quiet = undefined
      const skip = quiet?.skip?.()
      // Containers come and go as the app swaps views.
      connect(quiet ? few : resolveTargets(), skip ? few.flatMap((el) => skip.map((sel) => queryFirst(el, sel)).filter((s): s is Element => s !== null)) : [])
      const holds = quiet?.holds()
      ctx = quiet && !regions.some((el) => holding(el, holds!)) ? quiet.nobody : site.detect(doc, url)
    } catch {
      return
    }
    const key = contextKey(ctx)
    if (key === lastKey) return
    lastKey = key
    onChange(ctx)
  }
  // One timer per quiet period: later changes only move lastChange, and run() waits on if it has to.
  function schedule() {
    const now = Date.now()
    lastChange = now
    if (!firstPending) firstPending = now
    if (timer) return
    timer = setTimeout(run, debounceMs)
  }

  // A new URL is the moment the rep opened something: look at once (after the app's own handlers
  // ran), then again when the DOM has settled, since apps often fill the view in later.
  function navigated() {
    setTimeout(detectNow, 0)
    schedule()
  }
  const onNavigate = () => navigated()
  win?.addEventListener("popstate", onNavigate)
  win?.addEventListener("hashchange", onNavigate)
  // A new URL by pushState: on a quiet view the observer may not see the app swap the view, so the URL says it did.
  const onEntry = () => {
    if ((win?.location.href ?? doc.URL) !== href) navigated()
  }
  navigation?.addEventListener("currententrychange", onEntry)
  run()

  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
    observer.disconnect()
    win?.removeEventListener("popstate", onNavigate)
    win?.removeEventListener("hashchange", onNavigate)
    navigation?.removeEventListener("currententrychange", onEntry)
  }
}

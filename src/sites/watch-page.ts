// One watcher for all sites: follows single-page navigation without patching history (the URL is
// compared on every observer callback, plus popstate/hashchange), observes only the site's
// narrowest stable containers with ONE MutationObserver, skips mutations of our own UI, debounces,
// and reports a new PageContext only when who/what is on screen actually changed.
import type { PageContext } from "../shared/page-context"
import { SIDEBAR_FRAME_ID } from "../shared/sidebar-protocol"
import { contextKey, queryFirst, type Selectors } from "./common"

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

  const isOwn = (node: Node | null): boolean => {
    for (let n: Node | null = node; n; n = n.parentNode) {
      if (isRelayFrame(n)) return true
      if (opts.ignore?.(n)) return true
    }
    return false
  }
  const foreign = (n: Node) => !isRelayFrame(n) && !opts.ignore?.(n)
  const relevant = (record: MutationRecord): boolean => {
    if (isOwn(record.target)) return false
    if (record.type !== "childList") return true
    const { addedNodes, removedNodes } = record
    if (addedNodes.length === 0 && removedNodes.length === 0) return true
    // A removed node is detached, so check the node itself, not its (now missing) ancestors.
    for (let i = 0; i < addedNodes.length; i++) if (foreign(addedNodes[i]!)) return true
    for (let i = 0; i < removedNodes.length; i++) if (foreign(removedNodes[i]!)) return true
    return false
  }

  const resolveTargets = (): Element[] => {
    const found = site.containers.map((sel) => queryFirst(doc, sel)).filter((el): el is Element => el !== null)
    const outer = found.filter((el, i) => !found.some((other, j) => j !== i && other !== el && other.contains(el)))
    const unique = [...new Set(outer)]
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
  const connect = () => {
    const next = resolveTargets()
    if (next.length === targets.length && next.every((el, i) => el === targets[i] && el.isConnected)) return
    observer.disconnect()
    targets = next
    for (const target of targets) {
      observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES })
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
    connect() // containers come and go as the app swaps views
    let ctx: PageContext
    try {
      ctx = site.detect(doc, new URL(href))
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
  run()

  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
    observer.disconnect()
    win?.removeEventListener("popstate", onNavigate)
    win?.removeEventListener("hashchange", onNavigate)
  }
}

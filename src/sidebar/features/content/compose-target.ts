// Where "Insert" would put a link: the open compose body on the host page, re-checked when the page
// context changes (a compose opened or closed) and when the rep's caret moves into a compose body.
// One caret tracker per page, started when this module loads so a caret placed before the Content
// tab was opened is still known.
import { useSyncExternalStore } from "react"
import type { Site } from "../../../shared/page-context"
import { findComposeBody, trackComposeCaret, type CaretTracker } from "../../../sites/compose"
import { usePageContext } from "../../channel"

let tracker: { site: Site; doc: Document; t: CaretTracker } | null = null

export function caretTracker(site: Site, doc: Document = document): CaretTracker {
  if (!tracker || tracker.site !== site || tracker.doc !== doc) {
    tracker?.t.stop()
    tracker = { site, doc, t: trackComposeCaret(site, doc) }
  }
  return tracker.t
}

export interface ComposeTarget {
  body: HTMLElement | null
  /** The remembered caret, read at the moment of inserting. */
  range: () => Range | null
}

export function useComposeTarget(): ComposeTarget {
  const { site } = usePageContext()
  const t = caretTracker(site)
  // Re-render when the caret moves into a compose body; the page context re-renders us on its own.
  useSyncExternalStore(t.subscribe, () => t.range())
  const body = findComposeBody(site, document, t.range()?.startContainer)
  return { body, range: () => t.range() }
}

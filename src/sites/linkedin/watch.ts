// LinkedIn watcher: the application outlet survives client-side navigation between profiles and messaging; on the
// feed, search, jobs… the messaging overlay only.
import type { PageContext } from "../../shared/page-context"
import { watchPage, type QuietView, type WatchOptions } from "../watch-page"
import { detect, viewFromPath } from "./detect"
import * as S from "./selectors"

/**
 * The feed, search, jobs…: nobody on screen until the URL changes (a profile, messaging) or a conversation bubble
 * opens in the messaging overlay: there the overlay alone is watched, and the detector runs once a bubble is open.
 */
export function quiet(url: URL): QuietView | undefined {
  if (viewFromPath(url.pathname) !== "other") return undefined
  return {
    containers: [S.MESSAGING_OVERLAY],
    // Read at each look: a signed overlay may have added to the list.
    holds: () => S.CONVERSATION_BUBBLE,
    nobody: { site: "linkedin", view: "other", people: [] },
  }
}

export function watch(onChange: (ctx: PageContext) => void, opts?: WatchOptions): () => void {
  return watchPage({ detect, containers: [S.MAIN, S.MESSAGING_OVERLAY], quiet }, onChange, opts)
}

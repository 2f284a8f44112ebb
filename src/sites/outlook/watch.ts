// Outlook watcher: the main module holds the list, the reading pane and inline compose.
import type { PageContext } from "../../shared/page-context"
import { watchPage, type QuietView, type WatchOptions } from "../watch-page"
import { detect, isListRoute } from "./detect"
import * as S from "./selectors"

/**
 * A folder with nothing selected (/mail/inbox, no item in the route) and its message list on screen: nobody until
 * the URL changes or a reading pane or a compose opens; the detector runs only once one of those is in the main module.
 */
export function quiet(url: URL): QuietView | undefined {
  if (!isListRoute(url)) return undefined
  return {
    containers: [S.MAIN],
    // Read at each look: a signed overlay may have added to these lists.
    holds: () => [...S.COMPOSE_BODY, ...S.READING_PANE],
    // The rows and folders change all the time (dates, unread counts) and never show anyone by themselves.
    skip: () => [S.MESSAGE_LIST, S.FOLDER_PANE],
    needs: () => S.MESSAGE_LIST,
    nobody: { site: "outlook", view: "list", people: [] },
  }
}

export function watch(onChange: (ctx: PageContext) => void, opts?: WatchOptions): () => void {
  return watchPage({ detect, containers: [S.MAIN], quiet }, onChange, opts)
}

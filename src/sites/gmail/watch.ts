// Gmail watcher: the main pane (list / thread / inline reply) and the compose dock; on a list, the compose dock only.
import type { PageContext } from "../../shared/page-context"
import { watchPage, type QuietView, type WatchOptions } from "../watch-page"
import { detect, hashHint } from "./detect"
import * as S from "./selectors"

/**
 * A list (#inbox, #label/…, #search/…) shows nobody until the URL changes (a thread opens, ?compose=new) or a compose
 * opens in the dock: there the dock alone is watched, and the detector runs once a compose body or a recipients
 * field is in it.
 */
export function quiet(url: URL): QuietView | undefined {
  const hint = hashHint(url)
  if (hint.path !== "list" || hint.compose) return undefined
  return {
    containers: [S.COMPOSE_DOCK],
    // Read at each look: a signed overlay may have added to these lists.
    holds: () => [...S.COMPOSE_BODY, ...S.SIGNAL_FIELD],
    nobody: { site: "gmail", view: "list", people: [] },
  }
}

export function watch(onChange: (ctx: PageContext) => void, opts?: WatchOptions): () => void {
  return watchPage({ detect, containers: [S.MAIN, S.COMPOSE_DOCK], quiet }, onChange, opts)
}

// Outlook watcher: the main module holds the list, the reading pane and inline compose.
import type { PageContext } from "../../shared/page-context"
import { watchPage, type WatchOptions } from "../watch-page"
import { detect } from "./detect"
import { MAIN } from "./selectors"

export function watch(onChange: (ctx: PageContext) => void, opts?: WatchOptions): () => void {
  return watchPage({ detect, containers: [MAIN] }, onChange, opts)
}

// Gmail watcher: the main pane (list / thread / inline reply) and the compose dock.
import type { PageContext } from "../../shared/page-context"
import { watchPage, type WatchOptions } from "../watch-page"
import { detect } from "./detect"
import { COMPOSE_DOCK, MAIN } from "./selectors"

export function watch(onChange: (ctx: PageContext) => void, opts?: WatchOptions): () => void {
  return watchPage({ detect, containers: [MAIN, COMPOSE_DOCK] }, onChange, opts)
}

// LinkedIn watcher: the application outlet survives client-side navigation between profiles and messaging.
import type { PageContext } from "../../shared/page-context"
import { watchPage, type WatchOptions } from "../watch-page"
import { detect } from "./detect"
import { MAIN, MESSAGING_OVERLAY } from "./selectors"

export function watch(onChange: (ctx: PageContext) => void, opts?: WatchOptions): () => void {
  return watchPage({ detect, containers: [MAIN, MESSAGING_OVERLAY] }, onChange, opts)
}

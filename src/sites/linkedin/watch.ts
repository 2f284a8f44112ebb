// LinkedIn watcher: the application outlet survives client-side navigation between profiles and messaging.
import type { PageContext } from "../../shared/page-context"
import { watchPage, type WatchOptions } from "../watch-page"
import { detect } from "./detect"
import { MAIN } from "./selectors"

export function watch(onChange: (ctx: PageContext) => void, opts?: WatchOptions): () => void {
  return watchPage({ detect, containers: [MAIN] }, onChange, opts)
}

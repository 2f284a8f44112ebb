// Gmail: the detector's watcher and the tiny shell. No React here; the sidebar is injected on demand.
import type { PlasmoCSConfig } from "plasmo"
import { startShell } from "../sidebar/shell"
import { watch } from "../sites/gmail/watch"

export const config: PlasmoCSConfig = {
  matches: ["https://mail.google.com/*", "$PLASMO_PUBLIC_DEMO_GMAIL"],
  run_at: "document_idle",
}

startShell("gmail", watch)

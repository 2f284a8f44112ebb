// Outlook on the web: the detector's watcher and the tiny shell. No React here; the sidebar is injected on demand.
import type { PlasmoCSConfig } from "plasmo"
import { startShell } from "../sidebar/shell"
import { watch } from "../sites/outlook/watch"

export const config: PlasmoCSConfig = {
  matches: [
    "https://outlook.office.com/*",
    "https://outlook.office365.com/*",
    "https://outlook.live.com/*",
    "$PLASMO_PUBLIC_DEMO_OUTLOOK",
  ],
  run_at: "document_idle",
}

startShell("outlook", watch)

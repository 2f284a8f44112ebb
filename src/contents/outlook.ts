// Outlook on the web: the detector's watcher and the tiny shell. No React here; the sidebar is injected on demand.
import type { PlasmoCSConfig } from "plasmo"
import { startShell } from "../sidebar/shell"
import * as selectors from "../sites/outlook/selectors"
import { watch } from "../sites/outlook/watch"

export const config: PlasmoCSConfig = {
  matches: ["https://outlook.office.com/*", "https://outlook.office365.com/*", "https://outlook.live.com/*", "$PLASMO_PUBLIC_DEMO_OUTLOOK"],
  run_at: "document_idle",
}

// This site's selectors only (a signed overlay adds to its lists: src/sites/overlay.ts); Outlook docks nothing to the right edge: the margin narrows its panes.
startShell("outlook", watch, { selectors, docked: [] })

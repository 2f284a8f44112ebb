// Gmail: the detector's watcher and the tiny shell. No React here; the sidebar is injected on demand.
import type { PlasmoCSConfig } from "plasmo"
import { startShell } from "../sidebar/shell"
import * as selectors from "../sites/gmail/selectors"
import { watch } from "../sites/gmail/watch"

export const config: PlasmoCSConfig = {
  matches: ["https://mail.google.com/*", "$PLASMO_PUBLIC_DEMO_GMAIL"],
  run_at: "document_idle",
}

// This site's selectors only (a signed overlay adds to its lists: src/sites/overlay.ts); its compose dock moves left of the open sidebar.
startShell("gmail", watch, { selectors, docked: [selectors.COMPOSE_DOCK] })

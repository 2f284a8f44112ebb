// LinkedIn: the detector's watcher and the tiny shell. No React here; the sidebar is injected on demand.
import type { PlasmoCSConfig } from "plasmo"
import { startShell } from "../sidebar/shell"
import * as selectors from "../sites/linkedin/selectors"
import { watch } from "../sites/linkedin/watch"

export const config: PlasmoCSConfig = {
  matches: ["https://www.linkedin.com/*", "$PLASMO_PUBLIC_DEMO_LINKEDIN"],
  run_at: "document_idle",
}

// This site's selectors only (a signed overlay adds to its lists: src/sites/overlay.ts); its messaging overlay moves left of the open sidebar.
startShell("linkedin", watch, { selectors, docked: [selectors.MESSAGING_OVERLAY] })

// LinkedIn: the detector's watcher and the tiny shell. No React here; the sidebar is injected on demand.
import type { PlasmoCSConfig } from "plasmo"
import { startShell } from "../sidebar/shell"
import * as selectors from "../sites/linkedin/selectors"
import { watch } from "../sites/linkedin/watch"

export const config: PlasmoCSConfig = {
  matches: ["https://www.linkedin.com/*", "$PLASMO_PUBLIC_DEMO_LINKEDIN"],
  run_at: "document_idle",
}

// The selectors module goes along so a signed overlay can add to its lists (src/sites/overlay.ts).
startShell("linkedin", watch, selectors as unknown as Record<string, unknown>)

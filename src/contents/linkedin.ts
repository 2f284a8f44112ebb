// LinkedIn: the detector's watcher and the tiny shell. No React here; the sidebar is injected on demand.
import type { PlasmoCSConfig } from "plasmo"
import { startShell } from "../sidebar/shell"
import { watch } from "../sites/linkedin/watch"

export const config: PlasmoCSConfig = {
  matches: ["https://www.linkedin.com/*", "$PLASMO_PUBLIC_DEMO_LINKEDIN"],
  run_at: "document_idle",
}

startShell("linkedin", watch)

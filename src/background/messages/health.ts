import type { Handlers } from "./context"

export const healthHandlers: Pick<Handlers, "health.detected" | "sites.overlay" | "sites.status" | "sites.refresh"> = {
  // Only the strategy, site and view arrive here (the message schema has no room for anything else).
  "health.detected": async (req, _sender, { recordDetection }) => {
    await recordDetection({ site: req.site, view: req.view, strategy: req.strategy })
    return { counted: true as const }
  },
  "sites.overlay": (req, _sender, { sites }) => sites.forSite(req.site),
  "sites.status": (_req, _sender, { sites }) => sites.status(),
  "sites.refresh": async (_req, _sender, { sites }) => {
    await sites.refresh()
    return sites.status()
  },
}

import type { Handlers } from "./context"

export const healthHandlers: Pick<Handlers, "health.detected"> = {
  // Only the strategy, site and view arrive here (the message schema has no room for anything else).
  "health.detected": async (req, _sender, { recordDetection }) => {
    await recordDetection({ site: req.site, view: req.view, strategy: req.strategy })
    return { counted: true as const }
  },
}

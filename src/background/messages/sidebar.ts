// The sidebar frame and the site shells talk to each other only through the worker (src/background/sidebar-tabs.ts).
import type { Handlers } from "./context"

export const sidebarHandlers: Pick<Handlers, "sidebar.state" | "sidebar.layout" | "compose.insert"> = {
  "sidebar.state": async (req, sender, { sidebars }) => sidebars.state(sender, { context: req.context, canInsert: req.canInsert }),
  "sidebar.layout": (req, sender, { sidebars }) => sidebars.layout(sender, req.mode, req.plan),
  "compose.insert": (req, sender, { sidebars }) => sidebars.insert(sender, req.link),
}

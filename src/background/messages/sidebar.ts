// The sidebar frame and the site shells talk to each other only through the worker (src/background/sidebar-tabs.ts).
import type { Handlers } from "./context"

export const sidebarHandlers: Pick<Handlers, "sidebar.state" | "sidebar.layout" | "compose.insert" | "sidebar.target" | "sidebar.open"> = {
  "sidebar.state": async (req, sender, { sidebars }) => sidebars.state(sender, { context: req.context, canInsert: req.canInsert }),
  "sidebar.layout": (req, sender, { sidebars }) => sidebars.layout(sender, req.mode, req.plan),
  "compose.insert": (req, sender, { sidebars }) => sidebars.insert(sender, req.link),
  // The popup's button: where the shortcut goes (the active tab), and as it goes there (src/background/sidebar-tabs.ts).
  "sidebar.target": async (_req, _sender, { sidebars }) => sidebars.activeTarget(),
  "sidebar.open": (_req, _sender, { sidebars }) => sidebars.commandActiveTab("open-sidebar"),
}

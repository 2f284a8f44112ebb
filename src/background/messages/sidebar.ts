import type { Handlers } from "./context"

export const sidebarHandlers: Pick<Handlers, "sidebar.inject"> = {
  "sidebar.inject": (_r, sender, { injector }) => injector.inject(sender),
}

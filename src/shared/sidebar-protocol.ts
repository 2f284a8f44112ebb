// What passes between a site's shell (the content script on the host page), the worker and the sidebar frame
// (src/tabs/sidebar.tsx, an extension page in an iframe). The host page can post anything to the frame's window,
// so the frame listens to none of it: what the shell detected goes shell → worker (a runtime message, zod-parsed
// and checked against its sender: src/shared/sidebar-messages.ts) → the sidebar frame's port, and the frame's
// wishes (its size, an Insert) come back the same way.
// No zod here: the shell runs on every page of the sites and the sidebar page loads on each person shown, and zod
// would be most of either bundle. The worker parses what comes from the host page; what it pushes is already checked.
import type { ContactContext } from "./contracts/contacts"
import type { Cached, PersonKey } from "./messages"
import type { PageContext, Person } from "./page-context"

/** Keyboard commands the manifest declares and the worker forwards to the sidebar (see src/sidebar/relay-channel.ts). */
export const relayCommands = ["log-call"] as const
export type RelayCommand = (typeof relayCommands)[number]

/** How much of the page's right edge the sidebar frame takes: the open panel, the slim tab, or nothing. */
export const sidebarModes = ["open", "tab", "hidden"] as const
export type SidebarMode = (typeof sidebarModes)[number]

/** The room the sidebar frame will ask for with someone on screen and with nobody (its preference, as it stands). */
export interface SidebarPlan {
  people: SidebarMode
  nobody: SidebarMode
}

export const SIDEBAR_PORT = "relay-sidebar"
/** The sidebar page, relative to the extension's root (Plasmo builds src/tabs/sidebar.tsx there). */
export const SIDEBAR_PAGE = "tabs/sidebar.html"
/** The id of the iframe Relay adds to the host page; the site watchers ignore what happens in it. */
export const SIDEBAR_FRAME_ID = "relay-sidebar"

/** What the shell tells the worker each time it changes: who is on screen, and whether Insert has a compose to go into. */
export interface ShellState {
  context: PageContext
  canInsert: boolean
}

/** How a detected person is looked up: by email, else by LinkedIn profile (null: only a name on screen). */
export const personKey = (p: Person): PersonKey | null => (p.email ? { email: p.email } : p.linkedin ? { linkedin: p.linkedin } : null)

/** The worker's saved context of one person on screen, sent with the state to a frame that has just connected. */
export interface CachedPerson {
  person: PersonKey
  cached: Cached<ContactContext>
}

/** What the worker pushes to a sidebar frame over its port (`chrome.runtime.connect({ name: SIDEBAR_PORT })`). */
export type SidebarPush =
  /** `cached`: to a frame that has just connected, the saved contexts of the people on screen, read while it loaded. */
  | ({ type: "state"; cached?: CachedPerson[] } & ShellState)
  /** The rep asked for Relay (a shortcut) before this frame was there: open the panel even with nobody on screen. */
  | { type: "open" }
  | { type: "toggle" }
  | { type: "command"; command: RelayCommand }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null

/** A push as the worker sends it (the port carries nothing else; this only keeps a malformed one from rendering). */
export function isSidebarPush(v: unknown): v is SidebarPush {
  if (!isObject(v)) return false
  switch (v.type) {
    case "state":
      return (
        isObject(v.context) &&
        typeof v.context.site === "string" &&
        Array.isArray(v.context.people) &&
        typeof v.canInsert === "boolean" &&
        (v.cached === undefined || (Array.isArray(v.cached) && v.cached.every((c) => isObject(c) && isObject(c.person) && isObject(c.cached))))
      )
    case "command":
      return relayCommands.includes(v.command as RelayCommand)
    case "open":
    case "toggle":
      return true
    default:
      return false
  }
}

/** Messages the worker sends to a tab's shell (chrome.tabs.sendMessage); the shell checks the sender is Relay. */
export type ShellMessage =
  | { type: "relay.open" }
  | { type: "relay.layout"; mode: SidebarMode }
  | { type: "relay.insert"; link: { url: string; text: string } }
  | { type: "relay.resend" }

// What passes between a site's shell (the content script on the host page), the worker and the sidebar frame
// (src/tabs/sidebar.tsx, an extension page in an iframe). The host page can post anything to the frame's window,
// so the frame listens to none of it: what the shell detected goes shell → worker (a runtime message, checked
// against its sender) → the sidebar frame's port, and the frame's wishes (its size, an Insert) come back the same way.
import * as z from "zod"

/** Keyboard commands the manifest declares and the worker forwards to the sidebar (see relay-channel.ts). */
export const relayCommands = ["log-call"] as const
export type RelayCommand = (typeof relayCommands)[number]

/** Text from the host page, cut to a size the sidebar has use for (a long subject must not drop the whole context). */
const clipped = (n: number) =>
  z
    .string()
    .max(100_000)
    .transform((s) => s.slice(0, n))

export const PersonSchema = z.object({
  email: clipped(320).optional(),
  linkedin: clipped(500).optional(),
  name: clipped(300).optional(),
  company: clipped(300).optional(),
  headline: clipped(500).optional(),
  role: z.enum(["from", "to", "cc", "profile", "counterpart"]),
})

/** A detector's PageContext (src/shared/page-context.ts) as it crosses from the host page. */
export const PageContextSchema = z.object({
  site: z.enum(["gmail", "outlook", "linkedin"]),
  view: z.enum(["thread", "compose", "profile", "messaging", "list", "other"]),
  people: z
    .array(PersonSchema)
    .max(1000)
    .transform((p) => p.slice(0, 100)),
  subject: clipped(1000).optional(),
  snippet: clipped(2000).optional(),
  strategy: z.enum(["structure", "signals", "name", "none"]).optional(),
})

/** How much of the page's right edge the sidebar frame takes: the open panel, the slim tab, or nothing. */
export const SidebarMode = z.enum(["open", "tab", "hidden"])
export type SidebarMode = z.infer<typeof SidebarMode>

/** Only web links go into a message: a javascript: or data: one would run wherever it is clicked. */
export const LinkToInsert = z.object({ url: z.url({ protocol: /^https?$/ }).max(2000), text: clipped(500) })

/** What the shell tells the worker each time it changes: who is on screen, and whether Insert has a compose to go into. */
export const ShellState = z.object({ context: PageContextSchema, canInsert: z.boolean() })
export type ShellState = z.infer<typeof ShellState>

/** What the worker pushes to a sidebar frame over its port (`chrome.runtime.connect({ name: SIDEBAR_PORT })`). */
export const SidebarPush = z.discriminatedUnion("type", [
  z.object({ type: z.literal("state"), context: PageContextSchema, canInsert: z.boolean() }),
  /** The rep asked for Relay (a shortcut) before this frame was there: open the panel even with nobody on screen. */
  z.object({ type: z.literal("open") }),
  z.object({ type: z.literal("toggle") }),
  z.object({ type: z.literal("command"), command: z.enum(relayCommands) }),
])
export type SidebarPush = z.infer<typeof SidebarPush>

export const SIDEBAR_PORT = "relay-sidebar"
/** The sidebar page, relative to the extension's root (Plasmo builds src/tabs/sidebar.tsx there). */
export const SIDEBAR_PAGE = "tabs/sidebar.html"

/** Messages the worker sends to a tab's shell (chrome.tabs.sendMessage); the shell checks the sender is Relay. */
export type ShellMessage =
  { type: "relay.open" } | { type: "relay.layout"; mode: SidebarMode } | { type: "relay.insert"; link: z.infer<typeof LinkToInsert> } | { type: "relay.resend" }

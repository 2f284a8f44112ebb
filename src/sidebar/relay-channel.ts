// The sidebar page's own record of what the worker last told it (worker-link.ts keeps it current): who is on
// screen, whether Insert has a compose to go into, and the shortcuts. One object per sidebar page; the hooks in
// channel.ts read it. Plain TypeScript on purpose: React components subscribe, nothing here renders.
import type { PageContext, Site } from "../shared/page-context"
import { emptyContext } from "../shared/page-context"
import type { PersonKey } from "../shared/messages"
import { relayCommands, type CachedPerson, type RelayCommand } from "../shared/sidebar-protocol"

export { relayCommands, type RelayCommand }
export const isRelayCommand = (v: unknown): v is RelayCommand => relayCommands.includes(v as RelayCommand)

export type ChannelEvent =
  | { type: "context"; context: PageContext }
  | { type: "compose"; canInsert: boolean }
  | { type: "open" }
  | { type: "toggle" }
  | { type: "command"; command: RelayCommand }

/** A command older than this is dropped rather than acted on out of the blue (e.g. nobody was on screen). */
export const COMMAND_MAX_AGE_MS = 30_000

export interface RelayChannel {
  site: Site
  /** The latest detection; the sidebar renders from it. */
  context: PageContext
  /** The host page has an open compose for Insert (the shell checks; the link is written there, not here). */
  canInsert: boolean
  /** The rep asked for the sidebar (shortcut) before it was rendered: open it expanded. */
  open: boolean
  /**
   * The last shortcut command, until the part of the sidebar that handles it takes it. Kept here
   * because the command may arrive before the sidebar (or the contact it acts on) has mounted.
   */
  command?: { name: RelayCommand; at: number } | null
  /** The worker's saved contexts of the people on screen, sent with the first state this page got (see takeCached). */
  cached?: CachedPerson[]
  listeners: Set<(event: ChannelEvent) => void>
}

declare global {
  var __relay: RelayChannel | undefined
}

/** The page's channel, created on first use. */
export function relayChannel(site: Site = "gmail"): RelayChannel {
  globalThis.__relay ??= {
    site,
    context: emptyContext(site),
    canInsert: false,
    open: false,
    command: null,
    listeners: new Set(),
  }
  return globalThis.__relay
}

export function publish(channel: RelayChannel, event: ChannelEvent) {
  if (event.type === "context") {
    channel.context = event.context
    channel.site = event.context.site
  }
  if (event.type === "compose") channel.canInsert = event.canInsert
  if (event.type === "open") channel.open = true
  if (event.type === "command") channel.command = { name: event.command, at: Date.now() }
  for (const listener of [...channel.listeners]) {
    try {
      listener(event)
    } catch {
      // One broken listener must not stop the others.
    }
  }
}

export function subscribe(channel: RelayChannel, listener: (event: ChannelEvent) => void): () => void {
  channel.listeners.add(listener)
  return () => channel.listeners.delete(listener)
}

/** Takes (and clears) a pending command if it is `name` and recent enough to still mean "now". */
export function takeCommand(channel: RelayChannel, name: RelayCommand, now = Date.now()): boolean {
  const pending = channel.command
  if (!pending || pending.name !== name) return false
  channel.command = null
  return now - pending.at <= COMMAND_MAX_AGE_MS
}

const sameKey = (a: PersonKey, b: PersonKey) => ("email" in a ? "email" in b && a.email === b.email : "linkedin" in b && a.linkedin === b.linkedin)

/** The saved context the worker sent along for `person`, once: after that, react-query holds it. */
export function takeCached(channel: RelayChannel, person: PersonKey): CachedPerson["cached"] | undefined {
  const i = channel.cached?.findIndex((c) => sameKey(c.person, person)) ?? -1
  if (i < 0) return undefined
  return channel.cached!.splice(i, 1)[0]!.cached
}

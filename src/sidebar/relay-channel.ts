// The hand-off between a site's tiny content script (shell.ts) and the sidebar bundle the worker
// injects later. Content scripts of one extension share the isolated world of a frame, so one
// object on globalThis is enough; the host page cannot see it (it lives in another JS world).
// Plain TypeScript on purpose: the shell imports this and must stay free of React.
import type { PageContext, Site } from "../shared/page-context"
import { emptyContext } from "../shared/page-context"

/** Keyboard commands the manifest declares and the worker forwards to the tab (see shell.ts). */
export const relayCommands = ["log-call"] as const
export type RelayCommand = (typeof relayCommands)[number]
export const isRelayCommand = (v: unknown): v is RelayCommand => relayCommands.includes(v as RelayCommand)

export type ChannelEvent = { type: "context"; context: PageContext } | { type: "toggle" } | { type: "command"; command: RelayCommand }

/** A command older than this is dropped rather than acted on out of the blue (e.g. nobody was on screen). */
export const COMMAND_MAX_AGE_MS = 30_000

export interface RelayChannel {
  site: Site
  /** The latest detection; the sidebar renders from it. */
  context: PageContext
  /** The rep asked for the sidebar (shortcut or tab) before it was mounted: open it expanded. */
  open: boolean
  /** `sidebar.inject` was sent and not refused. */
  injected: boolean
  /** The sidebar bundle has mounted (guards against a second injection). */
  mounted: boolean
  /** The shell is running in this frame (guards against running twice). */
  started: boolean
  /**
   * The last shortcut command, until the part of the sidebar that handles it takes it. Kept here
   * because the command may arrive before the sidebar (or the contact it acts on) has mounted.
   */
  command?: { name: RelayCommand; at: number } | null
  listeners: Set<(event: ChannelEvent) => void>
}

declare global {
  var __relay: RelayChannel | undefined
}

/** The frame's channel, created on first use. */
export function relayChannel(site: Site = "gmail"): RelayChannel {
  globalThis.__relay ??= {
    site,
    context: emptyContext(site),
    open: false,
    injected: false,
    mounted: false,
    started: false,
    command: null,
    listeners: new Set(),
  }
  return globalThis.__relay
}

export function publish(channel: RelayChannel, event: ChannelEvent) {
  if (event.type === "context") channel.context = event.context
  if (event.type === "command") channel.command = { name: event.command, at: Date.now() }
  for (const listener of [...channel.listeners]) {
    try {
      listener(event)
    } catch {
      // One broken listener must not stop the others (or throw into the host page).
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

// The sidebar's view of its channel, which the worker keeps up to date (see relay-channel.ts, worker-link.ts).
import { useEffect, useRef, useSyncExternalStore } from "react"
import type { PageContext } from "../shared/page-context"
import { relayChannel, subscribe, takeCommand, type RelayCommand } from "./relay-channel"

/** The latest PageContext from the site detector, re-rendering when it changes. */
export function usePageContext(): PageContext {
  const channel = relayChannel()
  return useSyncExternalStore(
    (onChange) => subscribe(channel, (event) => event.type === "context" && onChange()),
    () => channel.context,
  )
}

/** Whether the host page has an open compose for Insert, re-rendering when it changes. */
export function useCanInsert(): boolean {
  const channel = relayChannel()
  return useSyncExternalStore(
    (onChange) => subscribe(channel, (event) => event.type === "compose" && onChange()),
    () => channel.canInsert,
  )
}

/** Calls `onOpen` when the rep asked for Relay with a shortcut while the sidebar was hidden (and nobody was on screen). */
export function useOpenRequest(onOpen: () => void) {
  const latest = useRef(onOpen)
  latest.current = onOpen
  useEffect(() => subscribe(relayChannel(), (event) => event.type === "open" && latest.current()), [])
}

/** Calls `onToggle` when the rep presses the toggle shortcut while the sidebar is mounted. */
export function useToggleShortcut(onToggle: () => void) {
  const latest = useRef(onToggle)
  latest.current = onToggle
  useEffect(() => subscribe(relayChannel(), (event) => event.type === "toggle" && latest.current()), [])
}

/** Calls `onCommand` for each shortcut command the shell publishes while the sidebar is mounted. */
export function useCommandShortcut(onCommand: (command: RelayCommand) => void) {
  const latest = useRef(onCommand)
  latest.current = onCommand
  useEffect(() => subscribe(relayChannel(), (event) => event.type === "command" && latest.current(event.command)), [])
}

/**
 * Runs `handle` for the command `name`: once at mount if it arrived before this component did
 * (the shortcut opened the sidebar), then each time it arrives. The command is taken, so only one
 * handler acts on it.
 */
export function useTakeCommand(name: RelayCommand, handle: () => void) {
  const latest = useRef(handle)
  latest.current = handle
  useEffect(() => {
    const channel = relayChannel()
    const run = () => {
      if (takeCommand(channel, name)) latest.current()
    }
    run()
    return subscribe(channel, (event) => event.type === "command" && event.command === name && run())
  }, [name])
}

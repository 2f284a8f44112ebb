// The sidebar's view of the shared channel the site shell keeps up to date (see relay-channel.ts).
import { useEffect, useRef, useSyncExternalStore } from "react"
import type { PageContext } from "../shared/page-context"
import { relayChannel, subscribe } from "./relay-channel"

/** The latest PageContext from the site detector, re-rendering when it changes. */
export function usePageContext(): PageContext {
  const channel = relayChannel()
  return useSyncExternalStore(
    (onChange) => subscribe(channel, (event) => event.type === "context" && onChange()),
    () => channel.context,
  )
}

/** Calls `onToggle` when the rep presses the toggle shortcut while the sidebar is mounted. */
export function useToggleShortcut(onToggle: () => void) {
  const latest = useRef(onToggle)
  latest.current = onToggle
  useEffect(() => subscribe(relayChannel(), (event) => event.type === "toggle" && latest.current()), [])
}

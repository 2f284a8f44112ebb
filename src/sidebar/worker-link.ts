// The sidebar page's line to the worker: a port the worker pushes this tab's state and the shortcuts down
// (src/background/sidebar-tabs.ts), published into the page's channel. The page listens to nothing else: the
// host page can post messages to this frame's window, and they are ignored. Requests (lookups, writes, the
// frame's size, an Insert) go up as ordinary runtime messages (src/shared/send.ts).
import { isSidebarPush, SIDEBAR_PORT, type SidebarMode, type SidebarPlan } from "../shared/sidebar-protocol"
import { send } from "../shared/send"
import { publish, relayChannel, type RelayChannel } from "./relay-channel"

/** After the worker was stopped (idle, updated) the port closes; the page connects again, which restarts it. */
const RECONNECT_MS = 250

export function connectToWorker(channel: RelayChannel = relayChannel()): () => void {
  let stopped = false
  let port: chrome.runtime.Port | null = null
  const onPush = (message: unknown) => {
    // Only the worker posts on this port, after parsing what the shell reported; a malformed push is dropped.
    if (!isSidebarPush(message)) return
    const push = message
    if (push.type === "state") {
      if (push.cached) channel.cached = push.cached
      publish(channel, { type: "context", context: push.context })
      if (push.canInsert !== channel.canInsert) publish(channel, { type: "compose", canInsert: push.canInsert })
    } else if (push.type === "command") {
      publish(channel, { type: "command", command: push.command })
    } else {
      publish(channel, { type: push.type })
    }
  }
  const connect = () => {
    if (stopped) return
    try {
      port = chrome.runtime.connect({ name: SIDEBAR_PORT })
    } catch {
      return // the extension was reloaded: this page is an orphan
    }
    port.onMessage.addListener(onPush)
    port.onDisconnect.addListener(() => {
      port = null
      if (chrome.runtime?.id) setTimeout(connect, RECONNECT_MS)
    })
  }
  connect()
  return () => {
    stopped = true
    port?.disconnect()
  }
}

/**
 * Tells the shell (through the worker) how much of the page's right edge the sidebar needs now, and how much it will
 * need with and without someone on screen: the worker applies that itself when the shell's next state arrives, so
 * the frame is sized while this page renders the new state, not after.
 */
export function reportLayout(mode: SidebarMode, plan?: SidebarPlan) {
  send({ type: "sidebar.layout", mode, ...(plan ? { plan } : {}) }).catch(() => {
    // The worker restarting: the next change tells it again.
  })
}

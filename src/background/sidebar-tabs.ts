// The worker's side of the sidebar frame (src/tabs/sidebar.tsx, an extension page in an iframe the site's shell
// adds to the host page). The frame cannot trust anything the host page posts to it, so the worker carries what
// passes between the shell and the frame, per tab, checking each sender:
//   shell → `sidebar.state` (who is on screen, whether a compose is open) → every sidebar port of that tab;
//   frame → `sidebar.layout` / `compose.insert` → the shell of that tab (the only code that touches the host page);
//   keyboard shortcut → the tab's sidebar ports, or the shell (which adds the frame) with the command kept for it.
// The state lives in memory: when the worker was stopped meanwhile, a frame that connects makes the shell send it again.
import {
  SIDEBAR_PAGE,
  SIDEBAR_PORT,
  type RelayCommand,
  type ShellMessage,
  type ShellState,
  type SidebarMode,
  type SidebarPush,
} from "../shared/sidebar-protocol"
import { ApiError } from "./api-client"

type Sender = chrome.runtime.MessageSender

export interface SidebarPort {
  name: string
  sender?: Sender
  postMessage(message: SidebarPush): void
  disconnect(): void
  onDisconnect: { addListener(listener: () => void): void }
}

export interface SidebarTabsDeps {
  runtimeId: string
  /** chrome.tabs.sendMessage to the shell's document in a tab; resolves with its answer (rejects when nobody listens). */
  sendToShell: (tabId: number, message: ShellMessage, target: { frameId: number; documentId?: string }) => Promise<unknown>
  now?: () => number
}

/** A shortcut pressed before the tab had a sidebar frame, for the frame that connects next; older ones are dropped. */
const PENDING_MAX_AGE_MS = 30_000

interface TabState {
  shell?: { frameId: number; documentId?: string }
  state?: ShellState
  ports: Set<SidebarPort>
  pending?: { at: number; command?: RelayCommand }
}

export function createSidebarTabs(d: SidebarTabsDeps) {
  const now = d.now ?? Date.now
  const tabs = new Map<number, TabState>()
  const frameUrl = `chrome-extension://${d.runtimeId}/${SIDEBAR_PAGE}`
  const tabOf = (tabId: number) => {
    let t = tabs.get(tabId)
    if (!t) tabs.set(tabId, (t = { ports: new Set() }))
    return t
  }
  const tabIdOf = (s: Sender | undefined) => (typeof s?.tab?.id === "number" && s.tab.id >= 0 ? s.tab.id : undefined)

  /** Relay's sidebar page, framed in a tab (not opened on its own, not another extension page). */
  const isSidebarFrame = (s: Sender | undefined): s is Sender & { tab: chrome.tabs.Tab } =>
    s?.id === d.runtimeId && tabIdOf(s) !== undefined && (s.url ?? "").split(/[?#]/)[0] === frameUrl
  /** Relay's content script on a web page (the site's shell). */
  const isShell = (s: Sender | undefined) => s?.id === d.runtimeId && tabIdOf(s) !== undefined && /^https?:\/\//.test(s.url ?? "")

  const post = (t: TabState, message: SidebarPush) => {
    for (const port of [...t.ports]) {
      try {
        port.postMessage(message)
      } catch {
        t.ports.delete(port) // gone with its frame
      }
    }
  }
  const toShell = (tabId: number, message: ShellMessage) => {
    const shell = tabs.get(tabId)?.shell ?? { frameId: 0 }
    return d.sendToShell(tabId, message, shell)
  }
  const frameTab = (sender: Sender, what: string): number => {
    if (!isSidebarFrame(sender)) throw new ApiError("forbidden", `${what} is accepted only from Relay's sidebar frame`)
    return sender.tab.id!
  }

  return {
    /** `sidebar.state` from a shell: kept, and passed to the tab's sidebar frames. */
    state(sender: Sender, state: ShellState): { frames: number } {
      if (!isShell(sender)) throw new ApiError("forbidden", "sidebar.state is accepted only from Relay's content script on a web page")
      const t = tabOf(tabIdOf(sender)!)
      t.shell = { frameId: sender.frameId ?? 0, ...(sender.documentId ? { documentId: sender.documentId } : {}) }
      t.state = state
      post(t, { type: "state", ...state })
      return { frames: t.ports.size }
    },

    /** `sidebar.layout` from a sidebar frame: the shell sizes the frame and makes room on the page. */
    async layout(sender: Sender, mode: SidebarMode): Promise<{ applied: boolean }> {
      const tabId = frameTab(sender, "sidebar.layout")
      const res = (await toShell(tabId, { type: "relay.layout", mode }).catch(() => null)) as { applied?: boolean } | null
      return { applied: res?.applied === true }
    },

    /** `compose.insert` from a sidebar frame: the shell writes the link at the rep's caret. */
    async insert(sender: Sender, link: { url: string; text: string }): Promise<{ inserted: boolean }> {
      const tabId = frameTab(sender, "compose.insert")
      const res = (await toShell(tabId, { type: "relay.insert", link }).catch(() => null)) as { inserted?: boolean } | null
      return { inserted: res?.inserted === true }
    },

    /** A sidebar frame opened its port: it gets the tab's state at once, and a shortcut that waited for it. */
    connect(port: SidebarPort) {
      if (port.name !== SIDEBAR_PORT) return
      if (!isSidebarFrame(port.sender)) {
        port.disconnect()
        return
      }
      const tabId = port.sender.tab.id!
      const t = tabOf(tabId)
      t.ports.add(port)
      port.onDisconnect.addListener(() => t.ports.delete(port))
      if (t.state) post(t, { type: "state", ...t.state })
      else void toShell(tabId, { type: "relay.resend" }).catch(() => {})
      const pending = t.pending
      t.pending = undefined
      if (pending && now() - pending.at <= PENDING_MAX_AGE_MS) {
        port.postMessage({ type: "open" })
        if (pending.command) port.postMessage({ type: "command", command: pending.command })
      }
    },

    /** A manifest command for the active tab: to its sidebar frame, or the shell adds one and the command waits for it. */
    async command(tabId: number, command: "toggle-sidebar" | RelayCommand) {
      const t = tabOf(tabId)
      if (t.ports.size > 0) {
        post(t, command === "toggle-sidebar" ? { type: "toggle" } : { type: "command", command })
        return
      }
      t.pending = { at: now(), ...(command === "toggle-sidebar" ? {} : { command }) }
      // No shell on pages Relay does not run on: nothing to do.
      await toShell(tabId, { type: "relay.open" }).catch(() => {})
    },

    forgetTab(tabId: number) {
      tabs.delete(tabId)
    },
  }
}

export type SidebarTabs = ReturnType<typeof createSidebarTabs>

// The worker's side of the sidebar frame (src/tabs/sidebar.tsx, an extension page in an iframe the site's shell
// adds to the host page). The frame cannot trust anything the host page posts to it, so the worker carries what
// passes between the shell and the frame, per tab, checking each sender:
//   shell → `sidebar.state` (who is on screen, whether a compose is open) → every sidebar port of that tab;
//   frame → `sidebar.layout` / `compose.insert` → the shell of that tab (the only code that touches the host page);
//   the frame's layout plan (its room with someone on screen and with nobody) → applied by the worker itself when
//   the shell's next state changes who is on screen, so the frame is sized without waiting for it to render;
//   keyboard shortcut, or the popup's "Open Relay on this page" → the active tab's sidebar ports, or its shell (which
//   adds the frame) with the command kept for it: one route for both (commandActiveTab).
// The state lives in memory: when the worker was stopped meanwhile, a frame that connects makes the shell send it again.
import type { ContactContext } from "../shared/contracts/contacts"
import type { Cached, PersonKey } from "../shared/messages"
import {
  personKey,
  SIDEBAR_PAGE,
  SIDEBAR_PORT,
  type CachedPerson,
  type RelayCommand,
  type ShellMessage,
  type ShellState,
  type SidebarMode,
  type SidebarPlan,
  type SidebarPush,
} from "../shared/sidebar-protocol"
import { ApiError } from "./api-client"
import { matchesAny } from "./match-pattern"

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
  /**
   * To the shell's document in a tab; resolves with its answer (rejects when nobody listens). chrome.tabs.sendMessage,
   * but `relay.open` through chrome.scripting: a shell without a frame does not listen (src/background/index.ts).
   */
  sendToShell: (tabId: number, message: ShellMessage, target: { frameId: number; documentId?: string }) => Promise<unknown>
  now?: () => number
  /** The worker's saved context of a person (the contact cache), for a frame that is still loading. */
  readCached?: (person: PersonKey) => Promise<Cached<ContactContext> | null>
  /** The tab the rep is looking at (src/background/active-tab.ts), for a shortcut or the popup's button. */
  activeTab?: () => Promise<{ id?: number; url?: string } | undefined>
  /** Where the shells run: the match patterns of Relay's content scripts, as the manifest lists them. */
  shellMatches?: readonly string[]
}

/**
 * What a shortcut or the popup asks of the tab's sidebar: the manifest's commands, and "open-sidebar" (the popup's
 * button), which opens a hidden or collapsed sidebar and leaves an open one open where the shortcut would close it.
 */
export type SidebarCommand = "toggle-sidebar" | "open-sidebar" | RelayCommand

/** Saved contexts read ahead for a loading frame: the first people on screen (the one shown is nearly always among them). */
const PREFETCH_PEOPLE = 5

/** A shortcut pressed before the tab had a sidebar frame, for the frame that connects next; older ones are dropped. */
const PENDING_MAX_AGE_MS = 30_000

interface TabState {
  shell?: { frameId: number; documentId?: string }
  state?: ShellState
  ports: Set<SidebarPort>
  pending?: { at: number; command?: RelayCommand }
  /** The frame's room with and without someone on screen, as it last reported it. */
  plan?: SidebarPlan
  /** The room the shell was last asked for, until an ask fails or the frame is replaced. */
  room?: SidebarMode
  /** Saved contexts of the people in `state`, read while no frame was connected (the shell is adding one). */
  prefetch?: { state: ShellState; cached?: CachedPerson[] }
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
  /** Asks the shell for the frame's room, unless that is what it was last asked (and did not refuse). */
  const applyRoom = async (tabId: number, t: TabState, mode: SidebarMode): Promise<boolean> => {
    if (t.room === mode) return true
    t.room = mode
    const res = (await toShell(tabId, { type: "relay.layout", mode }).catch(() => null)) as { applied?: boolean } | null
    const applied = res?.applied === true
    if (!applied && t.room === mode) t.room = undefined
    return applied
  }
  /** Reads the saved contexts of the people in `state` for the frame being added (kept only while `state` is current). */
  const prefetch = (t: TabState, state: ShellState) => {
    const read = d.readCached
    if (!read) return
    const keys = state.context.people
      .map(personKey)
      .filter((k): k is PersonKey => k !== null)
      .slice(0, PREFETCH_PEOPLE)
    if (keys.length === 0) return
    const entry: NonNullable<TabState["prefetch"]> = { state }
    t.prefetch = entry
    void Promise.all(
      keys.map((person) =>
        read(person).then(
          (cached) => (cached ? { person, cached } : null),
          () => null,
        ),
      ),
    ).then((found) => {
      entry.cached = found.filter((c): c is CachedPerson => c !== null)
    })
  }
  const frameTab = (sender: Sender, what: string): number => {
    if (!isSidebarFrame(sender)) throw new ApiError("forbidden", `${what} is accepted only from Relay's sidebar frame`)
    return sender.tab.id!
  }

  async function commandTab(tabId: number, command: SidebarCommand): Promise<{ opened: boolean }> {
    const t = tabOf(tabId)
    if (t.ports.size > 0) {
      post(t, command === "toggle-sidebar" ? { type: "toggle" } : command === "open-sidebar" ? { type: "open" } : { type: "command", command })
      return { opened: true }
    }
    t.pending = { at: now(), ...(command === "toggle-sidebar" || command === "open-sidebar" ? {} : { command }) }
    // No shell on pages Relay does not run on (or not yet: a tab opened before Relay was): nothing to do.
    const added = await toShell(tabId, { type: "relay.open" }).catch(() => false)
    return { opened: added === true }
  }

  return {
    /** `sidebar.state` from a shell: kept, and passed to the tab's sidebar frames. */
    state(sender: Sender, state: ShellState): { frames: number } {
      if (!isShell(sender)) throw new ApiError("forbidden", "sidebar.state is accepted only from Relay's content script on a web page")
      const t = tabOf(tabIdOf(sender)!)
      t.shell = { frameId: sender.frameId ?? 0, ...(sender.documentId ? { documentId: sender.documentId } : {}) }
      t.state = state
      post(t, { type: "state", ...state })
      t.prefetch = undefined
      if (t.ports.size === 0) prefetch(t, state)
      // The frame's own report follows once it has rendered the state; sizing it now saves that wait.
      if (t.plan && t.ports.size > 0) void applyRoom(tabIdOf(sender)!, t, state.context.people.length > 0 ? t.plan.people : t.plan.nobody)
      return { frames: t.ports.size }
    },

    /** `sidebar.layout` from a sidebar frame: the shell sizes the frame and makes room on the page. */
    async layout(sender: Sender, mode: SidebarMode, plan?: SidebarPlan): Promise<{ applied: boolean }> {
      const tabId = frameTab(sender, "sidebar.layout")
      const t = tabOf(tabId)
      if (plan) t.plan = plan
      const applied = await applyRoom(tabId, t, mode)
      return { applied }
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
      // A new frame starts hidden and reports its own plan: what the shell was asked for an earlier one is void.
      t.room = undefined
      t.plan = undefined
      port.onDisconnect.addListener(() => {
        t.ports.delete(port)
        if (t.ports.size === 0) t.room = t.plan = undefined
      })
      if (t.state) {
        // The saved contexts read while the frame loaded (if done and still of this state): it renders without asking.
        const cached = t.prefetch?.state === t.state ? t.prefetch.cached : undefined
        t.prefetch = undefined
        post(t, { type: "state", ...t.state, ...(cached?.length ? { cached } : {}) })
      } else void toShell(tabId, { type: "relay.resend" }).catch(() => {})
      const pending = t.pending
      t.pending = undefined
      if (pending && now() - pending.at <= PENDING_MAX_AGE_MS) {
        port.postMessage({ type: "open" })
        if (pending.command) port.postMessage({ type: "command", command: pending.command })
      }
    },

    /**
     * A command for a tab: to its sidebar frame, or the shell adds one and the command waits for it. Answers whether
     * a sidebar heard it (a frame, or a shell that added one): false where Relay does not run or has not started yet.
     */
    command: commandTab,

    /**
     * The one route of a shortcut and of the popup's "Open Relay on this page": the command for the tab the rep is
     * looking at. Headless Chromium cannot press an extension's shortcut; a test can click the button, which goes the same way.
     */
    async commandActiveTab(command: SidebarCommand): Promise<{ opened: boolean }> {
      const tab = await d.activeTab?.()
      if (tab?.id === undefined) return { opened: false }
      return commandTab(tab.id, command)
    },

    /** For the popup: whether the tab the rep is looking at is one Relay's shells run on (its button is off elsewhere). */
    async activeTarget(): Promise<{ relayPage: boolean }> {
      const tab = await d.activeTab?.()
      return { relayPage: tab?.id !== undefined && matchesAny(tab.url, d.shellMatches ?? []) }
    },

    forgetTab(tabId: number) {
      tabs.delete(tabId)
    },
  }
}

export type SidebarTabs = ReturnType<typeof createSidebarTabs>

// Whether the sidebar is open or collapsed to its slim tab. The preference lives in extension
// storage, never in a web page's localStorage. chrome.storage.sync, not .local: the worker restricts .local to
// trusted contexts (it holds the token); sync is a separate area and this is a harmless UI preference.
import { create } from "zustand"
import type { SidebarMode } from "../../shared/sidebar-protocol"

export const COLLAPSED_KEY = "relay.sidebar.collapsed"

interface LayoutState {
  hydrated: boolean
  collapsed: boolean
  /** Opened by the rep although nobody is on screen (shortcut on an inbox page). */
  summoned: boolean
  hydrate: (openRequested: boolean) => Promise<void>
  /** The rep asked for Relay (shortcut) with nothing shown: open, even with nobody on screen. */
  summon: () => void
  setCollapsed: (collapsed: boolean) => void
  /** The shortcut: close whatever is showing, otherwise open. */
  toggle: (visible: boolean) => void
}

/**
 * How much room the sidebar takes for this state and whether someone is on screen: the panel when open (or opened
 * on purpose with nobody there), the slim tab when collapsed with someone there, else nothing. The layout renders
 * from it and the frame reports it as soon as a new state arrives (src/tabs/sidebar.tsx), before React renders.
 */
export function sidebarMode(s: Pick<LayoutState, "hydrated" | "collapsed" | "summoned">, hasPeople: boolean): SidebarMode {
  if (!s.hydrated) return "hidden"
  if (!s.collapsed && (hasPeople || s.summoned)) return "open"
  return hasPeople ? "tab" : "hidden"
}

const prefs = () => chrome.storage.sync ?? chrome.storage.local

const save = (collapsed: boolean) => {
  try {
    Promise.resolve(prefs().set({ [COLLAPSED_KEY]: collapsed })).catch(() => {})
  } catch {
    // Storage unavailable (extension reloaded): the preference just is not remembered.
  }
}

export const useLayoutStore = create<LayoutState>()((set) => ({
  hydrated: false,
  collapsed: false,
  summoned: false,
  hydrate: async (openRequested) => {
    let collapsed = false
    try {
      const stored = await prefs().get(COLLAPSED_KEY)
      collapsed = stored?.[COLLAPSED_KEY] === true
    } catch {
      // keep the default: open
    }
    if (openRequested) {
      collapsed = false
      save(false)
    }
    // A summons that arrived while the preference was being read wins over it.
    set((s) => (s.summoned ? { hydrated: true, collapsed: false } : { hydrated: true, collapsed, summoned: openRequested }))
  },
  summon: () => {
    set({ collapsed: false, summoned: true })
    save(false)
  },
  setCollapsed: (collapsed) => {
    set(collapsed ? { collapsed, summoned: false } : { collapsed })
    save(collapsed)
  },
  toggle: (visible) => {
    set(visible ? { collapsed: true, summoned: false } : { collapsed: false, summoned: true })
    save(visible)
  },
}))

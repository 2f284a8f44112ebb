// The one element Relay adds to the host page: an iframe of the sidebar page (src/tabs/sidebar.tsx). The page is
// chrome-extension://, so the frame is cross-origin to the host (its scripts cannot read names, scores or history
// in it) and, with site isolation, runs in the extension's own renderer process: the sidebar's React costs the
// host page's main thread nothing. Plain DOM, no React: the site shell imports this.
import { SIDEBAR_FRAME_ID, SIDEBAR_PAGE, type SidebarMode } from "../shared/sidebar-protocol"
import { PANEL_WIDTH, TAB_WIDTH } from "./widths"

const widths: Record<SidebarMode, number> = { open: PANEL_WIDTH, tab: TAB_WIDTH, hidden: 0 }
export const frameWidth = (mode: SidebarMode) => widths[mode]

const set = (el: HTMLElement, styles: Record<string, string>) => {
  for (const [name, value] of Object.entries(styles)) el.style.setProperty(name, value, "important")
}

/** Adds the frame, docked right and zero-wide until the sidebar says what it shows (`sizeSidebarFrame`). */
export function addSidebarFrame(doc: Document = document): HTMLIFrameElement {
  const frame = doc.createElement("iframe")
  frame.id = SIDEBAR_FRAME_ID
  frame.title = "Relay"
  // "Copy link" writes the clipboard from inside the frame.
  frame.allow = "clipboard-write"
  set(frame, {
    display: "block",
    position: "fixed",
    top: "0",
    right: "0",
    width: "0",
    height: "100vh",
    "max-width": "100vw",
    margin: "0",
    padding: "0",
    border: "0",
    background: "transparent",
    // The same scheme as the page inside, or Chrome paints an opaque backdrop behind a transparent frame.
    "color-scheme": "light",
    "z-index": "2147483646",
    visibility: "hidden",
  })
  frame.src = chrome.runtime.getURL(SIDEBAR_PAGE)
  doc.documentElement.append(frame)
  return frame
}

/** As wide as what the sidebar shows: a zero-wide, hidden frame takes no clicks from the page. */
export function sizeSidebarFrame(frame: HTMLIFrameElement, mode: SidebarMode) {
  set(frame, { width: `${frameWidth(mode)}px`, visibility: mode === "hidden" ? "hidden" : "visible" })
}

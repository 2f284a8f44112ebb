// The part of Relay that runs on every Gmail / Outlook / LinkedIn page: the site's watcher and this shell, nothing
// else. Plain TypeScript, no React, no zod: the sidebar itself is an extension page in an iframe (frame.ts), added
// only once there is someone to show or the rep asks for it, and rendered in the extension's own process
// (DESIGN.md, "Performance rules"). The shell is the sidebar's hands on the host page: it tells the worker who is
// on screen (the worker passes it to the frame; the frame trusts nothing the host page posts to it), sizes the
// frame and makes room for it (src/sites/room.ts), and writes an inserted link at the rep's caret (src/sites/compose.ts).
import type { SiteOverlay } from "../shared/contracts/sites-config"
import { emptyContext, type PageContext, type Site } from "../shared/page-context"
import { sidebarModes, type ShellMessage, type SidebarMode } from "../shared/sidebar-protocol"
import type { Selectors } from "../sites/common"
import { findComposeBody, insertLink, insertOptions, trackComposeCaret, type CaretTracker, type ComposeSite } from "../sites/compose"
import { applyOverlay, siteSwitchedOff, type SelectorModule } from "../sites/overlay"
import { makeRoom } from "../sites/room"
import { addSidebarFrame, frameWidth, sizeSidebarFrame } from "./frame"

export type Watch = (onChange: (ctx: PageContext) => void) => () => void

/**
 * What the shell needs of its own site, and of no other: each site's content script carries one site's selectors.
 * `selectors` is the site's selectors.ts module: the worker's signed overlay (if any) adds to its lists, or switches
 * the site off, without a new release of Relay; Insert reads its compose lists after that. `docked` is what the site
 * docks to the viewport's right edge, moved left while the sidebar is open (src/sites/room.ts).
 */
export interface SiteParts {
  selectors: ComposeSite["selectors"]
  docked: readonly Selectors[]
}

export interface Shell {
  site: Site
  /** The latest detection. */
  context: () => PageContext
  /** The sidebar frame, once added. */
  frame: () => HTMLIFrameElement | null
  /** Adds the frame (the keyboard shortcut on a page with nobody on it: the worker calls this through chrome.scripting). */
  open: () => void
  stop: () => void
}

// Kept under a symbol, not a string name: a string-named property missing from the window reads the page's element
// of that id (`<div id="__relayShell">` would have passed for a running shell), in the content scripts' world too.
const SHELL = Symbol.for("relay.shell")
const shared = globalThis as unknown as { [SHELL]?: Shell }

const modes = new Set<string>(sidebarModes)

/** A message to the worker that may go unanswered (the worker restarting, the extension reloaded): never an exception in the host page. */
function tell(message: unknown): Promise<unknown> {
  try {
    return Promise.resolve(chrome.runtime.sendMessage(message)).catch(() => undefined)
  } catch {
    return Promise.resolve(undefined)
  }
}

/**
 * Selector health: tells the worker which strategy answered (or "none" when the site's app was on screen
 * and nobody was found). Only site, view and strategy leave the page: never who, never the URL.
 */
function reportStrategy(context: PageContext) {
  if (!context.strategy) return
  void tell({ type: "health.detected", site: context.site, view: context.view, strategy: context.strategy })
}

export function startShell(site: Site, watch: Watch, parts: SiteParts): Shell {
  // Content scripts of one extension share the frame's isolated world: a second site script on the same page stays out.
  const running = shared[SHELL]
  if (running) return running

  let context = emptyContext(site)
  let frame: HTMLIFrameElement | null = null
  let tracker: CaretTracker | null = null
  let stopTracker = () => {}
  let sent = ""
  const compose: ComposeSite = { site, selectors: parts.selectors }
  const selectors = parts.selectors as unknown as SelectorModule

  const canInsert = () => !!tracker && !!findComposeBody(compose, document, tracker.range()?.startContainer)

  /** Who is on screen and whether Insert has somewhere to go, to the worker for the frame; only what changed, and only once there is a frame. */
  const sendState = (force = false) => {
    if (!frame) return
    const state = { context, canInsert: canInsert() }
    const key = JSON.stringify(state)
    if (key === sent && !force) return
    sent = key
    void tell({ type: "sidebar.state", ...state })
  }

  const openFrame = () => {
    if (frame) return
    try {
      // The worker's messages (layout, insert, resend) are about the frame: heard from now on. A page where nobody
      // shows up never touches chrome.runtime, whose first use costs the host page about a millisecond.
      listen()
      // The rep's caret in a compose is remembered from now on, before any click in the sidebar takes the focus.
      tracker = trackComposeCaret(compose, document)
      stopTracker = tracker.subscribe(() => sendState())
      frame = addSidebarFrame(document)
      sendState(true)
    } catch {
      // The extension was reloaded (no runtime to build the frame's URL): nothing to show.
    }
  }

  const layout = (mode: SidebarMode) => {
    if (!frame) return false
    sizeSidebarFrame(frame, mode)
    // The host page makes room for what Relay shows, so that it covers nothing; with nothing shown it has its whole width back.
    makeRoom(parts.docked, frameWidth(mode))
    return true
  }

  const insert = (link: { url?: unknown; text?: unknown }) => {
    if (!tracker || typeof link?.url !== "string" || typeof link.text !== "string") return false
    // The caret the rep left in the compose (a click in the sidebar moved the focus, not the remembered spot).
    const range = tracker.range()
    return insertLink(findComposeBody(compose, document, range?.startContainer), { url: link.url, text: link.text }, range, insertOptions(compose))
  }

  const onMessage = (message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (response: unknown) => void) => {
    if (sender.id !== chrome.runtime.id) return
    const msg = message as ShellMessage | null
    switch (msg?.type) {
      case "relay.open":
        open()
        break
      case "relay.layout":
        sendResponse({ applied: modes.has(msg.mode) && layout(msg.mode) })
        break
      case "relay.insert":
        sendResponse({ inserted: insert(msg.link) })
        break
      case "relay.resend":
        sendState(true)
        break
    }
  }
  let listening = false
  function listen() {
    if (listening) return
    listening = true
    chrome.runtime.onMessage.addListener(onMessage)
  }
  const open = () => {
    askOverlay()
    openFrame()
  }

  let stopWatch: () => void = () => {}
  let switchedOff = false
  let overlayAsked = false
  const onContext = (next: PageContext) => {
    context = next
    if (next.people.length > 0) openFrame()
    sendState()
  }
  const startWatch = () => {
    stopWatch()
    try {
      stopWatch = watch((next) => {
        if (switchedOff) return
        // The overlay matters only where someone is (or should be) on screen: a list, a feed or a page with
        // nobody expected costs no round trip to the worker (the budget for those pages is 10 ms).
        if (next.people.length > 0 || next.strategy) askOverlay()
        onContext(next)
        reportStrategy(next)
      })
    } catch {
      // A watcher that cannot start means "nothing detected", never an exception in the host page.
      stopWatch = () => {}
    }
  }

  // The signed selector overlay arrives after the first detection that expects someone (a round trip to the
  // worker); when it changes a list, detection runs again with it. An overlay that switches the site off
  // empties the page.
  const applyFromWorker = (overlay: SiteOverlay | null | undefined) => {
    if (siteSwitchedOff(overlay)) {
      switchedOff = true
      stopWatch()
      stopWatch = () => {}
      onContext(emptyContext(site))
      return
    }
    if (applyOverlay(selectors, overlay).lists.length > 0) startWatch()
  }
  function askOverlay() {
    if (overlayAsked) return
    overlayAsked = true
    void tell({ type: "sites.overlay", site }).then((res) => {
      const r = res as { ok?: boolean; data?: SiteOverlay | null } | undefined
      if (r?.ok) applyFromWorker(r.data)
    })
  }
  startWatch()

  const shell: Shell = {
    site,
    context: () => context,
    frame: () => frame,
    open,
    stop: () => {
      stopWatch()
      stopTracker()
      tracker?.stop()
      if (listening) chrome.runtime.onMessage.removeListener(onMessage)
      frame?.remove()
      makeRoom(parts.docked, 0)
      if (shared[SHELL] === shell) delete shared[SHELL]
    },
  }
  shared[SHELL] = shell
  return shell
}

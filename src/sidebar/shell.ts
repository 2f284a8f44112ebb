// The part of Relay that runs on every Gmail / Outlook / LinkedIn page: the site's watcher and
// this shell, nothing else. Plain TypeScript, no React: the sidebar bundle (React, react-query)
// is injected by the worker only once there is someone to show or the rep asks for it
// (DESIGN.md, "Performance rules").
import type { SiteOverlay } from "../shared/contracts/sites-config"
import { emptyContext, type PageContext, type Site } from "../shared/page-context"
import { applyOverlay, shareOverlay, siteSwitchedOff, type SelectorModule } from "../sites/overlay"
import { isRelayCommand, publish, relayChannel, type RelayChannel } from "./relay-channel"

export type Watch = (onChange: (ctx: PageContext) => void) => () => void

/** The message the worker forwards to the tab when the rep presses the toggle shortcut. */
export const TOGGLE_MESSAGE = "relay.toggle"
/** The message the worker forwards for the manifest's other commands: `{ type, command: "log-call" }`. */
export const COMMAND_MESSAGE = "relay.command"

export interface Shell {
  channel: RelayChannel
  stop: () => void
}

/**
 * Selector health: tells the worker which strategy answered (or "none" when the site's app was on screen
 * and nobody was found). Only site, view and strategy leave the page: never who, never the URL.
 */
function reportStrategy(context: PageContext) {
  if (!context.strategy) return
  try {
    const message = { type: "health.detected", site: context.site, view: context.view, strategy: context.strategy }
    Promise.resolve(chrome.runtime.sendMessage(message)).catch(() => {})
  } catch {
    // The extension was reloaded: nothing to count with.
  }
}

/**
 * `selectors` is the site's selectors.ts module: the worker's signed overlay (if any) adds to its lists,
 * or switches the site off, without a new release of Relay.
 */
export function startShell(site: Site, watch: Watch, selectors?: SelectorModule): Shell {
  const channel = relayChannel(site)
  if (channel.started) return { channel, stop: () => {} }
  channel.started = true
  channel.site = site

  const requestInject = () => {
    if (channel.injected || channel.mounted) return
    channel.injected = true
    const refused = () => {
      // The worker may be restarting; the next detection or shortcut tries again.
      channel.injected = false
    }
    try {
      Promise.resolve(chrome.runtime.sendMessage({ type: "sidebar.inject" }))
        .then((res: { ok?: boolean } | undefined) => {
          if (!res?.ok) refused()
        })
        .catch(refused)
    } catch {
      // The extension was reloaded or updated: this orphaned script has nothing left to talk to.
      refused()
    }
  }

  const onMessage = (message: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== chrome.runtime.id) return
    const msg = message as { type?: unknown; command?: unknown } | null
    if (msg?.type === TOGGLE_MESSAGE || msg?.type === COMMAND_MESSAGE) askOverlay()
    if (msg?.type === TOGGLE_MESSAGE) {
      if (channel.mounted) {
        publish(channel, { type: "toggle" })
      } else {
        channel.open = true
        requestInject()
      }
    } else if (msg?.type === COMMAND_MESSAGE && isRelayCommand(msg.command)) {
      // Kept on the channel either way: the sidebar takes it once whatever handles it has mounted.
      publish(channel, { type: "command", command: msg.command })
      if (!channel.mounted) {
        channel.open = true
        requestInject()
      }
    }
  }
  chrome.runtime.onMessage.addListener(onMessage)

  let stopWatch: () => void = () => {}
  let switchedOff = false
  let overlayAsked = false
  const startWatch = () => {
    stopWatch()
    try {
      stopWatch = watch((context) => {
        if (switchedOff) return
        publish(channel, { type: "context", context })
        // The overlay matters only where someone is (or should be) on screen: a list, a feed or a page with
        // nobody expected costs no round trip to the worker (the budget for those pages is 10 ms).
        if (context.people.length > 0 || context.strategy) askOverlay()
        if (context.people.length > 0) requestInject()
        reportStrategy(context)
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
    if (!selectors) return
    if (siteSwitchedOff(overlay)) {
      switchedOff = true
      stopWatch()
      stopWatch = () => {}
      publish(channel, { type: "context", context: emptyContext(site) })
      return
    }
    shareOverlay(site, overlay)
    if (applyOverlay(selectors, overlay).lists.length > 0) startWatch()
  }
  function askOverlay() {
    if (!selectors || overlayAsked) return
    overlayAsked = true
    try {
      Promise.resolve(chrome.runtime.sendMessage({ type: "sites.overlay", site }))
        .then((res: { ok?: boolean; data?: SiteOverlay | null } | undefined) => res?.ok && applyFromWorker(res.data))
        .catch(() => {})
    } catch {
      // The extension was reloaded: keep the built-in selectors.
    }
  }
  startWatch()

  return {
    channel,
    stop: () => {
      stopWatch()
      chrome.runtime.onMessage.removeListener(onMessage)
      channel.started = false
    },
  }
}

// The tab the rep is looking at: what a keyboard shortcut (manifest "commands") and the popup's "Open Relay on this
// page" act on. One rule for both, so that the popup's button takes the shortcut's own route.

/** The part of chrome.windows this needs. */
export interface WindowsApi {
  getLastFocused(query: chrome.windows.QueryOptions): Promise<chrome.windows.Window>
}

type Tab = Pick<chrome.tabs.Tab, "id" | "url" | "pendingUrl" | "active">

const activeIn = (w: { tabs?: Tab[] } | undefined) => w?.tabs?.find((t) => t.active)

/**
 * The active tab of the window the rep was in last, unless that window shows one of Relay's own pages (the popup
 * opened in a window of its own): then the active tab of the last focused normal window, the page behind it.
 * Not normal windows only: a site installed as an app runs in a popup-type window, and the shortcut works there.
 */
export async function findActiveTab(windows: WindowsApi, runtimeId: string): Promise<Tab | undefined> {
  const last = activeIn(await windows.getLastFocused({ populate: true }).catch(() => undefined))
  const own = `chrome-extension://${runtimeId}/`
  if (last && !(last.url ?? last.pendingUrl ?? "").startsWith(own)) return last
  return activeIn(await windows.getLastFocused({ populate: true, windowTypes: ["normal"] }).catch(() => undefined))
}

// The service worker: the only owner of network, token and storage (DESIGN.md). This file only
// builds the pieces and wires Chrome's events to them; the logic lives in the modules it imports.
import { findActiveTab } from "./active-tab"
import { createApiClient } from "./api-client"
import { createAuth, readConfig } from "./auth"
import { clearCache, openDb } from "./db"
import { healthDue, nextHealthAlarm, recordDetection, sendHealth } from "./health"
import { createMessageHandler } from "./messages"
import { Outbox, sendVia } from "./outbox"
import { readCachedContext } from "./messages/lookup"
import { createSidebarTabs } from "./sidebar-tabs"
import { createSitesOverlay } from "./sites-config"

const OUTBOX_ALARM = "relay-outbox"
const HEALTH_ALARM = "relay-selector-health"
/** Chrome (120+) will not fire an alarm sooner than this; shorter waits use a timer while the worker is alive. */
const MIN_ALARM_MS = 30_000

// Content scripts could read chrome.storage.local by default; the token is for the worker only.
chrome.storage.local.setAccessLevel?.({ accessLevel: "TRUSTED_CONTEXTS" }).catch(() => {})

const store = chrome.storage.local
const db = openDb()
// Any answer after a failed attempt means the backend is back: send what waited, without waiting for backoff.
const api = createApiClient({ getConfig: () => readConfig(store), onReachable: () => wakeAndFlush() })

let timer: ReturnType<typeof setTimeout> | undefined
async function afterOutboxChange() {
  const s = await outbox.status()
  const failed = s.failed.length
  await chrome.action?.setBadgeText({ text: s.pending > 0 ? String(s.pending) : failed > 0 ? "!" : "" })
  await chrome.action?.setBadgeBackgroundColor({ color: failed > 0 && s.pending === 0 ? "#c62828" : "#1a56db" })
  const next = await outbox.nextDueAt()
  clearTimeout(timer)
  if (next === null) {
    await chrome.alarms.clear(OUTBOX_ALARM)
    return
  }
  const wait = Math.max(0, next - Date.now())
  // The alarm survives the worker being stopped; the timer only makes short waits short.
  await chrome.alarms.create(OUTBOX_ALARM, { when: Date.now() + Math.max(wait, MIN_ALARM_MS) })
  if (wait < MIN_ALARM_MS) timer = setTimeout(kickFlush, wait + 50)
}

const outbox = new Outbox({ db, send: sendVia(api), onChange: afterOutboxChange, owner: () => auth.identity() })
function kickFlush() {
  outbox.flush().catch((e) => console.warn("[relay] outbox flush failed", e))
}
function wakeAndFlush() {
  outbox.wake().then(kickFlush, kickFlush)
}

const auth = createAuth({
  store,
  api,
  clearCache: () => clearCache(db),
  onSignedIn: () => {
    wakeAndFlush()
    void sites.refresh()
  },
})
/**
 * The shortcut (or the popup's "Open Relay on this page") on a page with nobody on it: the shell listens to the worker
 * only once it has a frame (a page where nobody shows up never touches chrome.runtime), so the worker asks it to add
 * one by running a line in the content scripts' world, where the shell keeps itself under a symbol
 * (src/sidebar/shell.ts). Resolves false where there is no shell.
 */
async function openShell(tabId: number, { frameId, documentId }: { frameId: number; documentId?: string }): Promise<unknown> {
  const [result] = await chrome.scripting.executeScript({
    target: documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] },
    func: () => {
      const shell = (globalThis as unknown as Record<symbol, { open?: () => void } | undefined>)[Symbol.for("relay.shell")]
      shell?.open?.()
      return !!shell?.open
    },
  })
  return result?.result
}

const sidebars = createSidebarTabs({
  runtimeId: chrome.runtime.id,
  sendToShell: (tabId, message, target) =>
    message.type === "relay.open"
      ? openShell(tabId, target)
      : chrome.tabs.sendMessage(tabId, message, target.documentId ? { documentId: target.documentId } : { frameId: target.frameId }),
  readCached: (person) => readCachedContext(db, person),
  activeTab: () => findActiveTab(chrome.windows, chrome.runtime.id),
  shellMatches: (chrome.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []),
})

const version = chrome.runtime.getManifest().version
// Built in at build time; without it no selector overlay is ever accepted.
const sites = createSitesOverlay({ store, api, publicKey: process.env.PLASMO_PUBLIC_SITES_KEY || undefined })
const handle = createMessageHandler(
  {
    db,
    api,
    outbox,
    auth,
    sidebars,
    kickFlush,
    openOptionsPage: () => chrome.runtime.openOptionsPage(),
    recordDetection: (d) => recordDetection(db, d, version),
    sites,
  },
  chrome.runtime.id,
)

/** Sends finished days of selector health, then sets the alarm for the next one. */
function sendHealthIfDue() {
  healthDue(db)
    .then((due) => (due ? sendHealth(db, api) : undefined))
    .catch((e) => console.warn("[relay] selector health not sent", e))
    .finally(() => chrome.alarms.create(HEALTH_ALARM, { when: nextHealthAlarm() }).catch(() => {}))
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  handle(message, sender).then(sendResponse)
  return true // we answer asynchronously
})

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === OUTBOX_ALARM) kickFlush()
  if (alarm.name === HEALTH_ALARM) sendHealthIfDue()
})
// A browser start is a fresh chance for everything that waited, whatever its backoff said.
chrome.runtime.onStartup.addListener(wakeAndFlush)
chrome.runtime.onInstalled.addListener(kickFlush)
self.addEventListener("online", wakeAndFlush)

chrome.tabs.onRemoved.addListener((tabId) => sidebars.forgetTab(tabId))
// The sidebar frames (src/tabs/sidebar.tsx) each keep a port open to hear their tab's state.
chrome.runtime.onConnect.addListener((port) => sidebars.connect(port as never))

// Keyboard shortcuts (manifest "commands") act on the page the rep is looking at; the popup's "Open Relay on this
// page" goes the same way (the "sidebar.open" message).
chrome.commands?.onCommand.addListener(async (command) => {
  if (command !== "toggle-sidebar" && command !== "log-call") return
  await sidebars.commandActiveTab(command)
})

// The worker starts for many reasons (a message, an alarm, the browser starting): each is a chance to send.
kickFlush()
sendHealthIfDue()

// Builds the worker's pieces the way index.ts does, minus chrome: a fake server, a fresh
// IndexedDB (fake-indexeddb), a Map for chrome.storage.local.
import { createApiClient } from "../../../src/background/api-client"
import { createAuth, type KeyValueStore } from "../../../src/background/auth"
import { clearCache, openDb } from "../../../src/background/db"
import { createMessageHandler } from "../../../src/background/messages"
import type { WorkerContext } from "../../../src/background/messages/context"
import { Outbox, sendVia } from "../../../src/background/outbox"
import { recordDetection } from "../../../src/background/health"
import { readCachedContext } from "../../../src/background/messages/lookup"
import { createSidebarTabs } from "../../../src/background/sidebar-tabs"
import { createSitesOverlay } from "../../../src/background/sites-config"
import type { ShellMessage } from "../../../src/shared/sidebar-protocol"
import { createFakeServer } from "./fake-server"

export const RUNTIME_ID = "abcdefghijklmnopabcdefghijklmnop"
export const fromPage = { id: RUNTIME_ID, url: `chrome-extension://${RUNTIME_ID}/options.html`, origin: `chrome-extension://${RUNTIME_ID}` }
/** The toolbar popup (no tab of its own). */
export const fromPopup = { id: RUNTIME_ID, url: `chrome-extension://${RUNTIME_ID}/popup.html`, origin: `chrome-extension://${RUNTIME_ID}` }
export const fromContentScript = {
  id: RUNTIME_ID,
  url: "https://mail.google.com/mail/u/0/#inbox",
  origin: "https://mail.google.com",
  tab: { id: 7 } as chrome.tabs.Tab,
  frameId: 0,
  documentId: "doc-1",
}

/** Relay's sidebar page framed in tab 7 (src/tabs/sidebar.tsx). */
export const fromSidebarFrame = {
  id: RUNTIME_ID,
  url: `chrome-extension://${RUNTIME_ID}/tabs/sidebar.html`,
  origin: `chrome-extension://${RUNTIME_ID}`,
  tab: { id: 7, url: "https://mail.google.com/mail/u/0/#inbox" } as chrome.tabs.Tab,
  frameId: 12,
}

export function memoryStore(init: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(init))
  return {
    data,
    get: async (keys) => Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, data.get(k)])),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) data.set(k, v)
    },
    remove: async (keys) => {
      for (const k of keys) data.delete(k)
    },
  }
}

export function createTestWorker(opts: { signedIn?: boolean; sitesKey?: string; now?: () => number } = {}) {
  const server = createFakeServer()
  const store = memoryStore(
    opts.signedIn === false
      ? {}
      : {
          "relay.backendUrl": "https://relay.test",
          "relay.token": server.token,
          "relay.me": { user: { id: "u", name: "Rita Rep", email: "rep@acme.test", role: "rep" }, org: { id: "o", name: "Acme Sales" } },
        },
  )
  const db = openDb(`worker-${Math.random()}`)
  const api = createApiClient({
    getConfig: async () => {
      const v = await store.get(["relay.backendUrl", "relay.token"])
      return v["relay.backendUrl"] ? { baseUrl: v["relay.backendUrl"] as string, token: (v["relay.token"] as string) ?? null } : null
    },
    fetch: server.fetch,
  })
  const outbox = new Outbox({ db, send: sendVia(api) })
  /** What the worker sent to a tab's shell, and what the shell answers (by default: nothing, as with no shell). */
  const toShell: { tabId: number; message: ShellMessage; target: { frameId: number; documentId?: string } }[] = []
  let shell: (message: ShellMessage) => unknown = () => Promise.reject(new Error("Could not establish connection. Receiving end does not exist."))
  /** The tab the rep is looking at (none at first); its URL as Chrome shows it to Relay (none without host permission). */
  let activeTab: { id?: number; url?: string } | undefined
  const sidebars = createSidebarTabs({
    runtimeId: RUNTIME_ID,
    sendToShell: async (tabId, message, target) => {
      toShell.push({ tabId, message, target })
      return shell(message)
    },
    now: opts.now,
    readCached: (person) => readCachedContext(db, person),
    activeTab: async () => activeTab,
    shellMatches: ["https://mail.google.com/*", "https://outlook.office.com/*", "https://www.linkedin.com/*", "http://localhost:8797/demo/gmail*"],
  })
  let flushes = 0
  const sites = createSitesOverlay({ store, api, publicKey: opts.sitesKey, now: opts.now })
  const auth = createAuth({ store, api, clearCache: () => clearCache(db) })
  const ctx: WorkerContext = {
    db,
    api,
    outbox,
    auth,
    sidebars,
    openOptionsPage: async () => {},
    kickFlush: () => void flushes++,
    recordDetection: (d) => recordDetection(db, d, "1.2.3"),
    sites,
  }
  const handle = createMessageHandler(ctx, RUNTIME_ID)
  const answerAsShell = (f: (message: ShellMessage) => unknown) => void (shell = f)
  const lookAt = (tab: { id?: number; url?: string } | undefined) => void (activeTab = tab)
  return { server, store, db, api, outbox, auth, sidebars, toShell, answerAsShell, lookAt, ctx, handle, sites, flushes: () => flushes }
}

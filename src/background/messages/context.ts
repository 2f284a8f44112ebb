// What message handlers get to work with, and the shape of a handler.
import type { Request, Responses } from "../../shared/messages"
import type { ApiClient } from "../api-client"
import type { Auth } from "../auth"
import type { RelayDb } from "../db"
import type { Outbox } from "../outbox"
import type { SidebarTabs } from "../sidebar-tabs"
import type { SitesOverlayStore } from "../sites-config"

export interface WorkerContext {
  db: RelayDb
  api: ApiClient
  outbox: Outbox
  auth: Auth
  /** Carries state and requests between a tab's shell and its sidebar frame. */
  sidebars: SidebarTabs
  openOptionsPage: () => Promise<void>
  /** Starts a flush without waiting for it (the item is safe in IndexedDB either way). */
  kickFlush: () => void
  /** Counts one detection for selector health (src/background/health.ts). */
  recordDetection: (d: { site: string; view: string; strategy: string }) => Promise<void>
  /** The signed selector overlay (src/background/sites-config.ts). */
  sites: SitesOverlayStore
}

export type Sender = chrome.runtime.MessageSender

export type Handler<T extends Request["type"]> = (req: Extract<Request, { type: T }>, sender: Sender, ctx: WorkerContext) => Promise<Responses[T]>
export type Handlers = { [T in Request["type"]]: Handler<T> }

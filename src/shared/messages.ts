// The messages the content scripts, options page and popup send to the background worker.
// The worker parses every one with these schemas and checks the sender (DESIGN.md, "Security rules").
import * as z from "zod"
import { ActivityInput } from "./contracts/activities"
import { Bant, HandoffInput, LeadFeedbackInput } from "./contracts/handoff"
import type { ContactContext, EventsPage, SearchResult } from "./contracts/contacts"
import type { Me } from "./contracts/me"
import { Stage, Uuid } from "./contracts/common"
import { AssetFeedbackInput, AssetKind, ShareCode, ShareInput } from "./contracts/assets"
import type { AssetSearchResult, RecommendationsResult, ShareList } from "./contracts/assets"
import { healthSites, healthStrategies, healthViews } from "./contracts/health"
import type { OverlayStatus, SiteOverlay } from "./contracts/sites-config"
import { LinkToInsert, PageContextSchema, SidebarMode, SidebarPlan } from "./sidebar-messages"

export const PersonKey = z.union([z.object({ email: z.string().min(3).max(320) }), z.object({ linkedin: z.string().min(1).max(500) })])
export type PersonKey = z.infer<typeof PersonKey>

export const Request = z.discriminatedUnion("type", [
  /** The cached context, at once, without touching the network (null when never seen). */
  z.object({ type: z.literal("lookup.cached"), person: PersonKey }),
  /** The context from the backend; refreshes the cache. */
  z.object({ type: z.literal("lookup"), person: PersonKey }),
  z.object({ type: z.literal("contact.get"), id: Uuid }),
  z.object({ type: z.literal("events.page"), contactId: Uuid, before: z.string().max(200).optional(), eventType: z.string().max(40).optional() }),
  z.object({ type: z.literal("search"), q: z.string().min(1).max(200) }),
  /** Writes to the outbox first; the worker sends it when it can. */
  z.object({ type: z.literal("activity.log"), activity: ActivityInput }),
  z.object({ type: z.literal("handoff"), contactId: Uuid, input: HandoffInput }),
  z.object({ type: z.literal("feedback"), contactId: Uuid, input: LeadFeedbackInput }),
  z.object({ type: z.literal("bant"), contactId: Uuid, bant: Bant }),
  /** Enablement content for this person; `context` is the conversation on screen (subject + snippet), never stored. */
  z.object({ type: z.literal("recommendations"), contactId: Uuid, context: z.string().max(2000).optional() }),
  z.object({ type: z.literal("assets.search"), q: z.string().max(200), kind: AssetKind.optional(), stage: Stage.optional() }),
  z.object({ type: z.literal("shares.list"), contactId: Uuid }),
  /**
   * A share with a client-made id and link code: queued in the outbox and answered at once with the
   * tracked link, so the rep can paste it even offline. `title` only labels the item in the popup.
   */
  z.object({ type: z.literal("share"), share: ShareInput.extend({ code: ShareCode }), title: z.string().max(300).optional() }),
  z.object({ type: z.literal("asset.feedback"), input: AssetFeedbackInput.extend({ id: Uuid }), title: z.string().max(300).optional() }),
  z.object({ type: z.literal("outbox.status") }),
  z.object({ type: z.literal("outbox.discard"), id: z.string().max(100) }),
  z.object({ type: z.literal("outbox.retry"), id: z.string().max(100) }),
  z.object({ type: z.literal("auth.status") }),
  z.object({ type: z.literal("auth.signIn"), backendUrl: z.url().max(500), token: z.string().min(10).max(500) }),
  z.object({ type: z.literal("auth.signOut") }),
  /** From a site's shell (content script): who is on screen now and whether a compose is open; the worker passes it to the tab's sidebar frame. */
  z.object({ type: z.literal("sidebar.state"), context: PageContextSchema, canInsert: z.boolean() }),
  /** From the sidebar frame: how much room it needs now; the worker passes it to the shell, which sizes the frame and the page. */
  z.object({ type: z.literal("sidebar.layout"), mode: SidebarMode, plan: SidebarPlan.optional() }),
  /** From the sidebar frame: put this tracked link at the rep's caret in the open compose (the shell writes it). */
  z.object({ type: z.literal("compose.insert"), link: LinkToInsert }),
  /** Opens Relay's settings page (content scripts cannot call chrome.runtime.openOptionsPage). */
  z.object({ type: z.literal("options.open") }),
  /** A site's detector reported who is on screen: counted for selector health (which strategy, never who). */
  z.object({ type: z.literal("health.detected"), site: z.enum(healthSites), view: z.enum(healthViews), strategy: z.enum(healthStrategies) }),
  /** A site's script asks for its part of the signed selector overlay (checked by the worker), or null. */
  z.object({ type: z.literal("sites.overlay"), site: z.enum(healthSites) }),
  /** The popup: which overlay is in use and whether one was refused; "sites.refresh" checks the backend first. */
  z.object({ type: z.literal("sites.status") }),
  z.object({ type: z.literal("sites.refresh") }),
  /** The popup: whether the tab the rep is looking at is a page Relay runs on (its "Open Relay on this page" is off elsewhere). */
  z.object({ type: z.literal("sidebar.target") }),
  /** The popup's "Open Relay on this page": the sidebar in that tab, by the keyboard shortcut's own route. */
  z.object({ type: z.literal("sidebar.open") }),
])
export type Request = z.infer<typeof Request>

export type ErrorCode = "signed_out" | "not_found" | "offline" | "http" | "invalid" | "forbidden"
export type Response<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; status?: number } }

export interface Cached<T> {
  data: T
  cachedAt: string
}
export interface OutboxItemView {
  id: string
  kind: string
  contactId: string
  createdAt: string
  state: "pending" | "failed"
  attempts: number
  error?: string
  summary: string
}
export interface OutboxStatus {
  pending: number
  failed: OutboxItemView[]
  items: OutboxItemView[]
}
export interface AuthStatus {
  signedIn: boolean
  backendUrl: string | null
  me: Me | null
  reachable: boolean | null
}

/** What each request answers with. */
export interface Responses {
  "lookup.cached": Cached<ContactContext> | null
  lookup: ContactContext
  "contact.get": ContactContext
  "events.page": EventsPage
  search: SearchResult
  "activity.log": { queued: true; pending: number }
  handoff: { queued: true; pending: number }
  feedback: { queued: true; pending: number }
  bant: { queued: true; pending: number }
  recommendations: RecommendationsResult
  "assets.search": AssetSearchResult
  "shares.list": ShareList
  share: { queued: true; pending: number; url: string }
  "asset.feedback": { queued: true; pending: number }
  "outbox.status": OutboxStatus
  "outbox.discard": OutboxStatus
  "outbox.retry": OutboxStatus
  "auth.status": AuthStatus
  "auth.signIn": AuthStatus
  "auth.signOut": AuthStatus
  "sidebar.state": { frames: number }
  "sidebar.layout": { applied: boolean }
  "compose.insert": { inserted: boolean }
  "options.open": { opened: true }
  "health.detected": { counted: true }
  "sites.overlay": SiteOverlay | null
  "sites.status": OverlayStatus
  "sites.refresh": OverlayStatus
  "sidebar.target": { relayPage: boolean }
  "sidebar.open": { opened: boolean }
}

// Injects the React sidebar into a tab only when a site's tiny content script found someone to
// show (DESIGN.md, "Performance rules"). The sidebar is a Plasmo content script whose config
// matches only a placeholder host, so Chrome never loads it by itself; we find its built file in
// the manifest and inject that.
import { ApiError } from "./api-client"

export const SIDEBAR_PLACEHOLDER_MATCH = "https://relay.invalid/*"

type Manifest = { content_scripts?: { matches?: string[]; js?: string[] }[] }

/** The sidebar bundle's file name in the built manifest, or null when the build has none. */
export function sidebarBundleFile(manifest: Manifest): string | null {
  const entry = manifest.content_scripts?.find((c) => c.matches?.includes(SIDEBAR_PLACEHOLDER_MATCH))
  return entry?.js?.[0] ?? null
}

export interface InjectorDeps {
  executeScript: (injection: { target: { tabId: number; frameIds: number[] }; files: string[] }) => Promise<unknown>
  getManifest: () => Manifest
}

export interface InjectSender {
  tab?: { id?: number }
  frameId?: number
  documentId?: string
  url?: string
}

export function createInjector(d: InjectorDeps) {
  // Frames we injected into, by document: a navigation makes a new document and needs a new bundle.
  // Lost when the worker stops; the bundle guards against a second copy itself.
  const done = new Set<string>()
  const key = (tabId: number, frameId: number, documentId?: string) => `${tabId}:${frameId}:${documentId ?? ""}`

  return {
    /** `injected: true` when this call injected the bundle, false when it was already there. */
    async inject(sender: InjectSender): Promise<{ injected: boolean }> {
      const tabId = sender.tab?.id
      const frameId = sender.frameId ?? 0
      if (tabId === undefined || tabId < 0) throw new ApiError("invalid", "sidebar.inject must come from a content script in a tab")
      const k = key(tabId, frameId, sender.documentId)
      if (done.has(k)) return { injected: false }
      const file = sidebarBundleFile(d.getManifest())
      if (!file) throw new ApiError("not_found", `The sidebar bundle is missing from the manifest (no content script matching ${SIDEBAR_PLACEHOLDER_MATCH})`)
      done.add(k)
      try {
        await d.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] })
      } catch (e) {
        done.delete(k)
        throw new ApiError("http", `Could not add the sidebar to this page: ${e instanceof Error ? e.message : String(e)}`)
      }
      return { injected: true }
    },
    forgetTab(tabId: number) {
      for (const k of done) if (k.startsWith(`${tabId}:`)) done.delete(k)
    },
  }
}

export type Injector = ReturnType<typeof createInjector>

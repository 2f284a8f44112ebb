// Sign-in state: the backend origin and the token, in chrome.storage.local of the extension's own
// origin. Only the worker reads the token; pages and content scripts get AuthStatus, never it.
import type { Me } from "../shared/contracts/me"
import type { AuthStatus } from "../shared/messages"
import { ApiError, normaliseBackendUrl, type ApiClient, type ApiConfig } from "./api-client"
import { allowedBackend, BackendUrlError } from "./backend-url"

/** The slice of chrome.storage.StorageArea we use (tests pass a Map-backed fake). */
export interface KeyValueStore {
  get(keys: string[]): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
  remove(keys: string[]): Promise<void>
}

const K = { url: "relay.backendUrl", token: "relay.token", me: "relay.me" } as const
export const DEFAULT_BACKEND_URL = "http://localhost:8787"

/** The API client's view of the stored credentials; null until a backend URL is known. */
export async function readConfig(store: KeyValueStore): Promise<ApiConfig | null> {
  const v = await store.get([K.url, K.token])
  const baseUrl = typeof v[K.url] === "string" ? (v[K.url] as string) : null
  // A plain-http backend elsewhere than this computer (saved before the rule) gets nothing, not even the token.
  if (!baseUrl || !allowedBackend(baseUrl)) return null
  return { baseUrl, token: typeof v[K.token] === "string" ? (v[K.token] as string) : null }
}

export interface AuthDeps {
  store: KeyValueStore
  api: ApiClient
  /** Drops cached contact data (sign-out, or signing in as someone else). */
  clearCache: () => Promise<void>
  /** After a successful sign-in: send what waited in the outbox. */
  onSignedIn?: () => void
}

export function createAuth(d: AuthDeps) {
  async function stored() {
    const v = await d.store.get([K.url, K.token, K.me])
    const backendUrl = typeof v[K.url] === "string" ? (v[K.url] as string) : null
    // Kept to prefill the form, but a backend the rule refuses is signed out until the rep moves to https.
    const usable = !!backendUrl && allowedBackend(backendUrl)
    return {
      backendUrl,
      token: usable && typeof v[K.token] === "string" ? (v[K.token] as string) : null,
      me: usable ? ((v[K.me] as Me | undefined) ?? null) : null,
    }
  }

  async function reachable(baseUrl: string | null): Promise<boolean | null> {
    if (!baseUrl || !allowedBackend(baseUrl)) return null
    try {
      await d.api.health({ baseUrl, token: null }, 3000)
      return true
    } catch {
      return false
    }
  }

  return {
    /** Who is signed in where ("<backend>|<user id>"), or null: the outbox sends an item only under the identity that made it. */
    async identity(): Promise<string | null> {
      const s = await stored()
      return s.backendUrl && s.token && s.me ? `${s.backendUrl}|${s.me.user.id}` : null
    },

    /** The signed-in backend's origin (tracked links live there), or null before the first sign-in. */
    async backendUrl(): Promise<string | null> {
      return (await stored()).backendUrl
    },

    async status(): Promise<AuthStatus> {
      const s = await stored()
      const signedIn = !!s.token && !!s.me
      return { signedIn, backendUrl: s.backendUrl, me: signedIn ? s.me : null, reachable: await reachable(s.backendUrl) }
    },

    /** Checks the token against GET /me before storing anything. */
    async signIn(backendUrl: string, token: string): Promise<AuthStatus> {
      let baseUrl: string
      try {
        baseUrl = normaliseBackendUrl(backendUrl)
      } catch (e) {
        throw new ApiError("invalid", e instanceof BackendUrlError ? e.message : "That backend URL is not valid: use something like https://relay.example.com")
      }
      token = token.trim()
      let me: Me
      try {
        me = await d.api.me({ baseUrl, token })
      } catch (e) {
        if (e instanceof ApiError && e.code === "signed_out") throw new ApiError("signed_out", "That token was not accepted", 401)
        if (e instanceof ApiError && e.code === "offline") throw new ApiError("offline", `Cannot reach ${baseUrl}`)
        if (e instanceof ApiError && e.code === "not_found")
          throw new ApiError("not_found", `${baseUrl} does not look like a Relay backend (no /api/v1/me)`, 404)
        throw e
      }
      const prev = await stored()
      // Someone else's (or another server's) contacts must not show up for this account.
      if (prev.backendUrl !== baseUrl || prev.me?.user.id !== me.user.id) await d.clearCache()
      await d.store.set({ [K.url]: baseUrl, [K.token]: token, [K.me]: me })
      d.onSignedIn?.()
      return { signedIn: true, backendUrl: baseUrl, me, reachable: true }
    },

    /** Forgets the token and the cached contacts; keeps the URL to prefill the form. The outbox stays. */
    async signOut(): Promise<AuthStatus> {
      await d.store.remove([K.token, K.me])
      await d.clearCache()
      const s = await stored()
      return { signedIn: false, backendUrl: s.backendUrl, me: null, reachable: await reachable(s.backendUrl) }
    },
  }
}

export type Auth = ReturnType<typeof createAuth>

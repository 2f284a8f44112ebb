// Where Relay may send the API token. Every request carries the token and every answer carries
// contacts' names, scores and history, so they travel over https. Plain http is allowed only to a
// backend on the rep's own computer (loopback never leaves the machine), which is how the demo and
// development run; anywhere else anyone on the network path (public Wi-Fi, a proxy) could read both.

/** Hosts that are this computer; `URL.hostname` spells IPv6 with brackets. */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "[::1]"]

export const HTTP_ONLY_LOCAL =
  "Relay sends your API token and your contacts' details to the backend, so it must use https://. " +
  "Plain http:// is allowed only for a backend on this computer (localhost, 127.0.0.1 or [::1])."
export const INVALID_URL = "That backend URL is not valid: use something like https://relay.example.com"

export class BackendUrlError extends Error {}

/** "relay.example.com/x" → "https://relay.example.com", "localhost:8787" → "http://localhost:8787"; throws BackendUrlError. */
export function backendOrigin(input: string): string {
  let s = input.trim()
  if (!s) throw new BackendUrlError(INVALID_URL)
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = (/^(localhost|127\.|\[::1\])/i.test(s) ? "http://" : "https://") + s
  let u: URL
  try {
    u = new URL(s)
  } catch {
    throw new BackendUrlError(INVALID_URL)
  }
  if (u.protocol === "https:") return u.origin
  if (u.protocol === "http:" && LOOPBACK_HOSTS.includes(u.hostname)) return u.origin
  throw new BackendUrlError(u.protocol === "http:" ? HTTP_ONLY_LOCAL : INVALID_URL)
}

/** Whether a stored origin may still be used (one saved before this rule counts as signed out). */
export function allowedBackend(origin: string): boolean {
  try {
    return backendOrigin(origin) === origin
  } catch {
    return false
  }
}

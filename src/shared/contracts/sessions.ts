import * as z from "zod"
import { dayMs } from "../days"

// Dashboard sign-in: an API token is exchanged once for a session cookie. The names and lifetimes
// live here so the server and the dashboard agree on them.

/** HttpOnly, so the dashboard's scripts never see it; the browser sends it same-origin only (SameSite=Strict). */
export const sessionCookie = "relay_session"

/**
 * A cookie-authenticated write must carry this header (any value; the dashboard sends "1"). A cross-site
 * form cannot set a header, and a cross-site script cannot send one without a CORS preflight we refuse.
 */
export const writeHeader = "X-Relay-Request"

/** A session ends after this long without a request (sliding: each request moves it on)... */
export const sessionIdleMs = 12 * 3_600_000
/** ...and at the latest this long after sign-in, however active it is. */
export const sessionLifetimeMs = 7 * dayMs

export const SessionCreate = z.object({
  token: z.string().trim().min(1, "give the API token to sign in with").max(200),
})
export type SessionCreate = z.infer<typeof SessionCreate>

/** Failed sign-ins allowed per client address in a window; then 429 until the window ends. */
export const signInFailuresAllowed = 10
export const signInWindowMs = 15 * 60_000

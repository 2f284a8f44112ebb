import type { Handlers } from "./context"

export const authHandlers: Pick<Handlers, "auth.status" | "auth.signIn" | "auth.signOut" | "options.open"> = {
  "auth.status": (_r, _s, { auth }) => auth.status(),
  "auth.signIn": (req, _s, { auth }) => auth.signIn(req.backendUrl, req.token),
  "auth.signOut": (_r, _s, { auth }) => auth.signOut(),
  "options.open": async (_r, _s, { openOptionsPage }) => {
    await openOptionsPage()
    return { opened: true as const }
  },
}

// Enablement content: reads go straight to the backend; a share and a "helped?" answer go through the
// outbox like every other write. A share is answered at once with its tracked link, built from the
// client-made code, so the rep can paste it while the backend is slow or unreachable.
import { ApiError } from "../api-client"
import type { Handlers } from "./context"
import { queue } from "./outbox"

export const contentHandlers: Pick<Handlers, "recommendations" | "assets.search" | "shares.list" | "share" | "asset.feedback"> = {
  recommendations: (req, _s, { api }) => api.recommendations(req.contactId, { context: req.context }),
  "assets.search": (req, _s, { api }) => api.assets({ q: req.q, kind: req.kind, stage: req.stage }),
  "shares.list": (req, _s, { api }) => api.shares(req.contactId),
  share: async (req, _s, ctx) => {
    const base = await ctx.auth.backendUrl()
    if (!base) throw new ApiError("signed_out", "Not signed in: open Relay's settings and sign in")
    const { share, title } = req
    const { item } = await ctx.outbox.enqueue({ id: share.id, contactId: share.contactId, payload: { kind: "share", share, ...(title ? { title } : {}) } })
    ctx.kickFlush()
    // A repeated id keeps the first item: answer with the code that will actually be recorded.
    const code = item.payload.kind === "share" ? item.payload.share.code : share.code
    return { queued: true as const, pending: await ctx.outbox.pendingCount(), url: `${base.replace(/\/+$/, "")}/r/${code}` }
  },
  "asset.feedback": (req, _s, ctx) => {
    const { input, title } = req
    return queue(ctx, { id: input.id, contactId: input.contactId, payload: { kind: "asset_feedback", input, ...(title ? { title } : {}) } })
  },
}

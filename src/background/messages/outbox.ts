// Writes: into the outbox first, then a send attempt in the background. The answer says "queued",
// never "sent": the popup and the badge show what is still waiting.
import type { EnqueueInput } from "../outbox"
import type { Handlers, WorkerContext } from "./context"

export async function queue(ctx: WorkerContext, input: EnqueueInput) {
  await ctx.outbox.enqueue(input)
  ctx.kickFlush()
  return { queued: true as const, pending: await ctx.outbox.pendingCount() }
}

export const outboxHandlers: Pick<Handlers, "activity.log" | "handoff" | "feedback" | "bant" | "outbox.status" | "outbox.retry" | "outbox.discard"> = {
  "activity.log": (req, _s, ctx) =>
    queue(ctx, { id: req.activity.id, contactId: req.activity.contactId, payload: { kind: "activity", activity: req.activity } }),
  handoff: (req, _s, ctx) => {
    // The body id makes the server dedupe a resend; the UI may pass its own to dedupe a double click.
    const id = req.input.id ?? crypto.randomUUID()
    return queue(ctx, { id, contactId: req.contactId, payload: { kind: "handoff", input: { ...req.input, id } } })
  },
  feedback: (req, _s, ctx) => {
    const id = req.input.id ?? crypto.randomUUID()
    return queue(ctx, { id, contactId: req.contactId, payload: { kind: "feedback", input: { ...req.input, id } } })
  },
  bant: (req, _s, ctx) => queue(ctx, { id: crypto.randomUUID(), contactId: req.contactId, payload: { kind: "bant", bant: req.bant } }),
  "outbox.status": (_r, _s, { outbox }) => outbox.status(),
  "outbox.retry": async (req, _s, ctx) => {
    if (await ctx.outbox.retry(req.id)) ctx.kickFlush()
    return ctx.outbox.status()
  },
  "outbox.discard": async (req, _s, { outbox }) => {
    await outbox.discard(req.id)
    return outbox.status()
  },
}

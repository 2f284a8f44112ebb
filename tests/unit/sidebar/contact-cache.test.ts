// The sync state of the rep's own log is data on the cached item (`sync`), not words in its `by`:
// reconcile() follows the outbox by that field alone, and the timeline renders the badge from it.
import { describe, expect, it } from "vitest"
import type { ActivityInput } from "../../../src/shared/contracts/activities"
import type { ContactContext } from "../../../src/shared/contracts/contacts"
import type { OutboxItemView, OutboxStatus } from "../../../src/shared/messages"
import { timelineItemFor } from "../../../src/sidebar/features/log/activity"
import { insertActivity, reconcile, type ShownItem } from "../../../src/sidebar/shared/contact-cache"
import { contactKeys } from "../../../src/sidebar/shared/query-keys"
import { createQueryClient } from "../../../src/sidebar/query-client"
import { danaContext, ids } from "./fixtures"

const call: ActivityInput = {
  id: "0b6f8a5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b",
  contactId: ids.dana,
  type: "call",
  occurredAt: new Date().toISOString(),
  outcome: "left_voicemail",
}

const status = (...items: Pick<OutboxItemView, "id" | "state">[]): OutboxStatus => ({
  pending: items.filter((i) => i.state === "pending").length,
  failed: [],
  items: items.map((i) => ({ ...i, kind: "activity", contactId: ids.dana, createdAt: call.occurredAt, attempts: 0, summary: "" })),
})

function cached() {
  const client = createQueryClient()
  const key = [...contactKeys.all, "test"]
  client.setQueryData<ContactContext>(key, danaContext)
  const events = () => client.getQueryData<ContactContext>(key)!.events as ShownItem[]
  return { client, events }
}

describe("the rep's own log in the contact cache", () => {
  it("reads as the backend's line will (same title) and carries its outbox state as data", () => {
    expect(timelineItemFor(call, "pending")).toEqual({
      id: call.id,
      side: "sales",
      type: "call",
      occurredAt: call.occurredAt,
      title: "Call — left voicemail",
      detail: null,
      by: "you",
      sync: "pending",
    })
    expect(timelineItemFor(call, undefined)).not.toHaveProperty("sync")
  })

  it("follows the outbox: pending, then refused, then gone once the backend has it", async () => {
    const { client, events } = cached()
    insertActivity(client, ids.dana, timelineItemFor(call, "pending"))
    expect(events()[0]).toMatchObject({ id: call.id, by: "you", sync: "pending" })

    await reconcile(client, status({ id: call.id, state: "failed" }))
    expect(events()[0]).toMatchObject({ id: call.id, by: "you", sync: "failed" })

    await reconcile(client, status())
    expect(events()[0]).toMatchObject({ id: call.id, by: "you" })
    expect(events()[0]).not.toHaveProperty("sync")
  })

  it("leaves the backend's lines alone whatever their `by` says", async () => {
    const { client, events } = cached()
    const odd = { ...danaContext.events[0], id: "from-the-backend", by: "you · waiting to sync" }
    insertActivity(client, ids.dana, odd)
    await reconcile(client, status())
    expect(events()[0]).toEqual(odd)
  })
})

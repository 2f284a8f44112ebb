// Shares and "helped?" answers made in this tab since the sidebar loaded. They are in the worker's
// outbox (maybe not on the server yet), so the "Shared with" list shows them until shares.list has them.
import { create } from "zustand"

export interface SessionShare {
  id: string
  assetId: string
  contactId: string
  channel: string
  sharedAt: string
  url: string
  assetTitle: string
  assetKind: string
}

interface SessionSharesState {
  shares: SessionShare[]
  /** `${contactId}|${assetId}` → what the rep answered. */
  feedback: Record<string, boolean>
  add: (s: SessionShare) => void
  rated: (contactId: string, assetId: string, helped: boolean) => void
}

export const feedbackKey = (contactId: string, assetId: string) => `${contactId}|${assetId}`

export const useSessionShares = create<SessionSharesState>()((set) => ({
  shares: [],
  feedback: {},
  add: (s) => set((st) => ({ shares: [s, ...st.shares.filter((x) => x.id !== s.id)] })),
  rated: (contactId, assetId, helped) => set((st) => ({ feedback: { ...st.feedback, [feedbackKey(contactId, assetId)]: helped } })),
}))

// Where a write the rep just made stands: in the outbox, refused, or with the backend.
import type { ItemState } from "./use-outbox-status"

const text: Record<ItemState, string> = {
  pending: "Waiting to sync",
  failed: "Not synced — see the list at the top",
  synced: "Saved",
}

export function SyncState({ state, saved = text.synced }: { state: ItemState | undefined; saved?: string }) {
  if (!state) return null
  return <span className={`sync sync-${state}`}>{state === "synced" ? saved : text[state]}</span>
}

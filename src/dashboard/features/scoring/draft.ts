import type { Settings } from "../../../shared/contracts/settings"

/** Changes the draft settings: `change` edits a copy in place. */
export type SetDraft = (change: (d: Settings) => void) => void

/** An input's handler that writes its number (empty reads as 0) where `put` says. */
export const numberInto =
  (set: SetDraft, put: (d: Settings, n: number) => void) =>
  (n: number | undefined): void =>
    set((d) => put(d, n ?? 0))

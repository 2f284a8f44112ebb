// The MQL threshold a marketer is trying out on the calibration page. A draft only: nothing is saved
// until they change it on the Scoring page. Kept outside the page so it survives a trip to another report.
import { create } from "zustand"

interface ThresholdState {
  /** null until they move the slider: the preview then starts from the org's current threshold. */
  draft: number | null
  setDraft: (threshold: number | null) => void
}

export const useThresholdStore = create<ThresholdState>()((set) => ({
  draft: null,
  setDraft: (draft) => set({ draft }),
}))

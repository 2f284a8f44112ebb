// What the content library page has open: the asset being edited ("new" for a new one) and the CSV import.
import { create } from "zustand"

interface LibraryState {
  editing: string | "new" | null
  importing: boolean
  edit: (id: string | "new" | null) => void
  setImporting: (open: boolean) => void
}

export const useLibraryStore = create<LibraryState>()((set) => ({
  editing: null,
  importing: false,
  edit: (editing) => set({ editing, importing: false }),
  setImporting: (importing) => set({ importing, editing: null }),
}))

// Moved to src/sidebar/shared/sync-state.tsx. Kept only for features/handoff, whose files another
// change owns: remove it, with its entries in tests/unit/sidebar/feature-imports.test.ts, once they
// import from ../../shared/sync-state.
export { SyncState } from "../../shared/sync-state"

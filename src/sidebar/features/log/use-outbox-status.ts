// Moved to src/sidebar/shared/use-outbox-status.ts. Kept only for features/handoff, whose files
// another change owns: remove it, with its entries in tests/unit/sidebar/feature-imports.test.ts,
// once they import from ../../shared/use-outbox-status.
export { itemState, latestState, outboxKeys, useOutboxStatus } from "../../shared/use-outbox-status"

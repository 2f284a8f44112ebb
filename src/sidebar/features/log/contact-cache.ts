// Moved to src/sidebar/shared/contact-cache.ts. Kept only for features/handoff, whose files another
// change owns: remove it, with its entry in tests/unit/sidebar/feature-imports.test.ts, once they
// import from ../../shared/contact-cache.
export { patchContext } from "../../shared/contact-cache"

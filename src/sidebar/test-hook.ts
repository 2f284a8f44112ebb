// The end-to-end tests' only way into the sidebar. Its shadow root is closed, so neither the host
// page nor Playwright's locators can reach it; e2e builds (`plasmo build --tag=e2e`) keep the root on
// the content scripts' isolated world, where the tests evaluate through the DevTools protocol
// (tests/e2e/sidebar-locator.ts). The host page's main world never sees it, not even in e2e builds.
// Other builds drop this code: Parcel inlines PLASMO_TAG and the minifier removes the dead branch.

export interface RelayTestHook {
  root: ShadowRoot
}

declare global {
  var __relayTest: RelayTestHook | undefined
}

export function exposeForTests(root: ShadowRoot) {
  if (process.env.PLASMO_TAG === "e2e") globalThis.__relayTest = { root }
}

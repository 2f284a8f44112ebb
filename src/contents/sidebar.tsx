// The sidebar bundle (React). Never matched by Chrome: the worker injects it on demand when a
// site's tiny shell asks (`sidebar.inject`), into the same isolated world, where it reads the
// shell's channel (src/sidebar/relay-channel.ts).
import { createRoot } from "react-dom/client"
import type { PlasmoCSConfig, PlasmoCreateShadowRoot, PlasmoGetShadowHostId, PlasmoGetStyle, PlasmoMountShadowHost, PlasmoRender } from "plasmo"
import { Sidebar } from "../sidebar/app"
import { relayChannel } from "../sidebar/relay-channel"
import { sidebarCss } from "../sidebar/styles"
import { exposeForTests } from "../sidebar/test-hook"

export const config: PlasmoCSConfig = { matches: ["https://relay.invalid/*"] }

const HOST_ID = "relay-sidebar"

export const getShadowHostId: PlasmoGetShadowHostId = () => HOST_ID

/**
 * Closed, so the host page's scripts (Gmail's, Outlook's, LinkedIn's) cannot read names, scores,
 * history or BANT through `element.shadowRoot`: with mode "closed" it is null from their world.
 */
export const createShadowRoot: PlasmoCreateShadowRoot = (shadowHost) => {
  const root = shadowHost.attachShadow({ mode: "closed" })
  exposeForTests(root)
  return root
}

export const getStyle: PlasmoGetStyle = () => {
  const style = document.createElement("style")
  style.textContent = sidebarCss
  return style
}

/** A fixed overlay docked right; the host page's own elements, styles and layout stay untouched. */
export const mountShadowHost: PlasmoMountShadowHost = ({ shadowHost }) => {
  const host = shadowHost as HTMLElement
  const fixed: Record<string, string> = {
    display: "block",
    position: "fixed",
    top: "0",
    right: "0",
    height: "100vh",
    "z-index": "2147483646",
    "pointer-events": "none",
    margin: "0",
    padding: "0",
    border: "0",
  }
  for (const [name, value] of Object.entries(fixed)) host.style.setProperty(name, value, "important")
  // Typing in the sidebar must not reach the host's single-key shortcuts (Gmail: "c" composes, "r" replies).
  for (const type of ["keydown", "keypress", "keyup"]) host.addEventListener(type, (e) => e.stopPropagation())
  document.documentElement.append(host)
}

export const render: PlasmoRender<unknown> = async ({ anchor, createRootContainer }) => {
  const channel = relayChannel()
  if (channel.mounted || document.getElementById(HOST_ID) || !createRootContainer || !anchor) return
  channel.mounted = true
  createRoot(await createRootContainer(anchor)).render(<Sidebar />)
}

export default Sidebar

// The sidebar page: chrome-extension://<id>/tabs/sidebar.html, framed by a site's shell on the host page
// (src/sidebar/frame.ts). It runs in the extension's own renderer process, so its React costs the host page's
// main thread nothing, and the host cannot read it (another origin). What it shows comes from the worker
// (src/sidebar/worker-link.ts), never from messages the host page could post to this window.
import { Sidebar } from "../sidebar/app"
import { sidebarCss } from "../sidebar/styles"
import { connectToWorker } from "../sidebar/worker-link"

// At once, before React mounts: the tab's state is on its way while the bundle renders.
connectToWorker()

const style = document.createElement("style")
style.textContent = sidebarCss
document.head.append(style)
document.title = "Relay"

export default function SidebarPage() {
  return <Sidebar />
}

// Renders the whole sidebar against a fake worker, with a fresh channel, stores and query client.
import { render } from "@testing-library/react"
import { createQueryClient } from "../../../src/sidebar/query-client"
import { Sidebar } from "../../../src/sidebar/app"
import { publish, relayChannel } from "../../../src/sidebar/relay-channel"
import { useLayoutStore } from "../../../src/sidebar/stores/layout"
import { usePersonStore } from "../../../src/sidebar/stores/person"
import type { PageContext } from "../../../src/shared/page-context"
import { FakeWorker, type WorkerData } from "./fake-worker"

export function resetSidebar(keepChannel = false) {
  if (!keepChannel) globalThis.__relay = undefined
  useLayoutStore.setState({ hydrated: false, collapsed: false, summoned: false })
  usePersonStore.setState({ selected: null, matches: {} })
}

/** `keepChannel`: the page's channel as the test set it up (e.g. what the worker sent with the first state). */
export function renderSidebar(context: PageContext, data: WorkerData | FakeWorker = {}, { keepChannel = false } = {}) {
  resetSidebar(keepChannel)
  const worker = data instanceof FakeWorker ? data : new FakeWorker(data)
  worker.install()
  const channel = relayChannel(context.site)
  publish(channel, { type: "context", context })
  const queryClient = createQueryClient()
  const view = render(<Sidebar queryClient={queryClient} />)
  return { ...view, worker, channel, queryClient }
}

// Renders the whole dashboard at a URL against a fake backend, with a fresh query client and stores.
import { render } from "@testing-library/react"
import { vi } from "vitest"
import { Dashboard } from "../../../src/dashboard/app"
import { createQueryClient } from "../../../src/dashboard/api/query-client"
import { useLibraryStore } from "../../../src/dashboard/stores/library"
import { useThresholdStore } from "../../../src/dashboard/stores/threshold"
import type { Me } from "../../../src/shared/contracts/me"
import { FakeApi } from "./fake-api"
import { filterOptions } from "./fixtures"

// jsdom has no layout: Recharts' ResponsiveContainer needs a ResizeObserver to exist (it draws nothing at size 0).
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

export function renderDashboard(url: string, api: FakeApi, me: Me | null) {
  vi.stubGlobal("ResizeObserver", NoResizeObserver)
  // jsdom does not scroll; the shell scrolls to the top on each new page.
  vi.spyOn(window, "scrollTo").mockImplementation(() => {})
  useLibraryStore.setState({ editing: null, importing: false })
  useThresholdStore.setState({ draft: null })
  if (api.has("GET /api/v1/me")) {
    // the test answers "who am I" itself
  } else if (me) api.ok("GET /api/v1/me", me)
  else api.fail("GET /api/v1/me", 401, "unauthorized", "sign in first")
  if (!api.has("GET /api/v1/analytics/filters")) api.ok("GET /api/v1/analytics/filters", filterOptions)
  api.install()
  window.history.replaceState(null, "", url)
  const queryClient = createQueryClient()
  const view = render(<Dashboard queryClient={queryClient} />)
  return { ...view, api, queryClient }
}

/** The path and query string the app is at. */
export const currentUrl = () => `${window.location.pathname}${window.location.search}`

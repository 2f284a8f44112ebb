import { lazy, Suspense } from "react"
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query"
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router-dom"
import { SignInPage } from "./features/session/sign-in-page"
import { useMe } from "./features/session/use-me"
import { PageHeader, Shell } from "./layout/shell"
import { ErrorBox, Skeleton } from "./ui/states"

// Each page is its own chunk: the sign-in page and the first report load without the charts and
// tables of the others (Recharts alone is a third of the code).
const ContentUsagePage = lazy(() => import("./features/content-usage/content-usage-page").then((m) => ({ default: m.ContentUsagePage })))
const AssetSharesPage = lazy(() => import("./features/content-usage/asset-shares-page").then((m) => ({ default: m.AssetSharesPage })))
const InfluencePage = lazy(() => import("./features/influence/influence-page").then((m) => ({ default: m.InfluencePage })))
const HandoffPage = lazy(() => import("./features/handoff/handoff-page").then((m) => ({ default: m.HandoffPage })))
const CalibrationPage = lazy(() => import("./features/calibration/calibration-page").then((m) => ({ default: m.CalibrationPage })))
const RepActivityPage = lazy(() => import("./features/rep-activity/rep-activity-page").then((m) => ({ default: m.RepActivityPage })))
const LibraryPage = lazy(() => import("./features/library/library-page").then((m) => ({ default: m.LibraryPage })))
const SelectorHealthPage = lazy(() => import("./features/selector-health/selector-health-page").then((m) => ({ default: m.SelectorHealthPage })))
const ScoringPage = lazy(() => import("./features/scoring/scoring-page").then((m) => ({ default: m.ScoringPage })))

export function Dashboard({ queryClient, basename = "/dashboard" }: { queryClient: QueryClient; basename?: string }) {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename={basename}>
        <Session />
      </BrowserRouter>
    </QueryClientProvider>
  )
}

function Session() {
  const me = useMe()
  if (me.isPending) {
    return (
      <div className="boot" role="status">
        Loading Relay…
      </div>
    )
  }
  if (me.isError) {
    return (
      <main className="signin">
        <ErrorBox title="The Relay server could not be reached" error={me.error} retry={() => void me.refetch()} />
      </main>
    )
  }
  if (!me.data) return <SignInPage />
  return (
    <Shell me={me.data}>
      <Suspense fallback={<Skeleton label="Loading the page" />}>
        <Routes>
          <Route path="/" element={<Navigate to="/content-usage" replace />} />
          <Route path="/content-usage" element={<ContentUsagePage />} />
          <Route path="/content-usage/:assetId" element={<AssetSharesPage />} />
          <Route path="/influence" element={<InfluencePage />} />
          <Route path="/handoff" element={<HandoffPage />} />
          <Route path="/calibration" element={<CalibrationPage />} />
          <Route path="/rep-activity" element={<RepActivityPage />} />
          <Route path="/library" element={<LibraryPage me={me.data} />} />
          <Route path="/scoring" element={<ScoringPage me={me.data} />} />
          <Route path="/selector-health" element={<SelectorHealthPage me={me.data} />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Shell>
  )
}

function NotFound() {
  const location = useLocation()
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is no dashboard page at <code>{location.pathname}</code>. Pick a page from the list on the left.
      </p>
    </>
  )
}

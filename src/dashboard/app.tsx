import { QueryClientProvider, type QueryClient } from "@tanstack/react-query"
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router-dom"
import { SignInPage } from "./features/session/sign-in-page"
import { useMe } from "./features/session/use-me"
import { ContentUsagePage } from "./features/content-usage/content-usage-page"
import { AssetSharesPage } from "./features/content-usage/asset-shares-page"
import { InfluencePage } from "./features/influence/influence-page"
import { HandoffPage } from "./features/handoff/handoff-page"
import { CalibrationPage } from "./features/calibration/calibration-page"
import { RepActivityPage } from "./features/rep-activity/rep-activity-page"
import { LibraryPage } from "./features/library/library-page"
import { ScoringPage } from "./features/scoring/scoring-page"
import { PageHeader, Shell } from "./layout/shell"
import { ErrorBox } from "./ui/states"

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
        <Route path="*" element={<NotFound />} />
      </Routes>
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

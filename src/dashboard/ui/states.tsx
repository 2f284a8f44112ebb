// Loading, failure and emptiness, said the same way on every page.
import type { ReactNode } from "react"

/** Grey blocks shaped like what is coming, so the page does not jump when it arrives. */
export function Skeleton({ label = "Loading", rows = 3 }: { label?: string; rows?: number }) {
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-label={label}>
      <div className="skeleton-stats">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="skeleton-block stat-shape" />
        ))}
      </div>
      <div className="skeleton-block chart-shape" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-block row-shape" />
      ))}
    </div>
  )
}

/** What went wrong in the server's words, and a way to try again. */
export function ErrorBox({ title = "This could not be loaded", error, retry }: { title?: string; error: Error; retry?: () => void }) {
  return (
    <div className="error-box" role="alert">
      <strong>{title}</strong>
      <p>{error.message}</p>
      {retry && (
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  )
}

/** Nothing to show, and what to do about it. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <strong>{title}</strong>
      {children && <p>{children}</p>}
    </div>
  )
}

/** The part of a react-query result `Loaded` reads (plain and infinite queries alike). */
interface QueryLike<T> {
  isPending: boolean
  isError: boolean
  error: Error | null
  data: T | undefined
  refetch: () => unknown
}

/**
 * A report's body once its data is there: the skeleton while it loads, the server's error with "Try again" when it
 * failed, otherwise `children(data)`.
 */
export function Loaded<T>({
  query,
  loading,
  failed,
  rows,
  children,
}: {
  query: QueryLike<T>
  /** What is loading, for screen readers: "Loading content usage". */
  loading: string
  /** What could not be loaded: "Content usage could not be loaded". */
  failed: string
  rows?: number
  children: (data: T) => ReactNode
}) {
  if (query.isPending) return <Skeleton label={loading} rows={rows} />
  if (query.isError || query.data === undefined)
    return <ErrorBox title={failed} error={query.error ?? new Error("No answer")} retry={() => void query.refetch()} />
  return <>{children(query.data)}</>
}

// The states around a contact: loading, signed out, offline without a saved copy, errors.
import { useEffect } from "react"
import { useQueryClient } from "@tanstack/react-query"
import { useAuthStatus } from "../../use-auth-status"
import { contactKeys } from "../../shared/query-keys"

export function Loading() {
  return (
    <div className="skeleton" aria-busy="true" role="status">
      <p className="muted small">Loading…</p>
      <div className="bone bone-title" />
      <div className="bone" />
      <div className="bone bone-short" />
      <div className="bone bone-block" />
    </div>
  )
}

export function SignedOut() {
  const client = useQueryClient()
  const auth = useAuthStatus({ poll: true })
  const signedIn = auth.data?.signedIn === true
  useEffect(() => {
    // Signed in on the options page meanwhile: ask again for whoever is on screen.
    if (signedIn) void client.invalidateQueries({ queryKey: contactKeys.all })
  }, [signedIn, client])
  return (
    <section className="card state" aria-labelledby="relay-signed-out">
      <h2 id="relay-signed-out">Sign in to Relay</h2>
      <p>Open the Relay extension options to sign in. This panel updates once you are signed in.</p>
      <button type="button" className="button" onClick={() => void client.invalidateQueries({ queryKey: contactKeys.all })}>
        Check again
      </button>
    </section>
  )
}

export function ErrorState({ title, message, onRetry }: { title: string; message?: string; onRetry: () => void }) {
  return (
    <section className="card state" role="alert">
      <h2>{title}</h2>
      {message && <p className="muted">{message}</p>}
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </section>
  )
}

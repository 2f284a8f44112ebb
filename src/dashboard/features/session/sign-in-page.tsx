import { useState, type FormEvent } from "react"
import { useSignIn } from "./use-sign-in"

export function SignInPage() {
  const [token, setToken] = useState("")
  const signIn = useSignIn()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (token.trim()) signIn.mutate(token.trim())
  }
  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <div className="brand brand-large" aria-hidden="true">
          Relay
        </div>
        <h1 id="signin-title">Sign in to the dashboard</h1>
        <p className="muted">
          Paste your Relay API token. An admin creates one with <code>npm run relay -- token:create</code>; the demo tokens are in{" "}
          <code>demo-credentials.json</code> in the server's data folder.
        </p>
        <label className="field">
          <span>API token</span>
          <input type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} required autoFocus />
        </label>
        {signIn.isError && (
          <p role="alert" className="error-text">
            {signIn.error.message}
          </p>
        )}
        <button type="submit" className="button primary" disabled={signIn.isPending || !token.trim()}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </button>
        <p className="muted small">Your token is exchanged for a session that ends when you sign out; it is not stored in this browser.</p>
      </form>
    </main>
  )
}

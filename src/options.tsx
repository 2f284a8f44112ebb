// Relay's settings page: sign in to a backend with an API token. The token goes straight to the
// background worker, which checks it and keeps it; this page never stores anything itself.
import { useEffect, useState, type FormEvent } from "react"
import type { AuthStatus } from "./shared/messages"
import { ExtensionError, send } from "./shared/send"
import { BackendUrlError, backendOrigin } from "./background/backend-url"

const DEFAULT_BACKEND_URL = "http://localhost:8787"

/** The origin to sign in to, or why it cannot be one (see backend-url.ts for the http rule). */
function checkUrl(input: string): { origin: string; problem: null } | { origin: null; problem: string } {
  try {
    return { origin: backendOrigin(input), problem: null }
  } catch (e) {
    return { origin: null, problem: e instanceof BackendUrlError ? e.message : String(e) }
  }
}

const css = `
  :root { color-scheme: light dark; }
  body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: Canvas; color: CanvasText; }
  main { max-width: 34rem; margin: 3rem auto; padding: 0 1.5rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  p.lead { margin: 0 0 2rem; opacity: .75; }
  form { display: grid; gap: 1.1rem; }
  label { display: grid; gap: .35rem; font-weight: 600; }
  input { font: inherit; font-weight: 400; padding: .6rem .75rem; border: 1px solid #8886; border-radius: 8px; background: Field; color: FieldText; }
  input:focus { outline: 2px solid #1a56db; outline-offset: 1px; }
  .hint { font-weight: 400; font-size: .85rem; opacity: .7; }
  .field { display: grid; gap: .35rem; }
  .hint.problem { opacity: 1; color: #8a1c13; }
  button { font: inherit; font-weight: 600; padding: .6rem 1.2rem; border-radius: 8px; border: 1px solid transparent; cursor: pointer; justify-self: start; }
  button.primary { background: #1a56db; color: white; }
  button.secondary { background: transparent; border-color: #8888; color: inherit; }
  button:disabled { opacity: .6; cursor: default; }
  [role=alert] { padding: .75rem 1rem; border-radius: 8px; background: #fdecea; color: #8a1c13; }
  .note { padding: .75rem 1rem; border-radius: 8px; background: #fff8e1; color: #6b4e00; }
  .card { padding: 1.25rem; border: 1px solid #8884; border-radius: 12px; display: grid; gap: 1rem; }
`

export default function Options() {
  const [status, setStatus] = useState<AuthStatus | null>(null)
  const [url, setUrl] = useState(DEFAULT_BACKEND_URL)
  const [token, setToken] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  // Whether Relay may reach an origin, as last checked; `granted` is null until the current origin has been checked.
  const [access, setAccess] = useState<{ origin: string; granted: boolean } | null>(null)

  useEffect(() => {
    send({ type: "auth.status" })
      .then((s) => {
        setStatus(s)
        if (s.backendUrl) setUrl(s.backendUrl)
      })
      .catch((e) => setError(e instanceof Error ? e.message : String(e)))
  }, [])

  // Known before the click, so the click handler's first call can be permissions.request (it needs the user gesture).
  const { origin, problem: urlProblem } = checkUrl(url)
  const granted = origin && access?.origin === origin ? access.granted : null
  useEffect(() => {
    if (!origin) return
    let live = true
    chrome.permissions
      .contains({ origins: [`${origin}/*`] })
      .then((has) => live && setAccess({ origin, granted: has }))
      .catch(() => live && setAccess({ origin, granted: false }))
    return () => {
      live = false
    }
  }, [origin])

  async function signIn(e: FormEvent) {
    e.preventDefault()
    setError(null)
    setNote(null)
    if (!origin) return setError(urlProblem)
    if (token.trim().length < 10) return setError("Paste the API token you were given (it is at least 10 characters)")
    if (granted !== true) {
      let ok: boolean
      try {
        ok = await chrome.permissions.request({ origins: [`${origin}/*`] })
      } catch {
        ok = false
      }
      // The server answers extension origins with CORS headers, so sign-in may work without it.
      if (!ok) setNote(`Relay was not given access to ${origin}; trying anyway. If Relay cannot reach the backend, allow the site in the extension's settings.`)
      else setAccess({ origin, granted: true })
    }
    setBusy(true)
    try {
      const s = await send({ type: "auth.signIn", backendUrl: origin, token: token.trim() })
      setStatus(s)
      setToken("")
    } catch (err) {
      setError(err instanceof ExtensionError || err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  async function signOut() {
    setError(null)
    setNote(null)
    setBusy(true)
    try {
      setStatus(await send({ type: "auth.signOut" }))
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  const me = status?.signedIn ? status.me : null
  return (
    <main>
      <style>{css}</style>
      <h1>Relay settings</h1>
      <p className="lead">Connect Relay to your team's backend to see marketing history beside your conversations.</p>
      {error && <div role="alert">{error}</div>}
      {note && <p className="note">{note}</p>}
      {me ? (
        <section className="card" aria-label="Account">
          <div>
            Signed in as {me.user.name} ({me.user.email}), {me.org.name}
          </div>
          <div className="hint">Backend: {status?.backendUrl}</div>
          <button type="button" className="secondary" onClick={signOut} disabled={busy}>
            Sign out
          </button>
        </section>
      ) : (
        <form onSubmit={signIn} aria-label="Sign in" style={{ marginTop: error || note ? "1rem" : 0 }}>
          <div className="field">
            <label>
              Backend URL
              <input
                type="url"
                inputMode="url"
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                placeholder={DEFAULT_BACKEND_URL}
                autoComplete="url"
                required
                aria-invalid={url.trim() !== "" && !origin}
                aria-describedby="backend-url-why"
              />
            </label>
            <span id="backend-url-why" className={url.trim() !== "" && !origin ? "hint problem" : "hint"}>
              {url.trim() !== "" && urlProblem
                ? urlProblem
                : "Use https://. Plain http:// works only for a backend on this computer (localhost, 127.0.0.1 or [::1]): anywhere else your API token and your contacts' details would cross the network unencrypted, readable by anyone on the way."}
            </span>
          </div>
          <label>
            API token
            <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} required />
            <span className="hint">An admin creates tokens with the backend's CLI. It stays in this browser's extension storage.</span>
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      )}
    </main>
  )
}

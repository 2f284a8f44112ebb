// The toolbar popup: who is signed in, whether the backend answers, what waits to sync, and Relay on the page in front.
import { useCallback, useEffect, useState } from "react"
import type { OverlayStatus } from "./shared/contracts/sites-config"
import type { AuthStatus, OutboxStatus } from "./shared/messages"
import { send } from "./shared/send"

const css = `
  body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { width: 320px; padding: 14px 16px; display: grid; gap: 12px; }
  h1 { font-size: 15px; margin: 0; }
  .row { display: flex; align-items: center; gap: 8px; }
  .dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
  .muted { opacity: .7; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
  li { border: 1px solid #8884; border-radius: 8px; padding: 8px 10px; display: grid; gap: 4px; }
  .reason { color: #b3261e; font-size: 13px; }
  button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #8888; background: transparent; color: inherit; cursor: pointer; }
  button.primary { background: #1a56db; border-color: #1a56db; color: white; }
  button:disabled { opacity: .5; cursor: default; }
  [role=alert] { color: #b3261e; }
`

export default function Popup() {
  const [auth, setAuth] = useState<AuthStatus | null>(null)
  const [outbox, setOutbox] = useState<OutboxStatus | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [sites, setSites] = useState<OverlayStatus | null>(null)
  const [checking, setChecking] = useState(false)
  const [target, setTarget] = useState<{ relayPage: boolean } | null>(null)
  const [opening, setOpening] = useState(false)

  const refreshOutbox = useCallback(() => send({ type: "outbox.status" }).then(setOutbox), [])

  useEffect(() => {
    send({ type: "auth.status" })
      .then(setAuth)
      .catch((e) => setError(e.message))
    refreshOutbox().catch((e) => setError(e.message))
    send({ type: "sites.status" })
      .then(setSites)
      .catch(() => {})
    send({ type: "sidebar.target" })
      .then(setTarget)
      .catch(() => {})
    // While the popup is open, show items leaving the outbox as they sync.
    const t = setInterval(() => refreshOutbox().catch(() => {}), 3000)
    return () => clearInterval(t)
  }, [refreshOutbox])

  const act = (type: "outbox.retry" | "outbox.discard", id: string) =>
    send({ type, id })
      .then(setOutbox)
      .catch((e) => setError(e.message))

  const checkSelectors = () => {
    setChecking(true)
    send({ type: "sites.refresh" })
      .then(setSites)
      .catch((e) => setError(e.message))
      .finally(() => setChecking(false))
  }

  // The keyboard shortcut's route (the worker opens the sidebar in the tab in front); the popup is in the way after.
  const openHere = () => {
    setOpening(true)
    send({ type: "sidebar.open" })
      .then((r) => (r.opened ? window.close() : setError("Relay is not running on this page yet. Reload the page and try again.")))
      .catch((e) => setError(e.message))
      .finally(() => setOpening(false))
  }

  const openSettings = () => chrome.runtime.openOptionsPage()
  const me = auth?.signedIn ? auth.me : null

  return (
    <main>
      <style>{css}</style>
      <h1>Relay</h1>
      {error && <div role="alert">{error}</div>}
      {auth &&
        (me ? (
          <div>
            Signed in as {me.user.name} <span className="muted">({me.org.name})</span>
          </div>
        ) : (
          <div className="row">
            <span>Not signed in.</span>
            <button className="primary" onClick={openSettings}>
              Open settings
            </button>
          </div>
        ))}
      {target && (
        <section aria-label="This page" style={{ display: "grid", gap: 4 }}>
          <button
            className="primary"
            onClick={openHere}
            disabled={!target.relayPage || opening}
            aria-describedby={target.relayPage ? undefined : "not-a-relay-page"}
            style={{ justifySelf: "start" }}
          >
            Open Relay on this page
          </button>
          {!target.relayPage && (
            <span id="not-a-relay-page" className="muted">
              Relay opens on Gmail, Outlook on the web and LinkedIn.
            </span>
          )}
        </section>
      )}
      {auth && auth.reachable !== null && (
        <div className="row">
          <span className="dot" style={{ background: auth.reachable ? "#2e7d32" : "#c62828" }} aria-hidden />
          {auth.reachable ? "Backend reachable" : "Backend unreachable"}
        </div>
      )}
      {outbox && (
        <section aria-label="Sync" style={{ display: "grid", gap: 8 }}>
          <div>{outbox.pending > 0 ? `${outbox.pending} waiting to sync` : "Nothing waiting to sync"}</div>
          {outbox.failed.length > 0 && (
            <>
              <div className="muted">Not sent — needs you:</div>
              <ul>
                {outbox.failed.map((f) => (
                  <li key={f.id}>
                    <span>{f.summary}</span>
                    {f.error && <span className="reason">{f.error}</span>}
                    <span className="row">
                      <button onClick={() => act("outbox.retry", f.id)} aria-label={`Retry: ${f.summary}`}>
                        Retry
                      </button>
                      <button onClick={() => act("outbox.discard", f.id)} aria-label={`Discard: ${f.summary}`}>
                        Discard
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {me && sites && (
        <section aria-label="Selector updates" style={{ display: "grid", gap: 6 }}>
          <div className="row">
            <span>
              {sites.current.state === "applied"
                ? `Selector update ${sites.current.version} in use${sites.current.note ? `: ${sites.current.note}` : ""}`
                : "Built-in selectors (no update published)"}
            </span>
            <button onClick={checkSelectors} disabled={checking}>
              {checking ? "Checking…" : "Check now"}
            </button>
          </div>
          {sites.rejected && (
            <div role="alert" className="reason">
              Selector update ignored: {sites.rejected.reason}.
            </div>
          )}
        </section>
      )}
      {me && (
        <button onClick={openSettings} style={{ justifySelf: "start" }}>
          Settings
        </button>
      )}
    </main>
  )
}

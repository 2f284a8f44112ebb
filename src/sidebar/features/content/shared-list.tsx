// "Shared with <first name>": what this contact already received (from shares.list, plus this
// session's shares still in the outbox), one row per asset, and — for what this rep sent — whether
// it helped, with an optional note. That answer is what marketing sees on the content dashboard.
import { useEffect, useId, useState } from "react"
import type { ShareListItem } from "../../../shared/contracts/assets"
import { errorMessage } from "../../errors"
import { shortDateTime } from "../../format"
import { feedbackKey, useSessionShares, type SessionShare } from "./session-shares"
import { itemState, useOutboxStatus } from "../../shared/use-outbox-status"
import { channelLabel, kindLabel } from "./labels"
import { useAssetFeedback } from "./use-asset-feedback"
import { useShares } from "./use-shares"

interface Row {
  assetId: string
  title: string
  kind: string
  channel: string
  sharedAt: string
  times: number
  /** This rep shared it: only they can say whether it helped. */
  mine: boolean
  /** Made in this session and not listed by the server yet: still in the outbox, or refused by the server. */
  unsynced: boolean
  shareId: string
  helped: boolean | null
}

/** Newest share per asset; the server's list and this session's queued shares together. */
export function sharedRows(server: ShareListItem[], session: SessionShare[], contactId: string, answered: Record<string, boolean>): Row[] {
  const known = new Set(server.map((s) => s.id))
  const local = session.filter((s) => s.contactId === contactId && !known.has(s.id))
  const all = [
    ...local.map((s) => ({ ...s, byMe: true, unsynced: true, helped: null as boolean | null })),
    ...server.map((s) => ({ ...s, unsynced: false, helped: s.myFeedback?.helped ?? null })),
  ].sort((a, b) => b.sharedAt.localeCompare(a.sharedAt))
  const rows = new Map<string, Row>()
  for (const s of all) {
    const row = rows.get(s.assetId)
    if (row) {
      row.times++
      row.mine ||= s.byMe
      if (row.helped === null) row.helped = s.helped
      continue
    }
    rows.set(s.assetId, {
      assetId: s.assetId,
      title: s.assetTitle,
      kind: s.assetKind,
      channel: s.channel,
      sharedAt: s.sharedAt,
      times: 1,
      mine: s.byMe,
      unsynced: s.unsynced,
      helped: s.helped,
      shareId: s.id,
    })
  }
  for (const row of rows.values()) {
    const mine = answered[feedbackKey(contactId, row.assetId)]
    if (mine !== undefined) row.helped = mine
  }
  return [...rows.values()]
}

export function SharedList({ contactId, firstName, now }: { contactId: string; firstName: string; now: Date }) {
  const headingId = useId()
  const shares = useShares(contactId)
  const session = useSessionShares((s) => s.shares)
  const answered = useSessionShares((s) => s.feedback)
  const rows = sharedRows(shares.data?.items ?? [], session, contactId, answered)
  // This session's shares leave the outbox when the server has them: then ask for the list again.
  const outbox = useOutboxStatus()
  const waiting = rows.filter((r) => r.unsynced)
  const sent = waiting
    .filter((r) => itemState(outbox.data, r.shareId) === "synced")
    .map((r) => r.shareId)
    .join(",")
  const refetch = shares.refetch
  useEffect(() => {
    if (sent) void refetch()
  }, [sent, refetch])
  const states = Object.fromEntries(waiting.map((r) => [r.shareId, outbox.data?.items.find((i) => i.id === r.shareId)]))

  return (
    <section className="shared" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        Shared with {firstName}
      </h3>
      {shares.isError && <p className="muted small">Couldn't load earlier shares: {errorMessage(shares.error)}</p>}
      {rows.length === 0 && !shares.isPending && <p className="muted small">Nothing shared yet.</p>}
      {rows.length > 0 && (
        <ul className="shared-list">
          {rows.map((r) => (
            <SharedRow
              key={r.assetId}
              row={r}
              contactId={contactId}
              now={now}
              refused={states[r.shareId]?.state === "failed" ? (states[r.shareId]?.error ?? "refused") : undefined}
            />
          ))}
        </ul>
      )}
    </section>
  )
}

function SharedRow({ row, contactId, now, refused }: { row: Row; contactId: string; now: Date; refused?: string }) {
  const titleId = useId()
  const noteId = useId()
  const feedback = useAssetFeedback()
  const [note, setNote] = useState("")

  const answer = (helped: boolean) => {
    if (feedback.isPending) return
    feedback.mutate({ assetId: row.assetId, contactId, helped, note, title: row.title }, { onSuccess: () => setNote("") })
  }

  return (
    <li className="shared-item" aria-labelledby={titleId}>
      <div className="shared-head">
        <span id={titleId} className="shared-title">
          {row.title}
        </span>
        <span className="badge asset-kind">{kindLabel(row.kind)}</span>
      </div>
      <p className="shared-meta">
        {channelLabel(row.channel)} · {shortDateTime(new Date(row.sharedAt), now)}
        {row.times > 1 && ` · ${row.times} times`}
        {row.unsynced && !refused && <span className="sync sync-pending"> · Not synced yet</span>}
        {row.unsynced && refused && <span className="sync sync-failed"> · Not recorded: {refused}</span>}
      </p>
      {row.mine && row.helped !== null && <p className="shared-answer">You said it {row.helped ? "helped" : "didn't help"}.</p>}
      {row.mine && row.helped === null && (
        <div className="shared-feedback">
          <div className="field">
            <label htmlFor={noteId}>What happened?</label>
            <input id={noteId} type="text" placeholder="Optional" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="actions">
            <button type="button" className="button button-secondary button-small" disabled={feedback.isPending} onClick={() => answer(true)}>
              Helped
            </button>
            <button type="button" className="button button-secondary button-small" disabled={feedback.isPending} onClick={() => answer(false)}>
              Didn't help
            </button>
          </div>
          {feedback.isError && (
            <p role="alert" className="field-error">
              {errorMessage(feedback.error)}
            </p>
          )}
        </div>
      )}
    </li>
  )
}

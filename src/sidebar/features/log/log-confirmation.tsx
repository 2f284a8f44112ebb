// "Call logged" with an Undo for 10 seconds. The log is in the outbox already (it is never held
// back for the undo window); Undo discards it while the outbox still has it. Once sent it cannot
// be taken back from here — the API has no delete — and the rep is told so.
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import type { ActivityInput } from "../../../shared/contracts/activities"
import { errorMessage } from "../../errors"
import { activityText } from "./activity"
import { afterDiscard, discardOutboxItem } from "./use-outbox-discard"
import { freshOutboxStatus, outboxKeys } from "../../shared/use-outbox-status"

export const UNDO_MS = 10_000
/** How long the answer to an Undo stays up. */
const RESULT_MS = 8_000

type Phase = { kind: "logged" } | { kind: "undoing" } | { kind: "undone" } | { kind: "synced" } | { kind: "error"; message: string }

export function LogConfirmation({ activity, contactName, onClose }: { activity: ActivityInput; contactName: string; onClose: () => void }) {
  const client = useQueryClient()
  const [phase, setPhase] = useState<Phase>({ kind: "logged" })
  const text = activityText[activity.type]

  useEffect(() => {
    if (phase.kind === "undoing") return
    const id = setTimeout(onClose, phase.kind === "logged" ? UNDO_MS : RESULT_MS)
    return () => clearTimeout(id)
  }, [phase.kind, onClose])

  const undo = async () => {
    setPhase({ kind: "undoing" })
    try {
      const status = await freshOutboxStatus(client)
      const held = status.items.find((i) => i.id === activity.id)
      if (!held) return setPhase({ kind: "synced" })
      const after = await discardOutboxItem(activity.id)
      // The discard and the send may have crossed: if the worker still lists it, it was not undone.
      if (after.items.some((i) => i.id === activity.id)) {
        client.setQueryData(outboxKeys.status, after)
        return setPhase({ kind: "synced" })
      }
      await afterDiscard(client, activity.id, "activity", after)
      setPhase({ kind: "undone" })
    } catch (e) {
      setPhase({ kind: "error", message: errorMessage(e) })
    }
  }

  return (
    <div className={`log-confirm log-confirm-${phase.kind}`}>
      <p role="status">
        {phase.kind === "undone"
          ? `Undone — the ${text.noun} was not logged.`
          : phase.kind === "synced"
            ? "Already synced — it can't be undone from here."
            : phase.kind === "error"
              ? `Couldn't undo: ${phase.message}`
              : `${text.done} for ${contactName}.`}
      </p>
      {(phase.kind === "logged" || phase.kind === "undoing") && (
        <button type="button" className="link" disabled={phase.kind === "undoing"} onClick={() => void undo()}>
          Undo
        </button>
      )}
    </div>
  )
}

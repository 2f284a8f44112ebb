import type { Scope } from "../../shared/contracts/analytics"

/** Says so when a rep sees only their own numbers (the API's words). */
export function ScopeNote({ scope }: { scope: Scope }) {
  if (scope.kind !== "self") return null
  return (
    <p className="scope-note" role="note">
      {scope.note}
    </p>
  )
}

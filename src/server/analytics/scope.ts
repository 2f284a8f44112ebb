import type { Principal } from "../auth/service"
import type { ReportFilters, Scope } from "../../shared/contracts/analytics"
import { period, type Period } from "./period"

export const selfNote = "Only your own numbers: you are signed in as a rep"
export const orgNote = "The whole organization"

/** The filters a report runs with, after defaults and the rep scope. */
export interface Applied {
  orgId: string
  f: ReportFilters
  p: Period
  scope: Scope
  now: Date
}

/**
 * A rep sees only their own numbers whatever the query says: the rep filter is forced to them. Marketers
 * and admins see the whole org. The org always comes from the token, never from the query.
 */
export function applyScope(principal: Principal, q: ReportFilters, now: Date): Applied {
  const self = principal.role === "rep"
  const p = period(q, now)
  const f: ReportFilters = {
    from: p.from,
    to: p.to,
    ...pick(q, ["rep", "team", "stage", "assetKind", "tag", "campaign", "source"]),
    ...(self ? { rep: principal.userId } : {}),
  }
  return {
    orgId: principal.orgId,
    f,
    p,
    now,
    scope: { kind: self ? "self" : "org", note: self ? selfNote : orgNote, from: p.from, to: p.to, applied: f },
  }
}

function pick(q: ReportFilters, keys: (keyof ReportFilters)[]): ReportFilters {
  const out: ReportFilters = {}
  for (const k of keys) if (q[k] !== undefined) (out as Record<string, unknown>)[k] = q[k]
  return out
}

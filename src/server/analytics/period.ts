import { BadRequest } from "../errors"
import { dayMs, utcDay } from "../../shared/days"

/** Reports cover the last 90 days (today included) unless the query names a range. */
export const defaultDays = 90
/** A year and a bit: enough for any dashboard range, and it keeps one request's work bounded. */
export const maxDays = 731

export interface Period {
  from: string
  to: string
  /** Inclusive start, UTC midnight of `from`. */
  start: Date
  /** Exclusive end, UTC midnight after `to`. */
  end: Date
}

export function period(q: { from?: string; to?: string }, now: Date): Period {
  const to = q.to ?? (q.from ? utcDay(Math.max(Date.parse(q.from), Math.min(now.getTime(), Date.parse(q.from) + (defaultDays - 1) * dayMs))) : utcDay(now))
  const from = q.from ?? utcDay(Date.parse(to) - (defaultDays - 1) * dayMs)
  const start = new Date(`${from}T00:00:00Z`)
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + dayMs)
  if (start >= end) throw new BadRequest(`from (${from}) must not be after to (${to})`)
  if ((end.getTime() - start.getTime()) / dayMs > maxDays) throw new BadRequest(`a report covers at most ${maxDays} days; ${from}..${to} is longer`)
  return { from, to, start, end }
}

/** Monday of the ISO week holding `d` (UTC), as the reports label weeks. */
export function weekOf(d: Date): string {
  const dow = (d.getUTCDay() + 6) % 7
  return utcDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - dow * dayMs)
}

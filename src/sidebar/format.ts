// Dates and durations as a rep reads them, in the browser's locale and time zone.
import { dayMs } from "../shared/days"

const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate())

/** Whole local days between the two dates' calendar days (0 = same day). */
export function daysBetween(earlier: Date, later: Date): number {
  return Math.round((startOfDay(later).getTime() - startOfDay(earlier).getTime()) / dayMs)
}

export function clockTime(d: Date): string {
  return d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
}

/** "Today", "Yesterday", "Mon, 3 Mar" or, in another year, "3 Mar 2023". */
export function dayLabel(d: Date, now: Date): string {
  const days = daysBetween(d, now)
  if (days === 0) return "Today"
  if (days === 1) return "Yesterday"
  if (d.getFullYear() !== now.getFullYear()) return d.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" })
  return d.toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short" })
}

/** "14:05", "yesterday 14:05" or "3 Mar, 14:05". */
export function shortDateTime(d: Date, now: Date): string {
  const days = daysBetween(d, now)
  if (days === 0) return clockTime(d)
  if (days === 1) return `yesterday ${clockTime(d)}`
  const opts: Intl.DateTimeFormatOptions = { day: "numeric", month: "short" }
  if (d.getFullYear() !== now.getFullYear()) opts.year = "numeric"
  return `${d.toLocaleDateString(undefined, opts)}, ${clockTime(d)}`
}

/** "40 min", "3 h", "2 days". */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `${hours} h`
  return `${Math.round(hours / 24)} days`
}

// Days as the API and the database read them: UTC calendar days, written YYYY-MM-DD.

export const dayMs = 86_400_000

// Each day written once: an ingest batch asks for the day of every event, a few times each, and formatting a date
// per call was a noticeable part of its scoring. At most one entry per day from 1970 to 2099.
const written = new Map<number, string>()

/** The UTC day of a moment (a Date or epoch milliseconds), YYYY-MM-DD. */
export function utcDay(t: Date | number): string {
  const day = Math.floor((typeof t === "number" ? t : t.getTime()) / dayMs)
  let s = written.get(day)
  if (s === undefined) {
    s = new Date(day * dayMs).toISOString().slice(0, 10) // throws on an invalid date, as toISOString() does
    if (written.size < 50_000) written.set(day, s)
  }
  return s
}

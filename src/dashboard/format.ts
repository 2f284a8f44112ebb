// Numbers, rates and dates as a marketer reads them.
import type { Rate } from "../shared/contracts/analytics"
import { stageNames } from "../shared/lifecycle"

const int = new Intl.NumberFormat("en-US")

export const count = (n: number) => int.format(n)

/** 0.4213 → "42%" (one decimal under 10%, where a rounded 0% or 3% would hide too much). */
export function percent(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "–"
  const p = x * 100
  return `${p !== 0 && Math.abs(p) < 10 ? p.toFixed(1) : Math.round(p)}%`
}

/** "42% (35–49%)" — a rate with its 95% interval; "no data" when nobody was in the group. */
export function rateWithInterval(r: Rate): string {
  if (r.rate === null) return "no data"
  return `${percent(r.rate)} (${percent(r.low).replace("%", "")}–${percent(r.high)})`
}

export function hours(h: number | null): string {
  if (h === null) return "–"
  if (h < 1) return `${Math.round(h * 60)} min`
  if (h < 48) return `${h < 10 ? h.toFixed(1) : Math.round(h)} h`
  return `${(h / 24).toFixed(1)} days`
}

/** "3 Mar 2026" for a YYYY-MM-DD day (read in UTC, as the API means it). */
export function day(d: string): string {
  return new Date(`${d}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
}

/** "3 Mar" for chart axes. */
export function shortDay(d: string): string {
  return new Date(`${d}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" })
}

export function dateTime(iso: string | null): string {
  if (!iso) return "–"
  return new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" })
}

/** "case_study" → "Case study", "linkedin_message" → "LinkedIn message": product names keep their own spelling. */
export function humanize(s: string): string {
  const t = s.replace(/_/g, " ").replace(/\blinkedin\b/gi, "LinkedIn")
  return t.charAt(0).toUpperCase() + t.slice(1)
}

/** A stage as people read it: the lifecycle's names (src/shared/lifecycle.ts), anything else humanized. */
export const stageLabel = (s: string) => (stageNames as Record<string, string>)[s] ?? humanize(s)

const personaNames: Record<string, string> = { it: "IT", revops: "RevOps" }
export const personaLabel = (p: string) => personaNames[p] ?? humanize(p)

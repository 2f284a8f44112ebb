import type { ReactNode } from "react"

/** The headline numbers at the top of a report. */
/** `dense` fits seven figures on one row at 1280 wide. */
export function Stats({ label, children, dense = false }: { label: string; children: ReactNode; dense?: boolean }) {
  return (
    <dl className={dense ? "stats dense" : "stats"} aria-label={label}>
      {children}
    </dl>
  )
}

export function Stat({ label, value, hint, tone }: { label: string; value: ReactNode; hint?: ReactNode; tone?: "good" | "warn" | "bad" }) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ""}`}>
      <dt>{label}</dt>
      <dd>
        <span className="stat-value">{value}</span>
        {hint && <span className="stat-hint">{hint}</span>}
      </dd>
    </div>
  )
}

// A chart's frame: fixed height, full width, and a text summary for people who cannot see it.
import type { ReactElement } from "react"
import { ResponsiveContainer } from "recharts"

/** The calm palette every chart draws from (also in styles.css). */
export const palette = {
  blue: "#4a74b5",
  teal: "#3f9c8f",
  amber: "#d6a441",
  rose: "#c8696b",
  violet: "#8172b8",
  slate: "#8a94a6",
  grid: "#e6e9ef",
  axis: "#6b7385",
}

export const axisProps = { stroke: palette.axis, tick: { fill: palette.axis, fontSize: 12 }, tickLine: false, axisLine: { stroke: palette.grid } }

export function Chart({ summary, height = 280, children }: { summary: string; height?: number; children: ReactElement }) {
  return (
    <figure className="chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={height} minWidth={0} initialDimension={{ width: 800, height }}>
        {children}
      </ResponsiveContainer>
    </figure>
  )
}

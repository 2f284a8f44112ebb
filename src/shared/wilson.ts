// A proportion with its 95% Wilson score interval. Shared: the server computes report rates with it and
// the dashboard can explain or recompute one without a round trip.

/** z for a two-sided 95% interval. */
export const z95 = 1.959963984540054

export interface Rate {
  n: number
  hits: number
  rate: number | null
  low: number | null
  high: number | null
}

/**
 * Wilson rather than the textbook p ± z·√(p(1-p)/n): it stays inside [0, 1] and stays honest for small
 * samples and for rates near 0 or 1, which is what most of our groups look like.
 */
export function wilson(hits: number, n: number, z = z95): Rate {
  if (!Number.isInteger(n) || !Number.isInteger(hits) || n < 0 || hits < 0 || hits > n) {
    throw new RangeError(`wilson: need integers 0 <= hits <= n, got ${hits}/${n}`)
  }
  if (n === 0) return { n, hits, rate: null, low: null, high: null }
  const p = hits / n
  const z2 = z * z
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return { n, hits, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}

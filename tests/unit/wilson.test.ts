import { describe, expect, it } from "vitest"
import { wilson } from "../../src/shared/wilson"

// Reference values: the 95% Wilson score interval as published (e.g. 9/10 → 0.5958–0.9821) and as computed
// by hand from the formula with z = 1.959964.
describe("wilson", () => {
  it.each([
    [9, 10, 0.9, 0.5958, 0.9821],
    [1, 2, 0.5, 0.0945, 0.9055],
    [1, 3, 1 / 3, 0.0615, 0.7923],
    [50, 100, 0.5, 0.4038, 0.5962],
    [4, 6, 2 / 3, 0.3, 0.9032],
  ])("%i of %i", (hits, n, rate, low, high) => {
    const r = wilson(hits, n)
    expect(r.n).toBe(n)
    expect(r.hits).toBe(hits)
    expect(r.rate).toBeCloseTo(rate, 6)
    expect(r.low).toBeCloseTo(low, 4)
    expect(r.high).toBeCloseTo(high, 4)
  })

  it("stays inside [0, 1] at the edges", () => {
    expect(wilson(0, 1)).toMatchObject({ rate: 0, low: 0 })
    expect(wilson(0, 1).high).toBeCloseTo(0.7935, 4)
    expect(wilson(1, 1)).toMatchObject({ rate: 1, high: 1 })
    expect(wilson(1, 1).low).toBeCloseTo(0.2065, 4)
    expect(wilson(3, 3).low).toBeCloseTo(0.4385, 4)
  })

  it("has no rate without a sample", () => {
    expect(wilson(0, 0)).toEqual({ n: 0, hits: 0, rate: null, low: null, high: null })
  })

  it("refuses impossible counts", () => {
    expect(() => wilson(3, 2)).toThrow(RangeError)
    expect(() => wilson(-1, 2)).toThrow(RangeError)
    expect(() => wilson(0.5, 2)).toThrow(RangeError)
  })
})

// Days as the API and the database read them: UTC calendar days, written YYYY-MM-DD.

export const dayMs = 86_400_000

/** The UTC day of a moment (a Date or epoch milliseconds), YYYY-MM-DD. */
export const utcDay = (t: Date | number) => (typeof t === "number" ? new Date(t) : t).toISOString().slice(0, 10)

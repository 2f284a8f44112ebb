import { describe, expect, it } from "vitest"
import { defaultSettings } from "../../src/shared/default-settings"
import { addDecayed, cappedPoints, decay, engagementNow, engagementScore, fitScore, scoreReasons, totalScore } from "../../src/shared/scoring"
import { slaState } from "../../src/shared/sla"
import { linkedinSlug } from "../../src/shared/linkedin"

const rules = defaultSettings.scoring
const now = new Date("2026-06-15T12:00:00Z")
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000)

describe("fit", () => {
  it("adds industry, title and company size points, with reasons", () => {
    const f = fitScore({ title: "VP Revenue Operations", industry: "Fintech", companySize: 850 }, rules)
    expect(f.points).toBe(37)
    expect(f.reasons.map((r) => r.text)).toEqual(["+15 industry is fintech", "+12 title matches VP", "+10 company size 200-5000"])
  })
  it("matches title keywords as words, takes the first rule, and caps at fitMax", () => {
    expect(fitScore({ title: "Supervisor" }, rules).points).toBe(0) // "vp" inside a word is not VP
    expect(fitScore({ title: "Chief Data Officer" }, rules).reasons[0]!.text).toBe("+15 title matches C-level")
    expect(fitScore({ title: "Chief", industry: "software", companySize: 300 }, { ...rules, fitMax: 20 }).points).toBe(20)
    expect(fitScore({}, rules)).toEqual({ points: 0, reasons: [] })
  })
})

describe("engagement", () => {
  it("halves every half-life", () => {
    expect(decay(0, 30)).toBe(1)
    expect(decay(30 * 86_400_000, 30)).toBeCloseTo(0.5)
    expect(decay(60 * 86_400_000, 30)).toBeCloseTo(0.25)
  })
  it("caps points per type per day, and applies negative rules in full", () => {
    expect(cappedPoints("email_open", 0, rules)).toBe(1)
    expect(cappedPoints("email_open", 3, rules)).toBe(0)
    expect(cappedPoints("content_download", 10, rules)).toBe(6)
    expect(cappedPoints("unsubscribe", 0, rules)).toBe(-10)
    expect(cappedPoints("no_such_type", 0, rules)).toBe(0)
    const opens = Array.from({ length: 10 }, (_, i) => ({ type: "email_open", occurredAt: new Date(now.getTime() - i * 60_000) }))
    expect(engagementScore(opens, rules, now).value).toBeCloseTo(3, 3)
    const twoDays = [...opens, ...opens.map((e) => ({ ...e, occurredAt: daysAgo(1) }))]
    expect(engagementScore(twoDays, rules, now).value).toBeCloseTo(3 + 3 * decay(86_400_000, 30), 3)
  })
  it("keeps a running total that equals a full recompute, whatever order events arrive in", () => {
    const events = [
      { type: "webinar_attended", occurredAt: daysAgo(3) },
      { type: "email_click", occurredAt: daysAgo(40) },
      { type: "demo_request", occurredAt: daysAgo(1) },
      { type: "page_visit", occurredAt: daysAgo(10) },
    ]
    const full = engagementScore(events, rules, now).value
    let state = { value: 0, at: new Date(0) }
    for (const e of [events[2]!, events[0]!, events[3]!, events[1]!])
      state = addDecayed(state, cappedPoints(e.type, 0, rules), e.occurredAt, rules.halfLifeDays)
    expect(engagementNow(state, now, rules.halfLifeDays)).toBeCloseTo(full, 6)
  })
})

describe("total and reasons", () => {
  it("caps each half and the total at 0-100", () => {
    expect(totalScore(37, 200, rules)).toEqual({ fit: 37, engagement: 60, total: 97 })
    expect(totalScore(-5, -20, rules)).toEqual({ fit: 0, engagement: 0, total: 0 })
  })
  it("explains the score with its largest contributions first", () => {
    const fit = fitScore({ title: "VP Marketing", industry: "software" }, rules)
    const { parts } = engagementScore(
      [
        { type: "webinar_attended", occurredAt: daysAgo(3), label: "Scaling RevOps" },
        { type: "email_open", occurredAt: daysAgo(200) },
        { type: "content_download", occurredAt: daysAgo(0.2), label: "Pricing guide" },
      ],
      rules,
      now,
    )
    const reasons = scoreReasons(fit.reasons, parts, now).map((r) => r.text)
    expect(reasons).toEqual([
      "+15 industry is software",
      "+14 attended webinar 'Scaling RevOps' 3 days ago",
      "+12 title matches VP",
      "+8 downloaded 'Pricing guide' 4 h ago",
    ])
  })
})

describe("SLA", () => {
  it("runs from MQL to due, then overdue; met once accepted", () => {
    const mqlAt = new Date(now.getTime() - 5 * 3_600_000)
    expect(slaState("mql", mqlAt, 24, now)).toMatchObject({ state: "pending", dueAt: new Date(mqlAt.getTime() + 24 * 3_600_000).toISOString() })
    expect(slaState("mql", mqlAt, 4, now).state).toBe("overdue")
    expect(slaState("sql", mqlAt, 4, now).state).toBe("met")
    expect(slaState("lead", null, 24, now).state).toBe("none")
  })
})

describe("LinkedIn profile names", () => {
  it.each([
    ["jane-doe-12ab", "jane-doe-12ab"],
    ["/in/jane-doe-12ab/", "jane-doe-12ab"],
    ["https://www.linkedin.com/in/jane-doe-12ab?trk=abc", "jane-doe-12ab"],
    ["https://de.linkedin.com/in/j%C3%BCrgen-m/", "jürgen-m"],
    ["ACoAAB1234567890abcdefghij", "ACoAAB1234567890abcdefghij"],
  ])("%s → %s", (input, slug) => expect(linkedinSlug(input)).toBe(slug))
  it.each(["https://example.com/x", "", "  ", "/company/acme"])("rejects %j", (input) => expect(linkedinSlug(input)).toBeNull())
})

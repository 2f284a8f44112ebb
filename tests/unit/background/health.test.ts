import "fake-indexeddb/auto"
import { describe, expect, it } from "vitest"
import { healthDue, nextHealthAlarm, recordDetection, sendHealth } from "../../../src/background/health"
import { SelectorHealthReport } from "../../../src/shared/contracts/health"
import { createTestWorker, fromContentScript } from "./worker"

const at = (iso: string) => Date.parse(iso)
const gmailThread = { site: "gmail", view: "thread", strategy: "structure" }

describe("selector health in the worker", () => {
  it("counts detections per UTC day, site, view, strategy and version", async () => {
    const { db } = createTestWorker()
    for (let i = 0; i < 3; i++) await recordDetection(db, gmailThread, "1.2.3", at("2026-03-01T23:59:00Z"))
    await recordDetection(db, { ...gmailThread, strategy: "none" }, "1.2.3", at("2026-03-01T10:00:00Z"))
    await recordDetection(db, gmailThread, "1.3.0", at("2026-03-01T12:00:00Z"))
    // Just after midnight UTC is the next day, whatever the rep's time zone.
    await recordDetection(db, gmailThread, "1.2.3", at("2026-03-02T00:00:01Z"))
    const rows = (await db.selectorCounts.toArray()).map((r) => [r.day, r.strategy, r.version, r.count])
    expect(rows.sort()).toEqual([
      ["2026-03-01", "none", "1.2.3", 1],
      ["2026-03-01", "structure", "1.2.3", 3],
      ["2026-03-01", "structure", "1.3.0", 1],
      ["2026-03-02", "structure", "1.2.3", 1],
    ])
  })

  it("takes detections from a site's script: only site, view and strategy are kept, whatever else the message carries", async () => {
    const w = createTestWorker()
    const res = await w.handle(
      {
        type: "health.detected",
        site: "outlook",
        view: "thread",
        strategy: "signals",
        email: "someone@example.com",
        url: "https://outlook.office.com/mail/inbox/id/AAMk",
      },
      fromContentScript,
    )
    expect(res).toEqual({ ok: true, data: { counted: true } })
    const [row] = await w.db.selectorCounts.toArray()
    expect(row).toMatchObject({ site: "outlook", view: "thread", strategy: "signals", version: "1.2.3", count: 1 })
    expect(JSON.stringify(row)).not.toMatch(/example\.com|AAMk/)
    expect((await w.handle({ type: "health.detected", site: "facebook", view: "thread", strategy: "signals" }, fromContentScript)).ok).toBe(false)
    expect(
      (await w.handle({ type: "health.detected", site: "gmail", view: "thread", strategy: "structure" }, { ...fromContentScript, id: "another-extension" })).ok,
    ).toBe(false)
    expect(await w.db.selectorCounts.count()).toBe(1)
  })

  it("sends each finished day once, in a report the server's contract takes, and keeps today for later", async () => {
    const w = createTestWorker()
    await recordDetection(w.db, gmailThread, "1.2.3", at("2026-03-01T09:00:00Z"))
    await recordDetection(w.db, { site: "linkedin", view: "messaging", strategy: "name" }, "1.2.3", at("2026-03-02T09:00:00Z"))
    await recordDetection(w.db, gmailThread, "1.2.3", at("2026-03-03T09:00:00Z"))
    const now = at("2026-03-03T10:00:00Z")
    expect(await healthDue(w.db, now)).toBe(true)

    const r = await sendHealth(w.db, w.api, now)
    expect(r).toEqual({ sent: ["2026-03-01", "2026-03-02"], dropped: [], kept: [] })
    const posts = w.server.posts("/api/v1/health/selectors")
    expect(posts.map((p) => p.body.day)).toEqual(["2026-03-01", "2026-03-02"])
    expect(posts[1]!.body.counts).toEqual([{ site: "linkedin", view: "messaging", strategy: "name", version: "1.2.3", count: 1 }])
    // What is sent passes the API's own contract (dates relative to now, so parse with today's clock shifted).
    for (const p of posts) expect(SelectorHealthReport.safeParse({ ...p.body, day: new Date().toISOString().slice(0, 10) }).success).toBe(true)
    expect(await healthDue(w.db, now)).toBe(false)
    expect((await w.db.selectorCounts.toArray()).map((x) => x.day)).toEqual(["2026-03-03"])

    // Nothing more to send until the day is over.
    await sendHealth(w.db, w.api, now)
    expect(w.server.posts("/api/v1/health/selectors")).toHaveLength(2)
  })

  it("a report whose answer was lost is resent under the same id, so the server replaces it instead of counting twice", async () => {
    const w = createTestWorker()
    await recordDetection(w.db, gmailThread, "1.2.3", at("2026-03-01T09:00:00Z"))
    const now = at("2026-03-02T01:00:00Z")
    w.server.fail("/api/v1/health/selectors", { kind: "lose-response" })
    expect(await sendHealth(w.db, w.api, now)).toEqual({ sent: [], dropped: [], kept: ["2026-03-01"] })
    expect(await sendHealth(w.db, w.api, now)).toEqual({ sent: ["2026-03-01"], dropped: [], kept: [] })
    const [first, second] = w.server.posts("/api/v1/health/selectors")
    expect(second!.body.reportId).toBe(first!.body.reportId)
    expect(w.server.healthReports.size).toBe(1)
    // The next day's report has an id of its own.
    await recordDetection(w.db, gmailThread, "1.2.3", at("2026-03-02T09:00:00Z"))
    await sendHealth(w.db, w.api, at("2026-03-03T01:00:00Z"))
    expect(w.server.healthReports.size).toBe(2)
  })

  it("waits while signed out, offline or on a server error; drops a day the server refuses or one too old to take", async () => {
    const w = createTestWorker()
    await recordDetection(w.db, gmailThread, "1.2.3", at("2026-03-01T09:00:00Z"))
    await recordDetection(w.db, gmailThread, "1.2.3", at("2026-03-02T09:00:00Z"))
    const now = at("2026-03-03T01:00:00Z")
    w.server.setDown(true)
    expect((await sendHealth(w.db, w.api, now)).kept).toEqual(["2026-03-01", "2026-03-02"])
    w.server.setDown(false)
    w.server.fail("/api/v1/health/selectors", { kind: "status", status: 503 })
    expect((await sendHealth(w.db, w.api, now)).kept).toEqual(["2026-03-01", "2026-03-02"])
    await w.store.remove(["relay.token"])
    expect((await sendHealth(w.db, w.api, now)).kept).toEqual(["2026-03-01", "2026-03-02"])
    await w.store.set({ "relay.token": w.server.token })
    w.server.fail("/api/v1/health/selectors", { kind: "status", status: 400, message: "bad" })
    expect(await sendHealth(w.db, w.api, now)).toEqual({ sent: ["2026-03-02"], dropped: ["2026-03-01"], kept: [] })
    expect(await w.db.selectorCounts.count()).toBe(0)

    await recordDetection(w.db, gmailThread, "1.2.3", at("2026-01-01T09:00:00Z"))
    expect(await sendHealth(w.db, w.api, now)).toEqual({ sent: [], dropped: ["2026-01-01"], kept: [] })
    expect(await w.db.healthReports.count()).toBe(0)
  })

  it("the daily alarm fires within the hour after the next UTC midnight", () => {
    expect(new Date(nextHealthAlarm(at("2026-03-01T15:00:00Z"), 0)).toISOString()).toBe("2026-03-02T00:01:00.000Z")
    expect(new Date(nextHealthAlarm(at("2026-03-01T23:59:59Z"), 0.999)).toISOString() < "2026-03-02T01:01:00.000Z").toBe(true)
  })
})

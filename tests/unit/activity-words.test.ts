// The shared words for activities and timeline types (src/shared/activity-words.ts). The server's
// SQL title is held to activityTitle() by tests/integration/activity-title.test.ts.
import { describe, expect, it } from "vitest"
import { activityNames, activityNoun, activityTitle, timelineTypeLabel } from "../../src/shared/activity-words"

describe("activity words", () => {
  it("titles an activity by its subject, else its name and outcome in words", () => {
    expect(activityTitle({ type: "call", outcome: "no_answer" })).toBe("Call — no answer")
    expect(activityTitle({ type: "call", outcome: "connected", subject: "Pricing" })).toBe("Pricing")
    expect(activityTitle({ type: "meeting" })).toBe("Meeting")
    expect(activityTitle({ type: "fax" })).toBe("Note")
  })

  it("names an activity inside a sentence, keeping a name's own capitals", () => {
    expect(Object.keys(activityNames).map((t) => activityNoun(t as keyof typeof activityNames))).toEqual([
      "call",
      "email",
      "LinkedIn message",
      "meeting",
      "note",
    ])
  })

  it("labels every timeline type, marketing or sales, and an unknown one by its words", () => {
    expect(timelineTypeLabel("webinar_registered")).toBe("Webinar registration")
    expect(timelineTypeLabel("linkedin_message")).toBe("LinkedIn message")
    expect(timelineTypeLabel("trial_extended")).toBe("Trial extended")
    expect(timelineTypeLabel("constructor")).toBe("Constructor")
  })
})

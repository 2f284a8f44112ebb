import { describe, expect, it } from "vitest"
import { contextTerms, personasFromTitle, rankAssets, tokenize, type RankAsset, type RankInput } from "../../src/shared/ranking"

const now = new Date("2026-03-10T12:00:00Z")
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000)

const asset = (id: string, title: string, tags: Partial<RankAsset> = {}): RankAsset => ({
  id,
  title,
  kind: "one_pager",
  stages: [],
  personas: [],
  industries: [],
  topics: [],
  ...tags,
})

const base = (over: Partial<RankInput> = {}): RankInput => ({
  person: { stage: "lead", title: null, industry: null },
  history: { engaged: [], received: [] },
  assets: [],
  now,
  ...over,
})

const order = (r: { asset: RankAsset }[]) => r.map((x) => x.asset.id)
const reasonsOf = (r: { asset: RankAsset; reasons: string[] }[], id: string) => r.find((x) => x.asset.id === id)!.reasons

describe("personasFromTitle", () => {
  it.each([
    ["VP Sales", ["executive", "sales"]],
    ["Chief Revenue Officer", ["executive", "sales"]],
    ["VP Revenue Operations", ["executive", "revops"]],
    ["Director of Marketing Operations", ["revops", "marketing"]],
    ["Head of Data", ["data"]],
    ["Head of IT", ["it"]],
    ["Founder", ["executive"]],
    ["Operations Coordinator", []],
    [null, []],
  ])("%s → %j", (title, expected) => {
    expect(personasFromTitle(title)).toEqual(expected)
  })
})

describe("conversation words", () => {
  it("drops stop words and mail filler, stems plurals, pairs neighbours", () => {
    expect(tokenize("Re: Thanks! Are your integrations SOC2 compliant? Policies attached")).toEqual(["integration", "soc2", "compliant", "policy", "attached"])
    expect(contextTerms("data quality issues")).toEqual(["data", "quality", "issue", "issues", "data quality", "quality issue", "quality issues"])
  })
})

describe("rankAssets", () => {
  it("ranks by stage, persona and industry fit, each with its reason", () => {
    const r = rankAssets(
      base({
        person: { stage: "mql", title: "VP Finance", industry: "Fintech" },
        assets: [
          asset("none", "Generic blog"),
          asset("stage", "Stage fit", { stages: ["mql", "sql"] }),
          asset("all", "Fintech story", { kind: "case_study", stages: ["mql"], personas: ["executive"], industries: ["fintech"] }),
          asset("persona", "Persona fit", { personas: ["executive", "data"] }),
        ],
      }),
    )
    expect(order(r)).toEqual(["all", "stage", "persona", "none"])
    expect(reasonsOf(r, "all")).toEqual(["made for the MQL stage", "fintech case study", "for VP-level buyers"])
    expect(reasonsOf(r, "none")).toEqual([])
    expect(r[0]!.score).toBe(70)
  })

  it("names C-level buyers and treats a recycled lead as a lead", () => {
    const r = rankAssets(
      base({
        person: { stage: "recycled", title: "Chief Marketing Officer", industry: null },
        assets: [asset("a", "Nurture", { stages: ["lead"], personas: ["executive"] })],
      }),
    )
    expect(r[0]!.reasons).toEqual(["made for the lead stage", "for C-level buyers"])
  })

  it("raises assets on topics the person engaged with, quoting the strongest recent signal", () => {
    const r = rankAssets(
      base({
        history: {
          engaged: [
            { assetId: "pg", title: "Pricing guide", topics: ["pricing"], type: "content_download", at: daysAgo(3), count: 1 },
            { assetId: "old", title: "Old security webinar", topics: ["security"], type: "webinar_attended", at: daysAgo(140), count: 1 },
          ],
          received: [],
        },
        assets: [
          asset("sec", "Security one-pager", { topics: ["security"] }),
          asset("roi", "ROI calculator", { topics: ["pricing", "roi"] }),
          asset("x", "Unrelated", { topics: ["forecasting"] }),
        ],
      }),
    )
    expect(order(r)).toEqual(["roi", "sec", "x"])
    expect(reasonsOf(r, "roi")).toEqual(["they downloaded 'Pricing guide' 3 days ago"])
    expect(reasonsOf(r, "sec")).toEqual([]) // 140 days ago: too faint to be a reason
  })

  it("matches the conversation against topics and title words", () => {
    const r = rankAssets(
      base({
        context: "Re: Security review — our CISO asks about SOC2 and data quality before the pilot",
        assets: [
          asset("dq", "Data quality checklist", { topics: ["data quality"] }),
          asset("sec", "Security overview", { topics: ["security"] }),
          asset("both", "Security and data quality", { topics: ["security", "data quality"] }),
          asset("pilot", "Running a pilot", { topics: ["onboarding"] }),
          asset("none", "Forecasting deck", { topics: ["forecasting"] }),
        ],
      }),
    )
    expect(order(r)).toEqual(["both", "dq", "sec", "pilot", "none"])
    expect(reasonsOf(r, "sec")).toEqual(["the thread mentions security"])
    expect(reasonsOf(r, "both")).toEqual(["the thread mentions security and data quality"])
    expect(reasonsOf(r, "pilot")).toEqual(["the thread mentions pilot"])
  })

  it("pushes up assets whose shares were followed by deals that advanced and reps found helpful", () => {
    const r = rankAssets(
      base({
        assets: [asset("a", "A"), asset("b", "B"), asset("c", "C"), asset("d", "D")],
        outcomes: {
          b: { shares: 20, advanced: 12, helped: 0, notHelped: 0 },
          c: { shares: 1, advanced: 1, helped: 0, notHelped: 0 },
          d: { shares: 4, advanced: 0, helped: 1, notHelped: 3 },
        },
      }),
    )
    expect(order(r)).toEqual(["b", "c", "a", "d"])
    expect(reasonsOf(r, "b")).toEqual(["used in 12 deals that advanced"])
    expect(reasonsOf(r, "c")).toEqual(["used in 1 deal that advanced"])
    expect(reasonsOf(r, "d")).toEqual(["reps say it did not help (3 of 4)"])
  })

  it("pushes down what the person already received, less as it ages", () => {
    const r = rankAssets(
      base({
        person: { stage: "sql", title: null, industry: null },
        history: {
          engaged: [],
          received: [
            { assetId: "recent", at: daysAgo(5), count: 1 },
            { assetId: "long", at: daysAgo(200), count: 1 },
          ],
        },
        assets: [
          asset("recent", "Battle card", { stages: ["sql"] }),
          asset("long", "Deck", { stages: ["sql"] }),
          asset("fresh", "Pricing guide", { stages: ["sql"] }),
        ],
      }),
    )
    expect(order(r)).toEqual(["fresh", "long", "recent"])
    expect(reasonsOf(r, "recent")).toEqual(["already sent 5 days ago", "made for the SQL stage"])
    expect(r.find((x) => x.asset.id === "recent")!.score).toBeLessThan(0)
  })

  it("breaks ties by title, then id, whatever the input order", () => {
    const assets = [asset("3", "Beta"), asset("2", "Alpha"), asset("1", "Alpha"), asset("4", "alpha")]
    const a = order(rankAssets(base({ assets })))
    const b = order(rankAssets(base({ assets: [...assets].reverse() })))
    expect(a).toEqual(["1", "2", "3", "4"])
    expect(b).toEqual(a)
  })

  it("is the same for the same input", () => {
    const input = base({
      person: { stage: "mql", title: "Head of Data", industry: "retail" },
      context: "pricing for the data team",
      assets: [asset("a", "Pricing", { topics: ["pricing"], personas: ["data"] }), asset("b", "Retail data", { industries: ["retail"] })],
    })
    expect(rankAssets(input)).toEqual(rankAssets(input))
  })
})

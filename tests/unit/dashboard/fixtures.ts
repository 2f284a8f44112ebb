// Contract-shaped answers for the dashboard's endpoints (names invented). Each is parsed with its
// zod schema below so a fixture that drifts from the contract fails loudly here, not as a vague UI error.
import {
  AssetShares,
  Calibration,
  ContentInfluence,
  ContentUsage,
  FilterOptions,
  HandoffReport,
  RepActivity,
  ThresholdPreview,
  type Scope,
} from "../../../src/shared/contracts/analytics"
import type { Asset } from "../../../src/shared/contracts/assets"
import { Me } from "../../../src/shared/contracts/me"
import { defaultSettings } from "../../../src/shared/default-settings"

export const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`

export const ids = { org: uuid(1), marketer: uuid(2), rep: uuid(3), rep2: uuid(4), asset1: uuid(11), asset2: uuid(12), asset3: uuid(13) }

export const marketer = Me.parse({
  user: { id: ids.marketer, email: "wren.halloway@lumen-labs.example", name: "Wren Halloway", role: "marketer" },
  org: { id: ids.org, name: "Lumen Labs" },
})
export const rep = Me.parse({
  user: { id: ids.rep, email: "otis.brannock@lumen-labs.example", name: "Otis Brannock", role: "rep" },
  org: { id: ids.org, name: "Lumen Labs" },
})

export const orgScope = (applied: Record<string, string> = {}): Scope => ({
  kind: "org",
  note: "",
  from: "2026-09-02",
  to: "2026-11-30",
  applied: { from: "2026-09-02", to: "2026-11-30", ...applied },
})
export const selfScope: Scope = {
  kind: "self",
  note: "Only your own numbers: you are signed in as a rep",
  from: "2026-09-02",
  to: "2026-11-30",
  applied: { from: "2026-09-02", to: "2026-11-30", rep: ids.rep },
}

export const filterOptions = FilterOptions.parse({
  reps: [
    { id: ids.rep, name: "Otis Brannock", team: "North", role: "rep" },
    { id: ids.rep2, name: "Priya Vandermeer", team: "South", role: "rep" },
  ],
  teams: ["North", "South"],
  stages: ["lead", "mql", "sql", "opportunity", "customer"],
  assetKinds: ["case_study", "battle_card"],
  tags: ["fintech", "pricing"],
  campaigns: ["Autumn webinar"],
  sources: ["hubspot", "marketo"],
})

export const contentUsage = (scope = orgScope(), shares = 42) =>
  ContentUsage.parse({
    scope,
    totals: { shares, reps: 2, contacts: 37, views: 58, botViews: 9 },
    weekly: [
      { week: "2026-11-16", shares: 20, views: 30 },
      { week: "2026-11-23", shares: shares - 20, views: 28 },
    ],
    rows: [
      {
        assetId: ids.asset1,
        title: "Harbor Freight case study",
        kind: "case_study",
        tags: ["logistics"],
        archived: false,
        shares: 30,
        reps: 2,
        contacts: 27,
        views: 44,
        botViews: 5,
        helped: 6,
        notHelped: 1,
        lastUsedAt: "2026-11-28T10:00:00.000Z",
      },
      {
        assetId: ids.asset2,
        title: "Pricing battle card",
        kind: "battle_card",
        tags: ["pricing"],
        archived: true,
        shares: shares - 30,
        reps: 1,
        contacts: 10,
        views: 14,
        botViews: 4,
        helped: 0,
        notHelped: 2,
        lastUsedAt: null,
      },
    ],
  })

export const assetShares = (nextCursor: string | null = null, n = 2, offset = 0) =>
  AssetShares.parse({
    scope: orgScope(),
    asset: { id: ids.asset1, title: "Harbor Freight case study", kind: "case_study" },
    rows: Array.from({ length: n }, (_, i) => ({
      shareId: uuid(100 + offset + i),
      sharedAt: `2026-11-${String(28 - ((offset + i) % 27)).padStart(2, "0")}T09:00:00.000Z`,
      channel: "gmail",
      rep: { id: ids.rep, name: "Otis Brannock" },
      contact: { id: uuid(200 + offset + i), name: `Contact ${offset + i + 1}`, company: "Kestrel Freight", email: `c${offset + i + 1}@kestrel.example` },
      views: (offset + i) % 2 === 0 ? 2 : 0,
      botViews: 1,
      firstViewedAt: (offset + i) % 2 === 0 ? "2026-11-28T11:00:00.000Z" : null,
    })),
    nextCursor,
  })

const rate = (hits: number, n: number) => ({
  n,
  hits,
  rate: n ? hits / n : null,
  low: n ? Math.max(0, hits / n - 0.1) : null,
  high: n ? Math.min(1, hits / n + 0.1) : null,
})

export const influence = (windowDays = 30) =>
  ContentInfluence.parse({
    scope: orgScope(),
    windowDays,
    countedUntil: "2026-10-31T00:00:00.000Z",
    caveat: "association, not proof",
    overall: [
      { from: "mql", to: "sql", received: rate(30, 60), comparison: rate(40, 160) },
      { from: "sql", to: "opportunity", received: rate(10, 25), comparison: rate(8, 40) },
      { from: "opportunity", to: "customer", received: rate(0, 0), comparison: rate(2, 10) },
    ],
    rows: [
      {
        assetId: ids.asset1,
        title: "Harbor Freight case study",
        kind: "case_study",
        transitions: [{ from: "mql", to: "sql", received: rate(12, 20), comparison: rate(40, 160) }],
      },
    ],
  })

export const handoff = () =>
  HandoffReport.parse({
    scope: orgScope(),
    slaHours: 24,
    mqls: { created: 120, accepted: 60, rejected: 20, recycled: 15, waiting: 40 },
    rejections: [
      { reason: "no_budget", count: 12 },
      { reason: "wrong_person", count: 8 },
    ],
    firstTouch: { n: 80, medianHours: 5.5, p90Hours: 30 },
    slaByRep: [
      { repId: ids.rep, repName: "Otis Brannock", team: "North", mqls: 70, met: 50, missed: 10, waiting: 10, rate: 50 / 60 },
      { repId: ids.rep2, repName: "Priya Vandermeer", team: "South", mqls: 50, met: 20, missed: 20, waiting: 10, rate: 0.5 },
    ],
    slaByWeek: [{ week: "2026-11-23", mqls: 120, met: 70, missed: 30, waiting: 20, rate: 0.7 }],
    byCampaign: [{ key: "Autumn webinar", mqls: 40, sqls: 18, conversion: rate(18, 40), avgRating: 3.75, ratings: 8 }],
    bySource: [{ key: "hubspot", mqls: 80, sqls: 30, conversion: rate(30, 80), avgRating: null, ratings: 0 }],
  })

export const calibration = () =>
  Calibration.parse({
    scope: orgScope(),
    threshold: 60,
    bands: [
      { label: "50–59", min: 50, max: 59, contacts: 300, mqls: 0, accepted: 0, rejected: 0, sqls: 0, customers: 0, acceptance: rate(0, 0), rejections: [] },
      {
        label: "60–69",
        min: 60,
        max: 69,
        contacts: 80,
        mqls: 80,
        accepted: 30,
        rejected: 20,
        sqls: 25,
        customers: 3,
        acceptance: rate(30, 50),
        rejections: [
          { reason: "no_budget", count: 14 },
          { reason: "not_a_fit", count: 6 },
        ],
      },
    ],
    rules: [
      {
        rule: "Industry: fintech",
        kind: "fit",
        acceptedLeads: 20,
        rejectedLeads: 4,
        acceptedShare: 0.66,
        rejectedShare: 0.2,
        acceptedPoints: 15,
        rejectedPoints: 15,
      },
      {
        rule: "Webinar attended",
        kind: "engagement",
        acceptedLeads: 5,
        rejectedLeads: 12,
        acceptedShare: 0.16,
        rejectedShare: 0.6,
        acceptedPoints: 14.2,
        rejectedPoints: 13.9,
      },
    ],
    decided: { accepted: 30, rejected: 20 },
  })

/** `notYetMqls`: leads at the threshold now that never crossed it, counted in the estimate on top of the MQLs made. */
export const thresholdPreview = (threshold: number, notYetMqls = 0) =>
  ThresholdPreview.parse({
    periodDays: 90,
    current: { threshold: 60, mqls: 80 },
    proposed: {
      threshold,
      mqls: Math.max(0, 80 + (60 - threshold) * 4) + notYetMqls,
      notYetMqls,
      expectedAcceptance: rate(30, 50),
      expectedAccepted: (Math.max(0, 80 + (60 - threshold) * 4) + notYetMqls) * 0.6,
    },
  })

export const repActivity = (scope = orgScope()) =>
  RepActivity.parse({
    scope,
    rows: [
      { repId: ids.rep, repName: "Otis Brannock", team: "North", calls: 12, emails: 30, linkedinMessages: 4, meetings: 3, notes: 5, shares: 9 },
      { repId: ids.rep2, repName: "Priya Vandermeer", team: "South", calls: 7, emails: 11, linkedinMessages: 0, meetings: 1, notes: 2, shares: 3 },
    ],
    weekly: [{ week: "2026-11-23", calls: 19, emails: 41, linkedinMessages: 4, meetings: 4, notes: 7, shares: 12 }],
  })

export const asset = (n: number, title: string, extra: Partial<Asset> = {}): Asset => ({
  id: uuid(n),
  title,
  url: `https://content.example/${n}`,
  kind: "case_study",
  description: "",
  stages: ["mql"],
  personas: ["revops"],
  industries: ["logistics"],
  topics: ["roi"],
  archived: false,
  createdAt: "2026-10-01T00:00:00.000Z",
  updatedAt: "2026-10-02T00:00:00.000Z",
  ...extra,
})

export const settings = () => structuredClone(defaultSettings)

// What the demo dashboard should show, in one place. Each knob is a pattern a marketer would recognise,
// strong enough to see at demo size (5,000 contacts) and kept in proportion at any size:
// - reps who shared the ROI and pricing assets with an MQL saw it accepted more often than the rest;
// - the 60–69 score band is full of "not a fit" rejections: small, off-profile companies whose juniors
//   attended webinars, so webinar points carried them over the threshold;
// - one campaign brings poor leads (rejected more, rated low);
// - one rep is behind on the follow-up SLA, and one week everyone was (the team was at an event).
import type { SeedAsset } from "./data"

export const story = {
  /** The rep who is behind on the SLA. */
  slowRep: "owen.tarrant@acme-analytics.example",
  /** The week (counted back from the seed's `now`) when every rep was slow: MQLs created 35–41 days ago. */
  badWeekDaysAgo: 35,
  /** The first-touch campaign whose leads sales keeps sending back. */
  poorCampaign: "Paid social: dashboards",
  /** Of the recycled leads, the share (in %) generated as off-profile webinar-goers. */
  notAFitPercent: 55,
  /** Titles, industries and company sizes the default fit rules give no points. */
  offProfile: {
    titles: ["Data Analyst", "Marketing Specialist", "Software Engineer", "Operations Coordinator", "Business Analyst"],
    industries: ["education", "government", "media", "energy", "manufacturing"],
    sizes: [12, 45],
  },
}

/** The assets of the "received ROI / pricing material" story: every pricing guide and anything about ROI. */
export const isRoiAsset = (a: SeedAsset) => a.kind === "pricing_guide" || a.topics.includes("roi")
/** What reps share once a lead is sales-accepted: proof and objection handling. */
export const isLateStageAsset = (a: SeedAsset) => a.stages.includes("sql") || a.stages.includes("opportunity")

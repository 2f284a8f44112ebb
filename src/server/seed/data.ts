// Invented names for the demo orgs. Nothing here is a real person or company.
import { kindName } from "../../shared/asset-words"

export const firstNames = [
  "Ava",
  "Ben",
  "Cara",
  "Dev",
  "Elin",
  "Farid",
  "Gita",
  "Hugo",
  "Ines",
  "Jonah",
  "Kaia",
  "Luca",
  "Maren",
  "Nikhil",
  "Odette",
  "Pavel",
  "Quinn",
  "Rosa",
  "Soren",
  "Talia",
  "Umar",
  "Vera",
  "Wes",
  "Xenia",
  "Yusuf",
  "Zara",
  "Anouk",
  "Bram",
  "Cyrus",
  "Delia",
  "Emeric",
  "Fleur",
  "Gideon",
  "Halle",
  "Ivo",
  "Juno",
  "Kofi",
  "Lena",
  "Milo",
  "Nadia",
  "Oskar",
  "Priya",
  "Rafe",
  "Selma",
  "Teo",
  "Una",
  "Vito",
  "Wren",
  "Yara",
  "Zeno",
]

export const lastNames = [
  "Abernathy",
  "Brightwater",
  "Castellano",
  "Dunmore",
  "Eklund",
  "Fairbanks",
  "Galloway",
  "Holloway",
  "Ishikawa",
  "Jankowski",
  "Kettering",
  "Lindqvist",
  "Marchetti",
  "Nakamura",
  "Oyelaran",
  "Pemberton",
  "Quist",
  "Rasmussen",
  "Sandoval",
  "Thorne",
  "Underhill",
  "Valdivia",
  "Whitcombe",
  "Yilmaz",
  "Zwicker",
  "Ashdown",
  "Blackwood",
  "Corrigan",
  "Delacroix",
  "Everly",
  "Fenwick",
  "Grimaldi",
  "Hargreaves",
  "Ingram",
  "Jessup",
  "Kowalczyk",
  "Larkspur",
  "Merriweather",
  "Northcott",
  "Okonkwo",
  "Prescott",
  "Ravensworth",
  "Stroud",
  "Tanaka",
  "Vasquez",
  "Winslow",
  "Yardley",
  "Zamora",
  "Albright",
  "Beaumont",
]

export const companyStems = [
  "Arbor",
  "Bluefin",
  "Cobalt",
  "Driftwood",
  "Emberline",
  "Foxglove",
  "Granite",
  "Harbor",
  "Ironbark",
  "Juniper",
  "Kestrel",
  "Lumen",
  "Meridian",
  "Nimbus",
  "Orchard",
  "Pinecrest",
  "Quarry",
  "Riverstone",
  "Saltmarsh",
  "Tidewater",
  "Upland",
  "Vantage",
  "Willow",
  "Zephyr",
]
export const companySuffixes = ["Systems", "Labs", "Health", "Finance", "Logistics", "Retail", "Works", "Group", "Analytics", "Energy"]

export const industries = ["software", "fintech", "healthcare", "logistics", "retail", "manufacturing", "education", "media", "energy", "government"]

export const titles = [
  "Chief Revenue Officer",
  "Chief Marketing Officer",
  "Chief Technology Officer",
  "VP Sales",
  "VP Marketing",
  "VP Revenue Operations",
  "Head of Growth",
  "Head of Data",
  "Head of Demand Generation",
  "Director of Sales",
  "Director of Marketing Operations",
  "Director of Analytics",
  "Sales Manager",
  "Marketing Manager",
  "RevOps Manager",
  "Data Analyst",
  "Account Executive",
  "Marketing Specialist",
  "Software Engineer",
  "Operations Coordinator",
  "Product Manager",
  "Business Analyst",
  "Customer Success Manager",
  "Founder",
]

export const campaigns = [
  "Q1 RevOps webinar series",
  "Pricing page retargeting",
  "Data quality nurture",
  "Spring product launch",
  "Forecasting masterclass",
  "Customer stories newsletter",
  "Pipeline health check",
  "Attribution 101 course",
  "Fintech summit 2026",
  "Healthcare analytics roundtable",
  "Logistics KPI report",
  "Annual benchmark report",
  "Trial onboarding drip",
  "Win-back sequence",
  "Partner co-marketing",
  "SEO: lead scoring guide",
  "Paid social: dashboards",
  "Event: RevOps Live",
  "Newsletter: The Funnel",
  "Demo day",
]

export const eventMix: [type: string, weight: number][] = [
  ["email_sent", 30],
  ["email_open", 22],
  ["email_click", 10],
  ["page_visit", 18],
  ["content_download", 5],
  ["webinar_registered", 3],
  ["webinar_attended", 2],
  ["form_submit", 3],
  ["ad_click", 4],
  ["demo_request", 1],
  ["asset_view", 2],
]

// Few contacts wait as MQLs at any time: a long queue would dwarf the weekly MQL counts (leads whose events
// cross the threshold join it when the seed scores them).
export const stageMix: [stage: string, weight: number][] = [
  ["subscriber", 20],
  ["lead", 47],
  ["mql", 1],
  ["sql", 8],
  ["opportunity", 6],
  ["customer", 8],
  ["recycled", 6],
  ["disqualified", 4],
]

const kinds = ["case_study", "battle_card", "one_pager", "pricing_guide", "demo_video", "deck", "blog_post", "whitepaper"] as const
const topics = ["lead scoring", "attribution", "forecasting", "data quality", "security", "integrations", "pipeline", "roi"]
const stagesFor: Record<string, string[]> = {
  case_study: ["mql", "sql", "opportunity"],
  battle_card: ["sql", "opportunity"],
  one_pager: ["lead", "mql"],
  pricing_guide: ["sql", "opportunity"],
  demo_video: ["mql", "sql"],
  deck: ["sql", "opportunity"],
  blog_post: ["subscriber", "lead"],
  whitepaper: ["lead", "mql"],
}
const topicTitle = (t: string) => (t === "roi" ? "ROI" : `${t[0]!.toUpperCase()}${t.slice(1)}`)
const personas = ["executive", "revops", "marketing", "sales", "data", "it"]

export interface SeedAsset {
  title: string
  url: string
  kind: string
  description: string
  stages: string[]
  personas: string[]
  industries: string[]
  topics: string[]
}

/** 64 assets: every kind about every topic, tagged by stage, persona and industry. */
export function demoAssets(): SeedAsset[] {
  const out: SeedAsset[] = []
  kinds.forEach((kind, k) =>
    topics.forEach((topic, t) => {
      const industry = industries[(k * 3 + t) % industries.length]!
      const title =
        kind === "case_study"
          ? `How ${companyStems[(k + t * 5) % companyStems.length]} ${companySuffixes[t % companySuffixes.length]} improved ${topic === "roi" ? "ROI" : topic}`
          : `${kindName(kind)}: ${topicTitle(topic)}${kind === "battle_card" ? " vs. spreadsheets" : ` for ${industry}`}`
      out.push({
        title,
        url: `https://content.acme-analytics.example/${kind.replace("_", "-")}/${topic.replace(/ /g, "-")}`,
        kind,
        description: `${kindName(kind)} about ${topic} for ${industry} teams: what changed, the numbers behind it, and how to start.`,
        stages: stagesFor[kind]!,
        personas: [personas[(k + t) % personas.length]!, personas[(k + t + 2) % personas.length]!],
        industries: [industry],
        topics: [topic],
      })
    }),
  )
  return out
}

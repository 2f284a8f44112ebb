// Hand-written demo contacts with fixed ids, so the demo pages (/demo/gmail, /demo/outlook,
// /demo/linkedin) and the end-to-end tests can point at people who are always there.
// Every name, address and company here is invented.
export interface ShowcaseContact {
  id: string
  firstName: string
  lastName: string
  email: string
  linkedin?: string
  title: string
  company: string
  industry: string
  companySize: number
  stage: "subscriber" | "lead" | "mql" | "sql" | "opportunity" | "customer"
}

export const showcaseViewer = { name: "Riley Park", email: "riley.park@acme-analytics.example" }

export const showcaseContacts: ShowcaseContact[] = [
  {
    id: "00000000-0000-4000-8000-000000000101",
    firstName: "Marisol",
    lastName: "Quintero",
    email: "marisol.quintero@brightlane.example",
    linkedin: "marisol-quintero-revops",
    title: "VP Revenue Operations",
    company: "Brightlane Finance",
    industry: "fintech",
    companySize: 850,
    stage: "mql",
  },
  {
    id: "00000000-0000-4000-8000-000000000102",
    firstName: "Tobias",
    lastName: "Wrenfield",
    email: "tobias.wrenfield@northpeak.example",
    linkedin: "tobias-wrenfield",
    title: "Head of Data",
    company: "Northpeak Logistics",
    industry: "logistics",
    companySize: 2400,
    stage: "lead",
  },
  {
    id: "00000000-0000-4000-8000-000000000103",
    firstName: "Anneke",
    lastName: "Solberg",
    email: "anneke.solberg@corvidhealth.example",
    linkedin: "anneke-solberg-4b7a21",
    title: "Director of Marketing Analytics",
    company: "Corvid Health",
    industry: "healthcare",
    companySize: 430,
    stage: "sql",
  },
  {
    id: "00000000-0000-4000-8000-000000000104",
    firstName: "Dario",
    lastName: "Faulkner",
    email: "dario.faulkner@tessellate.example",
    linkedin: "dariofaulkner",
    title: "Chief Technology Officer",
    company: "Tessellate Software",
    industry: "software",
    companySize: 120,
    stage: "opportunity",
  },
]

// Realistic sidebar data, with dates relative to now so "Today" / "Yesterday" grouping holds.
import type { ContactContext, ContactSummary, EventsPage, TimelineItem } from "../../../src/shared/contracts/contacts"
import type { PageContext, Person } from "../../../src/shared/page-context"

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

const startOfToday = () => {
  const d = new Date()
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}
/** Earlier today (never before midnight, never in the future). */
const today = (minutesAgo: number) => new Date(Math.max(startOfToday() + 1000, Date.now() - minutesAgo * minute)).toISOString()
/** Yesterday at the given hour. */
const yesterday = (h: number) => new Date(startOfToday() - day + h * hour).toISOString()
const daysAgo = (n: number, h = 10) => new Date(startOfToday() - n * day + h * hour).toISOString()
const hoursAgo = (n: number) => new Date(Date.now() - n * hour).toISOString()

export const ids = {
  dana: "3f0c2a9e-6f4b-4d4a-9a55-0b1f6f2a7c11",
  priya: "8b7d4c1a-2e3f-4a5b-8c6d-7e8f9a0b1c2d",
  jordan: "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
  owner: "11111111-2222-4333-8444-555555555555",
}

const item = (id: string, side: TimelineItem["side"], type: string, occurredAt: string, title: string, extra: Partial<TimelineItem> = {}): TimelineItem => ({
  id,
  side,
  type,
  occurredAt,
  title,
  detail: null,
  by: null,
  ...extra,
})

export const danaFirstPage: TimelineItem[] = [
  item("a-call-1", "sales", "call", today(30), "Discovery call — connected", {
    detail: "Asked about the Salesforce integration and pricing tiers.",
    by: "Sam Rivera",
  }),
  item("e-open-1", "marketing", "email_open", today(90), "Opened 'RevOps Benchmark 2024: your copy'"),
  item("e-webinar-1", "marketing", "webinar_attended", yesterday(16), "Attended webinar 'Scaling RevOps'", {
    detail: "Watched 52 of 60 minutes, asked 2 questions",
  }),
  item("e-download-1", "marketing", "content_download", daysAgo(5), "Downloaded 'RevOps Benchmark 2024'"),
]

export const danaSecondPage: EventsPage = {
  items: [
    item("a-call-0", "sales", "call", daysAgo(9), "Intro call — left voicemail", { by: "Sam Rivera" }),
    item("e-visit-1", "marketing", "page_visit", daysAgo(12), "Visited /pricing"),
    item("e-form-1", "marketing", "form_submit", daysAgo(20), "Submitted 'Contact sales' form"),
  ],
  nextCursor: null,
}

export const danaCalls: EventsPage = {
  items: [danaFirstPage[0], danaSecondPage.items[0]],
  nextCursor: null,
}

export const danaContext: ContactContext = {
  contact: {
    id: ids.dana,
    name: "Dana Whitfield",
    firstName: "Dana",
    lastName: "Whitfield",
    emails: ["dana.whitfield@northwind.example"],
    title: "VP Revenue Operations",
    company: "Northwind Logistics",
    stage: "mql",
    score: 72,
    linkedin: "dana-whitfield",
    industry: "Logistics",
    companySize: 640,
    owner: { id: ids.owner, name: "Sam Rivera", email: "sam.rivera@relay-customer.example" },
    stageChangedAt: hoursAgo(5),
    bant: { budget: "Approved for Q3", authority: "Decision maker with CFO sign-off", need: null, timeline: null },
  },
  score: {
    total: 72,
    fit: 32,
    engagement: 40,
    threshold: 60,
    reasons: [
      { kind: "engagement", points: 15, text: "+15 attended webinar 'Scaling RevOps' 3 days ago" },
      { kind: "fit", points: 12, text: "+12 industry is Logistics" },
      { kind: "fit", points: 10, text: "+10 title matches VP" },
      { kind: "fit", points: 10, text: "+10 company size 201-1000" },
      { kind: "engagement", points: 8, text: "+8 downloaded 'RevOps Benchmark 2024' 5 days ago" },
    ],
  },
  sla: { state: "pending", mqlAt: hoursAgo(5), dueAt: new Date(Date.now() + 19 * hour).toISOString(), hours: 24 },
  events: danaFirstPage,
  nextCursor: "cursor-page-2",
  counts: {
    marketing: 5,
    sales: 2,
    byType: { call: 2, email_open: 1, webinar_attended: 1, content_download: 1, page_visit: 1, form_submit: 1 },
  },
}

export const priyaContext: ContactContext = {
  ...danaContext,
  contact: {
    ...danaContext.contact,
    id: ids.priya,
    name: "Priya Natarajan",
    firstName: "Priya",
    lastName: "Natarajan",
    emails: ["priya@northwind.example"],
    title: "CFO",
    stage: "sql",
    score: 48,
    linkedin: null,
  },
  score: { total: 48, fit: 30, engagement: 18, threshold: 60, reasons: [{ kind: "fit", points: 15, text: "+15 title matches C-level" }] },
  sla: { state: "met", mqlAt: daysAgo(10), dueAt: daysAgo(9), hours: 24 },
  events: [item("e-open-9", "marketing", "email_open", yesterday(9), "Opened 'Q3 pricing update'")],
  nextCursor: null,
  counts: { marketing: 1, sales: 0, byType: { email_open: 1 } },
}

export const jordanContext: ContactContext = {
  ...danaContext,
  contact: {
    ...danaContext.contact,
    id: ids.jordan,
    name: "Jordan Blake",
    firstName: "Jordan",
    lastName: "Blake",
    emails: ["jordan.blake@contoso.example"],
    title: "Head of Sales Ops",
    company: "Contoso",
    stage: "lead",
    score: 35,
    owner: null,
  },
  score: { total: 35, fit: 20, engagement: 15, threshold: 60, reasons: [{ kind: "fit", points: 10, text: "+10 title matches Head of" }] },
  sla: { state: "none", mqlAt: null, dueAt: null, hours: 24 },
  events: [item("e-visit-7", "marketing", "page_visit", daysAgo(3), "Visited /customers/contoso")],
  nextCursor: null,
  counts: { marketing: 1, sales: 0, byType: { page_visit: 1 } },
}

export const summary = (c: ContactContext): ContactSummary => ({
  id: c.contact.id,
  name: c.contact.name,
  emails: c.contact.emails,
  title: c.contact.title,
  company: c.contact.company,
  stage: c.contact.stage,
  score: c.contact.score,
})

export const people = {
  dana: { email: "dana.whitfield@northwind.example", name: "Dana Whitfield", role: "from" } satisfies Person,
  priya: { email: "priya@northwind.example", name: "Priya Natarajan", role: "cc" } satisfies Person,
  unknown: { email: "j.blake@gmail.example", name: "J. Blake", role: "from" } satisfies Person,
}

export const threadWith = (...who: Person[]): PageContext => ({ site: "gmail", view: "thread", people: who, subject: "Re: pricing" })

/** A UUID v4 (the shape the outbox and the API expect for client-made ids). */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

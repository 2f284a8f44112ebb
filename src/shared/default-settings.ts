import type { Settings } from "./contracts/settings"

// The settings a new org starts with; marketers tune them in PUT /api/v1/settings.
export const defaultSettings: Settings = {
  mqlThreshold: 60,
  slaHours: 24,
  scoring: {
    halfLifeDays: 30,
    fitMax: 40,
    engagementMax: 60,
    fit: {
      industries: [
        { industry: "software", points: 15 },
        { industry: "fintech", points: 15 },
        { industry: "healthcare", points: 10 },
        { industry: "logistics", points: 8 },
        { industry: "retail", points: 6 },
      ],
      titles: [
        { keyword: "chief", label: "C-level", points: 15 },
        { keyword: "vp", label: "VP", points: 12 },
        { keyword: "vice president", label: "VP", points: 12 },
        { keyword: "head of", label: "Head of", points: 10 },
        { keyword: "director", label: "Director", points: 8 },
        { keyword: "manager", label: "Manager", points: 4 },
      ],
      companySize: [
        { min: 200, max: 5000, points: 10 },
        { min: 50, max: 199, points: 5 },
      ],
    },
    events: {
      email_open: { points: 1, dailyCap: 3 },
      email_click: { points: 3, dailyCap: 9 },
      page_visit: { points: 2, dailyCap: 8 },
      content_download: { points: 8, dailyCap: 16 },
      webinar_registered: { points: 5, dailyCap: 5 },
      webinar_attended: { points: 15, dailyCap: 15 },
      form_submit: { points: 6, dailyCap: 12 },
      ad_click: { points: 2, dailyCap: 4 },
      demo_request: { points: 25, dailyCap: 25 },
      asset_view: { points: 4, dailyCap: 12 },
      trial_signup: { points: 20, dailyCap: 20 },
      unsubscribe: { points: -10, dailyCap: 0 },
    },
  },
}

// Every page, in the order the nav lists them. Reports share the filters in the URL as you move between them.
export interface NavItem {
  path: string
  label: string
  report: boolean
  /** Shown to admins only. */ adminOnly?: boolean
}

export const navItems: NavItem[] = [
  { path: "/content-usage", label: "Content usage", report: true },
  { path: "/influence", label: "Content influence", report: true },
  { path: "/handoff", label: "Handoff and SLA", report: true },
  { path: "/calibration", label: "Score calibration", report: true },
  { path: "/rep-activity", label: "Rep activity", report: true },
  { path: "/library", label: "Content library", report: false },
  { path: "/scoring", label: "Scoring", report: false },
  { path: "/selector-health", label: "Selector health", report: false, adminOnly: true },
]

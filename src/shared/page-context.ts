// What a site detector reports about the page the rep is looking at. Pure data, no DOM.
export type Site = "gmail" | "outlook" | "linkedin"
export type PageView = "thread" | "compose" | "profile" | "messaging" | "list" | "other"
export type PersonRole = "from" | "to" | "cc" | "profile" | "counterpart"

export interface Person {
  email?: string
  /** What follows /in/ in a LinkedIn URL: a vanity slug or a member id. */
  linkedin?: string
  name?: string
  company?: string
  headline?: string
  role: PersonRole
}

export interface PageContext {
  site: Site
  view: PageView
  people: Person[]
  subject?: string
  /** A short visible snippet of the open conversation, used to rank content; never stored. */
  snippet?: string
}

export const emptyContext = (site: Site, view: PageView = "other"): PageContext => ({ site, view, people: [] })

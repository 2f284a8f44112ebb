// What a site detector reports about the page the rep is looking at. Pure data, no DOM.
// The value lists are the one home of these words: the worker's zod schemas and the selector-health contract use them.
export const sites = ["gmail", "outlook", "linkedin"] as const
export type Site = (typeof sites)[number]
export const pageViews = ["thread", "compose", "profile", "messaging", "list", "other"] as const
export type PageView = (typeof pageViews)[number]
export const personRoles = ["from", "to", "cc", "profile", "counterpart"] as const
export type PersonRole = (typeof personRoles)[number]

/**
 * Which detection strategy answered, most specific first:
 * - "structure": the markup of today's app (containers, class names, the selectors dated in selectors.ts);
 * - "signals": structure-free hints that outlived many redesigns (email / data-hovercard-id attributes,
 *   /in/ links, addresses in titles and aria-labels, localised "From/To/Cc" words);
 * - "name": only a display name was on screen; the person carries a name and nothing to look up, and
 *   the sidebar resolves it through search, saying it is a guess;
 * - "none": a conversation, message or profile was on screen and no strategy found anybody (what a
 *   selector-health report counts). Absent where nobody is expected (a list, an empty draft).
 */
export const detectionStrategies = ["structure", "signals", "name", "none"] as const
export type DetectionStrategy = (typeof detectionStrategies)[number]

export interface Person {
  email?: string
  /** What follows /in/ in a LinkedIn URL: a vanity slug or a member id. */
  linkedin?: string
  /** Display name; the only field of a person found by the "name" strategy. */
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
  strategy?: DetectionStrategy
}

export const emptyContext = (site: Site, view: PageView = "other"): PageContext => ({ site, view, people: [] })

/** A person known only by the name on screen: nothing to look up, only to search for. */
export const isNameOnly = (p: Person): boolean => !p.email && !p.linkedin && !!p.name

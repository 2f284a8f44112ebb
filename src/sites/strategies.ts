// Layered detection, shared by the three sites. Each site tries its strategies from the most specific
// (today's structure) to the most general (structure-free signals, then a bare display name) and says
// which one answered. A later strategy runs only when the earlier ones found nobody, so the cheap
// structural path is all a healthy page costs. Kept apart from common.ts (and signals.ts apart from
// this) so each content-script bundle carries only what its detector uses.
import type { DetectionStrategy, Person } from "../shared/page-context"
import { finalizePeople, isViewer, normalizeEmail, type Viewer } from "./common"

export type Strategy = Exclude<DetectionStrategy, "none">
export interface Found {
  people: Person[]
  subject?: string
  snippet?: string
}
/** A strategy: its name and a body that returns undefined when its markup is not on the page at all. */
export type Attempt = readonly [Strategy, () => Found | undefined]
export interface Answer extends Found {
  /** The strategy that found somebody, if any. */
  strategy?: Strategy
  /** Some strategy recognised its markup (a compose window, a conversation), even with nobody in it. */
  present: boolean
  /** Nobody answered, but the viewer was there (their own profile, a note to self): nothing is broken. */
  viewerOnly?: boolean
}

/** The viewer, or how to find them: read from the page only once somebody was found (a list page never needs it). */
export type ViewerSource = Viewer | (() => Viewer)
const viewerOf = (source: ViewerSource): Viewer => (typeof source === "function" ? source() : source)

/** `get()` runs once, on first use: a detector's viewer, looked for only when some strategy found somebody. */
export function once<T>(get: () => T): () => T {
  let value: T | undefined
  let done = false
  return () => {
    if (!done) {
      value = get()
      done = true
    }
    return value as T
  }
}

export function layered(attempts: readonly Attempt[], source: ViewerSource): Answer {
  let subject: string | undefined
  let snippet: string | undefined
  let present = false
  let viewerOnly = false
  for (const [strategy, run] of attempts) {
    const found = run()
    if (!found) continue
    present = true
    subject ??= found.subject
    snippet ??= found.snippet
    if (found.people.length === 0) continue
    const viewer = viewerOf(source)
    const people = finalizePeople(found.people, viewer, { names: strategy === "name" })
    if (people.length > 0) return { people, strategy, subject, snippet, present }
    viewerOnly ||= found.people.some((p) => isViewer({ ...p, email: normalizeEmail(p.email) }, viewer))
  }
  return { people: [], subject, snippet, present, viewerOnly }
}

/**
 * What `strategy` a context reports: the one that answered; "none" where someone was expected and
 * nobody but possibly the viewer was found; nothing where nobody is expected.
 */
export const strategyOf = (answer: Answer | undefined, expected: boolean): DetectionStrategy | undefined =>
  answer?.strategy ?? (expected && !answer?.viewerOnly ? "none" : undefined)

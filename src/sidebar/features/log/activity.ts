// What one click logs: an ActivityInput built from the page the rep is on, and the timeline line
// it shows as until the backend has it. Pure functions, so the defaults are easy to test and read.
import type { ActivityInput, ActivityType } from "../../../shared/contracts/activities"
import { activityNames, activityNoun, activityTitle, type CallOutcome } from "../../../shared/activity-words"
import type { PageContext } from "../../../shared/page-context"
import type { ShownItem, SyncMark } from "../../shared/contact-cache"

/** The log bar's button and confirmation per activity type: "Log call", "Call logged", "the call". */
export const activityText = Object.fromEntries(
  (Object.keys(activityNames) as ActivityType[]).map((type) => {
    const noun = activityNoun(type)
    const added = type === "note"
    return [type, { button: `${added ? "Add" : "Log"} ${noun}`, done: `${activityNames[type]} ${added ? "added" : "logged"}`, noun }]
  }),
) as Record<ActivityType, { button: string; done: string; noun: string }>

// The contract's limits (contracts/activities.ts): cut rather than have the worker refuse the log.
const MAX_SUBJECT = 300
const MAX_NOTES = 10_000
const clip = (s: string | undefined, max: number) => {
  const t = s?.trim()
  return t ? t.slice(0, max) : undefined
}

interface Base {
  id: string
  contactId: string
  now: Date
}

const base = ({ id, contactId, now }: Base) => ({ id, contactId, occurredAt: now.toISOString() })

/**
 * The open email: its subject, outbound from a draft and inbound otherwise. The body (the page's
 * visible snippet) only when the rep ticked "Include the visible text".
 */
export function emailActivity(page: PageContext, o: Base & { includeText: boolean }): ActivityInput {
  return {
    ...base(o),
    type: "email",
    direction: page.view === "compose" ? "outbound" : "inbound",
    subject: clip(page.subject, MAX_SUBJECT) ?? "(no subject)",
    ...(o.includeText && clip(page.snippet, MAX_NOTES) ? { notes: clip(page.snippet, MAX_NOTES) } : {}),
  }
}

/** The open LinkedIn conversation (or, from any other page, a message the rep says they sent). */
export function linkedinActivity(page: PageContext, o: Base & { includeText: boolean }): ActivityInput {
  const onConversation = page.site === "linkedin" && page.view === "messaging"
  return {
    ...base(o),
    type: "linkedin_message",
    subject: (onConversation && clip(page.subject, MAX_SUBJECT)) || activityNames.linkedin_message,
    ...(o.includeText && clip(page.snippet, MAX_NOTES) ? { notes: clip(page.snippet, MAX_NOTES) } : {}),
  }
}

export interface CallFields {
  outcome: CallOutcome
  minutes?: number
  notes?: string
}

export function callActivity(f: CallFields, o: Base): ActivityInput {
  return {
    ...base(o),
    type: "call",
    outcome: f.outcome,
    ...(f.minutes !== undefined ? { durationSeconds: Math.round(f.minutes * 60) } : {}),
    ...(clip(f.notes, MAX_NOTES) ? { notes: clip(f.notes, MAX_NOTES) } : {}),
  }
}

export interface MeetingFields {
  title?: string
  minutes?: number
  notes?: string
}

export function meetingActivity(f: MeetingFields, o: Base): ActivityInput {
  return {
    ...base(o),
    type: "meeting",
    subject: clip(f.title, MAX_SUBJECT) ?? activityNames.meeting,
    ...(f.minutes !== undefined ? { durationSeconds: Math.round(f.minutes * 60) } : {}),
    ...(clip(f.notes, MAX_NOTES) ? { notes: clip(f.notes, MAX_NOTES) } : {}),
  }
}

export function noteActivity(text: string, o: Base): ActivityInput {
  return { ...base(o), type: "note", notes: clip(text, MAX_NOTES) }
}

/**
 * Minutes typed in a form: blank is "not given", anything else must be 0–1440.
 * Returns the number, undefined for blank, or null when it is not a valid duration.
 */
export function parseMinutes(raw: string): number | undefined | null {
  const t = raw.trim()
  if (!t) return undefined
  const n = Number(t)
  return Number.isFinite(n) && n >= 0 && n <= 24 * 60 ? n : null
}

/**
 * The timeline line for a logged activity, as the backend's timeline will show it (same id and
 * title), by "you" and marked with its outbox state until the backend has it.
 */
export function timelineItemFor(a: ActivityInput, sync: SyncMark | undefined): ShownItem {
  const item: ShownItem = { id: a.id, side: "sales", type: a.type, occurredAt: a.occurredAt, title: activityTitle(a), detail: a.notes ?? null, by: "you" }
  return sync ? { ...item, sync } : item
}

// The words for a rep's activities and for every timeline type, in one place. The server's
// timeline titles (its SQL is built from these: src/server/contacts/timeline-sql.ts), the worker's
// outbox summaries, the sidebar's line for a log not yet sent and its type labels all read them
// here, so a word changed here changes everywhere. Plain constants, no zod: the sidebar and the
// worker bundle this file.
import type { ActivityType } from "./contracts/activities"
import type { EventType } from "./contracts/events"
import type { callOutcomes } from "./vocabulary"

export type CallOutcome = (typeof callOutcomes)[number]

/** A rep's activity by type: "Call", "LinkedIn message". An unknown type is a note. */
export const activityNames: Record<ActivityType, string> = {
  call: "Call",
  email: "Email",
  linkedin_message: "LinkedIn message",
  meeting: "Meeting",
  note: "Note",
}

/** The name inside a sentence: "the call", but "the LinkedIn message" (a name with its own capitals keeps them). */
export function activityNoun(type: ActivityType): string {
  const name = activityNames[type]
  const [first, ...rest] = name.split(" ")
  return /^[A-Z][^A-Z]*$/.test(first) ? [first.toLowerCase(), ...rest].join(" ") : name
}

/** What a call came to, as the rep picks it. */
export const outcomeLabels: Record<CallOutcome, string> = {
  connected: "Connected",
  left_voicemail: "Left voicemail",
  no_answer: "No answer",
  wrong_number: "Wrong number",
}

/** A stored code in words: "left_voicemail" → "left voicemail". */
export const codeWords = (code: string) => code.replaceAll("_", " ")

/** Between an activity's name and its outcome in a title: "Call — connected". */
export const titleDash = " — "

const activityName = (type: string) => (Object.hasOwn(activityNames, type) ? activityNames[type as ActivityType] : activityNames.note)

/**
 * The timeline title of a rep's activity: its subject, else its name and outcome in words
 * ("Call — left voicemail"). The server's timeline builds the same title in SQL from these words;
 * the sidebar uses this for a log the outbox still holds, so it reads the same before and after it syncs.
 */
export function activityTitle(a: { type: string; subject?: string | null; outcome?: string | null }): string {
  if (a.subject != null) return a.subject
  return a.outcome != null ? `${activityName(a.type)}${titleDash}${codeWords(a.outcome)}` : activityName(a.type)
}

/** Marketing events by type, as the timeline labels them. */
export const eventTypeLabels: Record<EventType, string> = {
  email_sent: "Email sent",
  email_open: "Email opened",
  email_click: "Email link clicked",
  page_visit: "Page visit",
  content_download: "Content download",
  webinar_registered: "Webinar registration",
  webinar_attended: "Webinar attended",
  form_submit: "Form submitted",
  ad_click: "Ad click",
  demo_request: "Demo request",
  asset_view: "Content viewed",
  trial_signup: "Trial signup",
  unsubscribe: "Unsubscribed",
}

/** Any timeline type, marketing or sales; one Relay does not know reads as its words ("trial_extended" → "Trial extended"). */
export function timelineTypeLabel(type: string): string {
  if (Object.hasOwn(eventTypeLabels, type)) return eventTypeLabels[type as EventType]
  if (Object.hasOwn(activityNames, type)) return activityNames[type as ActivityType]
  const words = codeWords(type).trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

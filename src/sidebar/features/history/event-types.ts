// How each timeline type reads and looks. Marketing event types come from contracts/events.ts,
// sales activity types from contracts/activities.ts; unknown types fall back to their name.
const types: Record<string, { label: string; icon: string }> = {
  email_sent: { label: "Email sent", icon: "📨" },
  email_open: { label: "Email opened", icon: "📬" },
  email_click: { label: "Email link clicked", icon: "🔗" },
  page_visit: { label: "Page visit", icon: "🌐" },
  content_download: { label: "Content download", icon: "📄" },
  webinar_registered: { label: "Webinar registration", icon: "🗓️" },
  webinar_attended: { label: "Webinar attended", icon: "🎥" },
  form_submit: { label: "Form submitted", icon: "📝" },
  ad_click: { label: "Ad click", icon: "📣" },
  demo_request: { label: "Demo request", icon: "🙋" },
  asset_view: { label: "Content viewed", icon: "👀" },
  trial_signup: { label: "Trial signup", icon: "🚀" },
  unsubscribe: { label: "Unsubscribed", icon: "🚫" },
  call: { label: "Call", icon: "📞" },
  email: { label: "Email", icon: "✉️" },
  linkedin_message: { label: "LinkedIn message", icon: "💬" },
  meeting: { label: "Meeting", icon: "🤝" },
  note: { label: "Note", icon: "🗒️" },
}

export function typeLabel(type: string): string {
  const known = types[type]?.label
  if (known) return known
  const words = type.replaceAll("_", " ").trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export const typeIcon = (type: string): string => types[type]?.icon ?? "•"

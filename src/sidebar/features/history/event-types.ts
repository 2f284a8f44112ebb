// How each timeline type looks. What it is called is in the shared words (timelineTypeLabel in
// src/shared/activity-words.ts), which the server's timeline titles are built from too.

const icons: Record<string, string> = {
  email_sent: "📨",
  email_open: "📬",
  email_click: "🔗",
  page_visit: "🌐",
  content_download: "📄",
  webinar_registered: "🗓️",
  webinar_attended: "🎥",
  form_submit: "📝",
  ad_click: "📣",
  demo_request: "🙋",
  asset_view: "👀",
  trial_signup: "🚀",
  unsubscribe: "🚫",
  call: "📞",
  email: "✉️",
  linkedin_message: "💬",
  meeting: "🤝",
  note: "🗒️",
}

export const typeIcon = (type: string): string => (Object.hasOwn(icons, type) ? icons[type] : "•")

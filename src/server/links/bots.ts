// Who opens a tracked link without being the person it was sent to. Mail security gateways open every
// link in a message the moment it arrives (to scan it), chat apps fetch previews, crawlers follow
// anything; none of that is the contact reading the asset, so it must never move a lead score.
// Matched case-insensitively as substrings of the User-Agent header. Keep this the only list.
export const scannerAgents: readonly string[] = [
  // Search and social crawlers / link-preview fetchers
  "Googlebot",
  "bingbot",
  "Slackbot",
  "Slack-ImgProxy",
  "facebookexternalhit",
  "LinkedInBot",
  "Twitterbot",
  "WhatsApp",
  "TelegramBot",
  "Discordbot",
  "SkypeUriPreview",
  "redditbot",
  "Applebot",
  "YandexBot",
  "DuckDuckBot",
  // Mail security gateways and Outlook Safe Links (which fetches as "Microsoft Office ...")
  "Microsoft Office",
  "Microsoft Outlook",
  "Proofpoint",
  "Mimecast",
  "Barracuda",
  "Symantec",
  "Forcepoint",
  "Sophos",
  "ZScaler",
  "Trend Micro",
  // Scripts and headless browsers
  "curl",
  "Wget",
  "python-requests",
  "python-urllib",
  "aiohttp",
  "Go-http-client",
  "Java/",
  "okhttp",
  "node-fetch",
  "axios",
  "libwww-perl",
  "HeadlessChrome",
  "PhantomJS",
  // Anything that calls itself a bot
  "bot/",
  "crawler",
  "spider",
]

const lowered = scannerAgents.map((s) => s.toLowerCase())

/** The scanner a User-Agent belongs to, if any. */
export function scannerOf(userAgent: string): string | undefined {
  const ua = userAgent.toLowerCase()
  const i = lowered.findIndex((s) => ua.includes(s))
  return i === -1 ? undefined : scannerAgents[i]
}

/** Opened this soon after the share, it is a gateway scanning the message, not a person reading it. */
export const humanDelayMs = 10_000

/** Why a view is not engagement, or undefined when it looks like a person. */
export function flagReason(v: { method: string; userAgent: string | undefined; sinceShareMs: number }): string | undefined {
  if (v.method === "HEAD") return "HEAD request (link checker)"
  const ua = v.userAgent?.trim() ?? ""
  if (!ua) return "no user agent"
  const scanner = scannerOf(ua)
  if (scanner) return `scanner: ${scanner}`
  if (v.sinceShareMs < humanDelayMs) return `opened ${Math.max(0, Math.round(v.sinceShareMs / 1000))} s after sharing (mail scanner)`
  return undefined
}

// Gmail markup hooks. Prefer attributes Gmail has kept for years (email, name, data-hovercard-id,
// name="subjectbox", role, g_editable) over its generated class names; where only a class exists,
// it is listed with the period it was seen. Newer markup first, older markup after it.
//
// Layered detection (detect.ts) reads these in order: the structure of today's app first, then the
// structure-free SIGNAL_* lists, then NAME_ONLY. Everything a strategy needs is data here, so a
// signed selector overlay can add to any list without new code.
import { HEADER_WORDS, ME_WORDS } from "../words"

/** Google bar account button; aria-label "Google Account: Name (address)". Seen 2019–2026, all locales. */
export const VIEWER_HINTS = [
  'header a[aria-label*="@"]',
  '#gb a[aria-label*="@"]',
  '[role="banner"] a[aria-label*="@"]',
  // Account switcher / profile card hints, seen 2023–2025.
  "header [data-email]",
  "#gb [data-email]",
] as const

/** The main pane holding either the conversation list or the open thread. Seen 2014–2026. */
export const MAIN = ['div[role="main"]'] as const

/** Compose dock at the bottom right where floating compose windows live. Seen 2016–2025. */
export const COMPOSE_DOCK = ["div.dw", 'div[role="region"][aria-label*="ompose"]'] as const

/** Thread subject heading. h2.hP seen 2015–2026; data-thread-perm-id since 2018. */
export const THREAD_SUBJECT = ["h2.hP", "h2[data-thread-perm-id]", "[data-thread-perm-id] h2", "h2[data-legacy-thread-id]"] as const

/** One message of a thread, expanded or collapsed. */
export const MESSAGE = [
  "div[data-message-id]", // every message container, seen 2018–2026
  "div.adn.ads", // expanded message, seen 2014–2026
  "div.kv", // collapsed message row, seen 2014–2025
  "div.kQ", // collapsed "N older messages" neighbours, seen 2016–2022
] as const

/** Sender of a message, expanded or collapsed: span with email + name attributes. */
export const SENDER = ["span.gD[email]", "h3.iw span[email]", "span.zF[email]", "span.yP[email]"] as const

/** Recipients in the expanded header line ("to me, Bob") and in the details table. Seen 2014–2026. */
export const RECIPIENT = ["span.g2[email]", "span.g2[data-hovercard-id]"] as const

/** A row of the expanded details table (from / to / cc / date …): label cell + value cell. */
export const DETAILS_ROW = ["table.ajC tr", "tr.ajv"] as const
export const DETAILS_LABEL = ["td.gG", "td:first-child"] as const

/** Message bodies: addresses in here are content, never people on screen. Seen 2014–2026. */
export const BODY = ["div.a3s", "div.ii.gt", "div[data-message-body]"] as const

/** Conversation list rows in the inbox. tr.zA seen 2012–2026. */
export const LIST_ROW = ["tr.zA", 'div[role="main"] table[role="grid"] tr'] as const

/**
 * The editable body of a compose window, a pop-out or an inline reply: detection reads who the rep writes to
 * from the compose around it, and "Insert" puts a tracked link in it (src/sites/compose.ts). One list for both,
 * so a signed overlay that adds a selector here fixes both. Attributes first, they outlive Gmail's class names.
 */
export const COMPOSE_BODY = [
  'div[contenteditable="true"][g_editable="true"]', // every compose and inline reply, seen 2014–2026 (fixtures compose.html, inline-reply-legacy.html)
  'div[contenteditable="true"][role="textbox"][aria-label="Message Body"]', // English aria-label, seen 2018–2026 (demo page /demo/gmail?compose=new)
  'div.Am.editable[contenteditable="true"]', // legacy class names, seen 2014–2021
] as const

/** What follows the rep's own words in a compose body: "at the end" means above the first of these. */
export const composeTail = [
  "div.gmail_signature_prefix", // "-- " line before the signature, seen 2019–2026
  "div.gmail_signature", // signature block, seen 2014–2026
  "div.gmail_quote", // quoted thread under a reply, seen 2012–2026 (fixture inline-reply-legacy.html)
  "blockquote.gmail_quote",
  "div.gmail_extra", // legacy wrapper of the quote, seen 2014–2020
] as const

/** The box that holds one compose: floating window, pop-in, inline reply. */
export const COMPOSE_ROOT = [
  "div.M9", // compose form wrapper (floating and inline), seen 2014–2026
  'div[role="dialog"]', // floating compose window, seen 2016–2026
  "div.ip.adB", // inline reply container, seen 2016–2024
] as const

/** Compose subject input; name="subjectbox" is language-neutral. Seen 2014–2026. */
export const COMPOSE_SUBJECT = ['input[name="subjectbox"]', 'input[name="subject"]'] as const

/** Current recipient chips (2022–2026): data-hovercard-id holds the address, data-name the name. */
export const CHIP = ["div[data-hovercard-id][data-name]", "[data-hovercard-id][role=option]", "div.afV[data-hovercard-id]"] as const

/** Legacy recipient chips inside .vR (2016–2021), plus the collapsed-recipients summary spans. */
export const LEGACY_CHIP = [".vR span[email]", "span.vN[email]", ".oL span[email]", ".aoD span[email]"] as const

/** Hidden inputs carrying "Name <address>" per field, legacy compose (seen 2016–2021). */
export const FIELD_INPUT = ['input[name="to"]', 'input[name="cc"]', 'input[name="bcc"]'] as const

/**
 * What tells a recipients field (To / Cc / Bcc) apart: the hidden input's name (legacy) or the
 * peoplekit combobox's aria-label ("To recipients", "CC recipients", "Cc-Empfänger"), seen 2022–2026.
 */
export const FIELD_MARKER = [
  'input[name="to"]',
  'input[name="cc"]',
  'input[name="bcc"]',
  "input[peoplekit-id]",
  'input[role="combobox"]',
  "textarea[name]",
] as const

// ---- Structure-free signals: what outlived every Gmail redesign since 2012 ----------------------

/** Attributes Gmail puts on every person it renders (sender, recipients, chips); class names vary. */
export const SIGNAL_PERSON = ["[email]", "[data-hovercard-id]"] as const

/** Where signals are looked for: the main pane (a role, not a class); else the whole fragment. */
export const SIGNAL_ROOT = ['div[role="main"]'] as const

/**
 * Message bodies and quoted text, told apart without Gmail's class names: addresses in here are
 * content. The dated body selectors come first, then what any mail body is made of.
 */
export const SIGNAL_BODY = [
  ...BODY,
  ".gmail_quote", // quoted thread, class written into the mail itself, seen 2012–2026
  "blockquote",
  '[contenteditable="true"]',
  '[role="textbox"]',
] as const

/** People on screen who are not in the conversation: the Google bar, the nav and chat roster, side panels, the list. */
export const SIGNAL_OUTSIDE = [
  "header",
  '[role="banner"]',
  '[role="navigation"]',
  '[role="complementary"]', // side panel (Calendar, Contacts add-ons); ARIA landmark, not yet checked against a capture (2026-12-01)
  'table[role="grid"]', // conversation list, seen 2014–2026
  ...LIST_ROW,
] as const

/** Recipient fields of a compose, without the compose body: hidden inputs (legacy) and the peoplekit combobox. */
export const SIGNAL_FIELD = [...FIELD_INPUT, "input[peoplekit-id]", 'input[role="combobox"][aria-label]'] as const

/** The thread subject when the dated heading selectors miss: the first heading of the main pane. */
export const SIGNAL_SUBJECT = ["h2", '[role="heading"][aria-level="2"]'] as const

/** Header words ("to me", "Cc:") by interface language; see ../words.ts. */
export const WORDS = HEADER_WORDS
export const ME = ME_WORDS

/** Only a display name on screen (a sender span that lost its address): the last resort. */
export const NAME_ONLY = ["span[name]:not([email]):not([data-hovercard-id])"] as const

// Outlook on the web (outlook.office.com, outlook.live.com) markup hooks. OWA's class names are
// generated per build, so these lean on ids, data-app-section, roles, aria-labels and the title
// attribute that holds a persona's address. Newer markup first.
//
// Layered detection (detect.ts) reads these in order: the structure of today's app (the reading pane
// containers), then the structure-free SIGNAL_* lists, then NAME_ONLY. All of it is data, so a signed
// selector overlay can add to any list without new code.
import { HEADER_WORDS } from "../words"

/** Signed-in account: Me control flyout and header button, folder-pane mailbox root. */
export const VIEWER_EMAIL = [
  "#mectrl_currentAccount_secondary", // Me control flyout, seen 2019–2026
  '#O365_MainLink_Me [aria-label*="@"]', // header account button, seen 2020–2024
  '[data-app-section="NavigationPane"] [role="treeitem"][title*="@"]', // mailbox root in folder pane, seen 2022–2026
  '[data-app-section="NavigationPane"] [data-folder-name][title*="@"]',
] as const
/** Account button, aria-label "Account manager for Riley Park" (localised). Seen 2019–2026. */
export const VIEWER_BUTTON = ["#O365_MainLink_Me", "button#mectrl_main_trigger", "#mectrl_currentAccount_primary"] as const

/** The app's main region (list + reading pane + inline compose). Seen 2020–2026. */
export const MAIN = ["#MainModule", 'div[role="main"]', "#app"] as const

/** Conversation list. data-app-section seen 2021–2026; aria-label "Message list" (English) 2019–2026. */
export const MESSAGE_LIST = ['[data-app-section="MessageList"]', 'div[role="listbox"][aria-label*="essage list"]'] as const
export const LIST_ROW = ['[data-app-section="MessageList"] [role="option"]', "div[data-convid]"] as const

/** Reading pane around the open conversation. */
export const READING_PANE = [
  '[data-app-section="ConversationContainer"]', // seen 2021–2026
  "#ConversationReadingPaneContainer", // seen 2020–2025
  "#ReadingPaneContainerId", // seen 2018–2023
  'div[aria-label="Reading Pane"]', // English only, legacy, seen 2018–2021
] as const

/** Subject heading of the open conversation. */
export const SUBJECT = ['[role="heading"][aria-level="2"] [title]', '[role="heading"][aria-level="2"]', "span.rpHighlightSubjectClass"] as const

/** A persona (sender or recipient) with its address in title or aria-label. Seen 2019–2026. */
export const PERSONA = ['[title*="@"]', '[aria-label*="@"]', "span[data-lpc-hover-target-id]"] as const

/** Message bodies: addresses in here are content, not people. */
export const BODY = [
  'div[aria-label="Message body"]', // read mode, English aria-label, seen 2019–2026
  'div[id^="UniqueMessageBody"]', // seen 2018–2026, language-neutral
  "div.allowTextSelection", // legacy body wrapper, seen 2017–2021
] as const

/**
 * The multi-line body of a new mail or an inline reply: detection reads the compose around it, and "Insert"
 * puts a tracked link in it (src/sites/compose.ts). One list for both, so an overlay that adds here fixes both.
 * The To / Cc wells are contenteditable textboxes too, but single-line (aria-multiline="false").
 */
export const COMPOSE_BODY = [
  'div[contenteditable="true"][role="textbox"][aria-label^="Message body"]', // "Message body, press Alt+F10 to exit", English, seen 2019–2026 (fixture compose.html)
  '[aria-label="Message body"][contenteditable="true"]', // demo page /demo/outlook#/mail/deeplink/compose, 2026
  '[data-app-section="MailCompose"] div[contenteditable="true"][aria-multiline="true"]', // any language, seen 2022–2026
  '#docking_InitVisiblePart_0 div[contenteditable="true"][aria-multiline="true"]', // seen 2019–2024
] as const

/** What follows the rep's own words in a compose body: "at the end" means above the first of these. */
export const composeTail = [
  "#Signature", // signature block, seen 2019–2026
  "#appendonsend", // marker above the quoted message of a reply, seen 2019–2026
  'div[id^="divRplyFwdMsg"]', // "From: … Sent: …" header of the quoted message, seen 2018–2026
] as const

export const COMPOSE_ROOT = ['[data-app-section="MailCompose"]', "#docking_InitVisiblePart_0", 'div[aria-label="Compose"]', "form"] as const

/** Recipient wells (To / Cc / Bcc): contenteditable textboxes labelled with the field's name. */
export const WELL = ['div[role="textbox"][aria-label]:not([aria-multiline="true"])', 'div[role="listbox"][aria-label]'] as const
export const COMPOSE_SUBJECT = ['input[aria-label="Add a subject"]', 'input[maxlength="255"]', 'input[placeholder][id^="TextField"]'] as const

// ---- Structure-free signals: what every OWA build since 2017 has kept ---------------------------

/** Where signals are looked for: the app's main region (ids and roles, not generated classes); else the fragment. */
export const SIGNAL_ROOT = MAIN

/** A persona with its address in an attribute: title, aria-label or the live persona card's hover target. */
export const SIGNAL_PERSON = PERSONA

/** Header lines labelled with a From/To/Cc word in any language: aria-label "Von: Ann <ann@x.example>". */
export const SIGNAL_LINE = ['[aria-label*=":"]'] as const

/** A message body when the reading pane's containers are gone: read for the snippet. */
export const SIGNAL_MESSAGE_BODY = [
  ...BODY,
  'div[role="document"]', // read-mode body in recent builds, as other OWA extensions read it; fixture reading-pane-recent.html is written, not captured (2026-12-01)
  'div[aria-label="Nachrichtentext"]', // German "Message body" (fixture reading-pane-de-unanchored.html, written, not captured, 2026-12-01)
] as const

/** Message bodies and quotes, in any language: addresses in here are content, not people. */
export const SIGNAL_BODY = [...SIGNAL_MESSAGE_BODY, '[contenteditable="true"]', "blockquote", 'a[href^="mailto:"]'] as const

/** People on screen outside the open conversation: the header (viewer), folders, the message list, persona cards. */
export const SIGNAL_OUTSIDE = [
  "#O365_NavHeader",
  '[role="banner"]',
  '[role="navigation"]',
  '[data-app-section="NavigationPane"]',
  ...MESSAGE_LIST,
  '[role="listbox"]',
  '[role="option"]',
  "[data-convid]",
  '[role="dialog"]', // live persona card over the page, seen 2019–2026
  '[role="complementary"]', // side panes (My Day, calendar, add-ins); ARIA landmark, not yet checked against a capture (2026-12-01)
] as const

/** The folder pane (the viewer's mailboxes and folders). data-app-section seen 2022–2026; the ARIA landmark for older builds. */
export const FOLDER_PANE = ['[data-app-section="NavigationPane"]', '[role="navigation"]'] as const

/** Header words ("Von:", "An:", "Cc:") by interface language; see ../words.ts. */
export const WORDS = HEADER_WORDS

/**
 * Only a display name on screen: a collapsed message card (its first line is the sender's name), seen
 * 2019–2026. Read by the "name" strategy, after the header lines that carry a name and no address.
 */
export const NAME_ONLY_CARD = ['[role="listitem"][aria-expanded="false"]'] as const
export const CARD_SENDER = [":scope > :first-child"] as const

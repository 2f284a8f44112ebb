// LinkedIn markup hooks. LinkedIn ships hashed class names next to long-lived BEM names
// (pv-top-card, msg-thread, global-nav); the BEM names and /in/ links are what we rely on.
//
// Layered detection (detect.ts): the structure of today's app (top card, title bars, the overlay
// bubble's header) first, then the structure-free /in/ links of the open conversation, then a bare
// name. Everything a strategy reads is data here, so a signed selector overlay can add to it.

/** Global nav "Me" menu: photo alt is the viewer's name, the menu links to the viewer's /in/ page. */
export const VIEWER_LINK = [
  '.global-nav__me a[href*="/in/"]', // seen 2019–2026
  '.global-nav__me-content a[href*="/in/"]', // "View profile" in the Me dropdown, seen 2020–2026
  '.feed-identity-module a[href*="/in/"]', // left rail on the feed, seen 2019–2025
  '[data-control-name="identity_welcome_message"][href*="/in/"]', // legacy feed identity, seen 2018–2020
] as const
export const VIEWER_NAME = ["img.global-nav__me-photo[alt]", ".global-nav__me img[alt]", ".feed-identity-module__actor-meta a"] as const

/** The page's main column, the stable container the SPA swaps views in. */
export const MAIN = [".application-outlet", "main", "#main"] as const

/** Profile top card. */
export const TOP_CARD = [
  "section.pv-top-card", // seen 2019–2023
  "main section.artdeco-card:first-of-type", // seen 2022–2026
  "main section[data-member-id]", // seen 2021–2026
  "main", // last resort: the first h1 of the page is the member's name
] as const
export const PROFILE_NAME = ["h1.text-heading-xlarge", "h1.inline.t-24", "h1"] as const
export const PROFILE_HEADLINE = [
  ".pv-text-details__left-panel .text-body-medium",
  "div.text-body-medium.break-words",
  ".pv-top-card--list + .text-body-medium",
  "h2.top-card-layout__headline",
] as const
/** Current company button in the top card, aria-label "Current company: X. Click to skip…". */
export const CURRENT_COMPANY_BUTTON = ['button[aria-label^="Current company:"]', '[aria-label^="Current company"]'] as const
/** Company name in the top card's right panel (any language), seen 2022–2026. */
export const TOP_CARD_COMPANY = [
  ".pv-text-details__right-panel-item-text",
  'ul.pv-text-details__right-panel a[href*="/company/"]',
  'a[href*="/company/"][data-field="experience_company_logo"]',
  ".pv-top-card--experience-list-item",
] as const
/** First entry of the experience section (the current position), used when the top card has none. */
export const EXPERIENCE_COMPANY = [
  '#experience ~ div li:first-child .t-14.t-normal > span[aria-hidden="true"]',
  "#experience ~ div li:first-child .t-14.t-normal span",
] as const
export const ABOUT = [
  '#about ~ div .inline-show-more-text span[aria-hidden="true"]',
  "#about ~ div .inline-show-more-text",
  "section.pv-about-section",
] as const

/** Messaging: the open conversation's title bar holds the other member's /in/ link and name. */
export const THREAD_TITLE = [
  ".msg-title-bar", // seen 2021–2026
  ".msg-thread .msg-entity-lockup", // seen 2020–2023
  ".msg-overlay-conversation-bubble--is-active .msg-overlay-bubble-header", // chat bubble header, seen 2019–2026
] as const
export const THREAD_PROFILE_LINK = ['a[href*="/in/"]'] as const
export const THREAD_NAME = ["h2.msg-entity-lockup__entity-title", ".msg-title-bar__title-bar-title h2", ".msg-entity-lockup__entity-title", "h2"] as const
export const THREAD_HEADLINE = [".msg-entity-lockup__entity-info", ".msg-title-bar__subtitle"] as const
export const THREAD_MESSAGES = [".msg-s-event-listitem__body", ".msg-s-message-list__event p"] as const

/**
 * Where "Insert" puts a tracked link (src/sites/compose.ts): the message box of the messaging page or
 * of a chat bubble. It holds plain text (a link becomes a preview once sent), so the URL goes in as text.
 */
export const COMPOSE_BODY = [
  'div.msg-form__contenteditable[contenteditable="true"]', // messaging page and chat bubbles, seen 2019–2026 (fixture messaging.html, demo page)
  'form.msg-form div[contenteditable="true"][role="textbox"]', // hashed classes around a stable form, seen 2022–2026
] as const

// ---- Messaging overlay: a conversation bubble open over any page (feed, profile, search) -----------

/** Where the overlay's bubbles live; watched as well as MAIN in case a build renders it outside. Seen 2019–2026. */
export const MESSAGING_OVERLAY = ["#msg-overlay", ".msg-overlay-container"] as const

/** An open (not minimised) conversation bubble. Seen 2019–2026; the list bubble is not a conversation. */
export const CONVERSATION_BUBBLE = [
  ".msg-overlay-conversation-bubble:not(.msg-overlay-conversation-bubble--is-minimized)", // bubble seen 2019–2026; the minimised modifier is assumed (2026-12-01)
] as const
/** The bubble's header: the other member's name, a link to their profile (vanity slug or member id). */
export const BUBBLE_HEADER = [".msg-overlay-bubble-header", "header"] as const
export const BUBBLE_PROFILE_LINK = ['.msg-overlay-bubble-header__title a[href*="/in/"]', 'a[href*="/in/"]'] as const
export const BUBBLE_NAME = [".msg-overlay-bubble-header__title", "h2"] as const

// ---- Structure-free signals ----------------------------------------------------------------------

/** The open conversation on the messaging page, where its /in/ links are looked for. */
export const SIGNAL_CONVERSATION = [".msg-thread", ".msg-convo-wrapper", ".scaffold-layout__detail"] as const
/** Member links in a conversation: the message groups' senders and the header. Any /in/ link counts. */
export const SIGNAL_LINK = ['a[href*="/in/"]'] as const
/** Message text and the message box: a profile link typed into a message is content, not a participant. */
export const SIGNAL_BODY = [".msg-s-event-listitem__body", ".msg-s-event-listitem__message-bubble", '[contenteditable="true"]', "form", "p"] as const
/** The sender's name inside a message-group link (else the link's own text, else its photo's alt). */
export const SIGNAL_LINK_NAME = [".msg-s-message-group__name", "span"] as const

/** LinkedIn's message box has no signature or quoted text. */
export const composeTail = [] as const

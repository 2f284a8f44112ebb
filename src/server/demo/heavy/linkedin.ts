// Real-size LinkedIn pages (about 600 KB of markup each) for the cost benchmark and the detector tests:
// a member profile (/demo/linkedin-heavy/in/<slug>/, a showcase contact) and the feed (/demo/linkedin-heavy/feed/,
// nobody in particular on screen). Written from what LinkedIn renders in 2025–2026: ember-view wrappers with long
// class lists, every icon an inline SVG, every line of text twice (aria-hidden and visually-hidden), <code> data
// islands of JSON, sections for experience, education, skills, activity and recommendations, "People also viewed"
// and "People you may know" with other members' /in/ links, the viewer's own nav photo and "Me" link, and the
// messaging overlay's list bubble. Like LinkedIn, parts arrive after the load (lazy sections, more posts), so a
// watcher sees the page mutate. Seeded: the same page on every render. Every person here is invented.
import { showcaseContacts, showcaseViewer, type ShowcaseContact } from "../../seed/showcase"
import { classes, dataIsland, esc, hashed, icon, nest, paragraph, rng, sentence, someone, styleSheet, twice, type Rng, type Someone } from "./markup"

export const HEAVY_LINKEDIN = "/demo/linkedin-heavy"
const VIEWER = { ...showcaseViewer, slug: "riley-park-acme" }
const full = (c: ShowcaseContact) => `${c.firstName} ${c.lastName}`

let ember = 100
const emberId = () => `ember${ember++}`

function nav(r: Rng): string {
  const items = ["Home", "My Network", "Jobs", "Messaging", "Notifications"]
    .map(
      (label) =>
        `<li class="global-nav__primary-item"><a class="app-aware-link global-nav__primary-link ${classes(r, 2)}" href="${HEAVY_LINKEDIN}/feed/">${nest(r, 2, icon(r, "mercado-match"))}<span class="t-12 break-words block t-black--light t-normal global-nav__primary-link-text" title="${label}">${label}</span></a></li>`,
    )
    .join("")
  return `<header id="global-nav" class="global-nav global-nav--jet-black ${classes(r, 3)}" role="banner"><div class="global-nav__content">
<a class="global-nav__branding" href="${HEAVY_LINKEDIN}/feed/">${icon(r, "global-nav__logo", 34)}</a>
<div id="global-nav-search" class="global-nav__search">${nest(r, 4, `<input class="search-global-typeahead__input" placeholder="Search" role="combobox" aria-autocomplete="list" aria-label="Search" type="text">`)}</div>
<nav class="global-nav__nav" aria-label="Primary Navigation"><ul class="global-nav__primary-items">${items}
<li class="global-nav__primary-item"><div class="global-nav__me ${classes(r, 2)}" id="${emberId()}">
<button class="global-nav__primary-link global-nav__primary-link-me-menu-trigger artdeco-dropdown__trigger" aria-expanded="false" type="button">
<img width="24" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="${esc(VIEWER.name)}" height="24" class="global-nav__me-photo evi-image ember-view" id="${emberId()}">
<span class="t-12 global-nav__primary-link-text">Me</span>${icon(r, "global-nav__icon", 16)}</button>
<div class="global-nav__me-content artdeco-dropdown__content" aria-hidden="true"><a href="${HEAVY_LINKEDIN}/in/${VIEWER.slug}/" class="ember-view">View Profile</a></div></div></li></ul></nav></div></header>`
}

const avatar = (r: Rng, p: { name: string }, size = 48) =>
  `<img width="${size}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" loading="lazy" height="${size}" alt="${esc(p.name)}" id="${emberId()}" class="ivm-view-attr__img--centered EntityPhoto-circle-3 evi-image lazy-image ember-view ${classes(r, 1)}">`

/** A member in a side card or a post: photo, linked name, headline, a Connect or Follow button. */
function memberEntity(r: Rng, p: Someone, action = "Connect"): string {
  const link = `${HEAVY_LINKEDIN}/in/${p.slug}/`
  return `<li class="artdeco-list__item ${classes(r, 3)}"><div class="${classes(r, 4)}" data-view-name="profile-component-entity">
${nest(r, 3, `<a class="optional-action-target-wrapper display-flex" target="_self" href="${link}">${nest(r, 2, avatar(r, p))}</a>`)}
<div class="display-flex flex-column full-width align-self-center">${nest(
    r,
    2,
    `<a class="optional-action-target-wrapper display-flex flex-column full-width" href="${link}"><div class="display-flex align-items-center mr1 hoverable-link-text t-bold">${twice(p.name)}</div>
<span class="t-14 t-normal">${twice(`· ${r.pick(["2nd", "3rd+", "1st"])}`)}</span><div class="t-14 t-normal">${twice(`${p.title} at ${p.company}`)}</div></a>`,
  )}
<div class="${classes(r, 2)}"><button aria-label="Invite ${esc(p.name)} to connect" class="artdeco-button artdeco-button--muted artdeco-button--2 artdeco-button--secondary ember-view" id="${emberId()}" type="button">${icon(r, "artdeco-button__icon", 16)}<span class="artdeco-button__text">${action}</span></button></div></div></div></li>`
}

function sideCard(r: Rng, id: string, title: string, people: Someone[]): string {
  return `<section class="artdeco-card pv-profile-card break-words ${classes(r, 2)}" id="${id}" data-view-name="profile-card"><div class="pvs-header__container"><h2 class="pvs-header__title text-heading-large">${twice(title)}</h2></div>
<div class="pvs-list__outer-container"><ul class="pvs-list ${classes(r, 2)}">${people.map((p) => memberEntity(r, p)).join("")}</ul></div></section>`
}

/** One entry of Experience or Education: logo, title, company · type, dates, location, description. */
function entry(r: Rng, title: string, sub: string, dates: string, text: string): string {
  return `<li class="artdeco-list__item pvs-list__item--line-separated ${classes(r, 3)}" id="profilePagedListComponent-${hashed(r)}">
<div class="${classes(r, 4)}" data-view-name="profile-component-entity">${nest(r, 3, `<a class="optional-action-target-wrapper display-flex" href="${HEAVY_LINKEDIN}/company/${r.int(1000, 99999)}/">${avatar(r, { name: `${sub} logo` }, 48)}</a>`)}
<div class="display-flex flex-column align-self-center flex-grow-1">${nest(
    r,
    3,
    `<div class="display-flex align-items-center mr1 t-bold">${twice(title)}</div><span class="t-14 t-normal">${twice(sub)}</span><span class="t-14 t-normal t-black--light"><span class="pvs-entity__caption-wrapper" aria-hidden="true">${esc(dates)}</span><span class="visually-hidden">${esc(dates)}</span></span>`,
  )}
<div class="pvs-entity__sub-components"><ul class="${classes(r, 2)}"><li class="${classes(r, 2)}"><div class="inline-show-more-text--is-collapsed inline-show-more-text full-width">${twice(text)}</div></li></ul></div></div></div></li>`
}

function section(r: Rng, id: string, title: string, body: string): string {
  return `<section data-view-name="profile-card" class="artdeco-card pv-profile-card break-words mt2 ${classes(r, 2)}" id="${emberId()}"><div id="${id}" class="pv-profile-card__anchor"></div>
<div class="pvs-header__container">${nest(r, 3, `<h2 class="pvs-header__title text-heading-large"><span aria-hidden="true">${esc(title)}</span><span class="visually-hidden">${esc(title)}</span></h2>`)}</div>
<div class="${classes(r, 3)}">${body}</div></section>`
}

/** A post with its author, text, counts, buttons and a few comments by other members. */
function post(r: Rng, author: { name: string; slug: string; title: string }, crowd: Someone[]): string {
  const link = `${HEAVY_LINKEDIN}/in/${author.slug}/`
  const comments = Array.from({ length: r.int(1, 3) }, () => {
    const c = r.pick(crowd)
    return `<article class="comments-comment-entity ${classes(r, 2)}" data-id="urn:li:comment:(${r.int(1e9, 9e9)})">${nest(r, 2, `<a class="app-aware-link" href="${HEAVY_LINKEDIN}/in/${c.slug}/">${avatar(r, c, 32)}</a>`)}
<div class="comments-comment-meta__description"><a class="comments-comment-meta__description-container" href="${HEAVY_LINKEDIN}/in/${c.slug}/"><span class="comments-comment-meta__description-title">${esc(c.name)}</span><span class="comments-comment-meta__description-subtitle">${esc(c.title)} at ${esc(c.company)}</span></a></div>
<div class="comments-comment-item__main-content feed-shared-main-content--comment"><span class="${classes(r, 1)}"><span dir="ltr">${esc(sentence(r))}</span></span></div></article>`
  }).join("")
  const buttons = ["Like", "Comment", "Repost", "Send"]
    .map(
      (b) =>
        `<button aria-label="${b}" class="artdeco-button artdeco-button--muted artdeco-button--4 artdeco-button--tertiary ${classes(r, 2)}" type="button">${icon(r, "artdeco-button__icon")}<span class="artdeco-button__text">${b}</span></button>`,
    )
    .join("")
  return `<div class="feed-shared-update-v2 feed-shared-update-v2--minimal-padding full-height relative artdeco-card ${classes(r, 2)}" data-urn="urn:li:activity:${r.int(1e9, 9e9)}${r.int(1e8, 9e8)}" role="article">
${nest(r, 2, `<div class="update-components-actor display-flex"><a class="app-aware-link update-components-actor__image relative" href="${link}">${avatar(r, author)}</a><div class="update-components-actor__meta relative"><a class="app-aware-link update-components-actor__meta-link" href="${link}"><span class="update-components-actor__title"><span class="update-components-actor__name hoverable-link-text t-14 t-bold">${twice(author.name)}</span></span><span class="update-components-actor__description t-black--light t-12 t-normal">${twice(author.title)}</span></a></div></div>`)}
<div class="feed-shared-update-v2__description-wrapper mr2"><div class="feed-shared-inline-show-more-text feed-shared-update-v2__description"><div class="update-components-text relative update-components-update-v2__commentary"><span class="break-words"><span dir="ltr">${esc(paragraph(r, r.int(2, 5)))}</span></span></div></div></div>
<div class="social-details-social-counts ${classes(r, 2)}">${icon(r, "reactions-icon", 16)}<span class="social-details-social-counts__reactions-count">${r.int(3, 900)}</span></div>
<div class="feed-shared-social-action-bar ${classes(r, 2)}">${buttons}</div><div class="comments-comments-list ${classes(r, 1)}">${comments}</div></div>`
}

function messagingOverlay(r: Rng, crowd: Someone[]): string {
  // The list bubble (minimised): conversations with other members, not a conversation open on screen.
  const rows = crowd
    .slice(0, 12)
    .map(
      (p) =>
        `<li class="msg-conversation-listitem msg-conversations-container__convo-item ${classes(r, 1)}"><div class="msg-conversation-card msg-overlay-list-bubble__convo-card">${avatar(r, p, 40)}<div class="msg-conversation-card__content--selectable"><h3 class="msg-conversation-listitem__participant-names">${esc(p.name)}</h3><p class="msg-conversation-card__message-snippet">${esc(sentence(r, 4, 9))}</p></div></div></li>`,
    )
    .join("")
  return `<aside id="msg-overlay" class="msg-overlay-container ${classes(r, 2)}" aria-label="Messaging"><div class="msg-overlay-list-bubble msg-overlay-list-bubble--is-minimized ${classes(r, 2)}">
<header class="msg-overlay-bubble-header">${avatar(r, VIEWER, 32)}<h2 class="msg-overlay-bubble-header__title">Messaging</h2>${icon(r, "msg-icon", 16)}</header>
<div class="msg-overlay-list-bubble__content" aria-hidden="true"><ul class="msg-conversations-container__conversations-list">${rows}</ul></div></div></aside>`
}

function layout(r: Rng, title: string, main: string, aside: string, later: string[], crowd: Someone[]): string {
  const islands = Array.from({ length: 6 }, (_, i) => dataIsland(r, `bpr-guid-${r.int(1e6, 9e6)}`, crowd, 20000 + i * 2000)).join("\n")
  // Lazy parts arrive after the load in three batches, as LinkedIn renders them when they near the viewport.
  const script = `(function(){var t=[${later.map((_, i) => `'lazy-${i}'`).join(",")}];t.forEach(function(id,i){setTimeout(function(){var tpl=document.getElementById(id),slot=document.getElementById('slot-'+id);if(tpl&&slot)slot.replaceWith(tpl.content.cloneNode(true))},60+i*120)})})();`
  return `<!DOCTYPE html><html lang="en" class="theme theme--mercado artdeco"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} | LinkedIn (Relay demo, real size)</title>${styleSheet(r, 30000)}
<style>body{margin:0;font:14px system-ui,sans-serif;background:#f4f2ee}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.global-nav{background:#fff;height:52px;display:flex}.global-nav ul{display:flex;gap:16px;list-style:none}svg{width:24px;height:24px}img{width:48px;height:48px;border-radius:50%;background:#8aa}
.scaffold-layout__inner{display:flex;gap:24px;max-width:1128px;margin:24px auto}main{flex:1;min-width:0}aside.scaffold-layout__aside{width:300px}.artdeco-card{background:#fff;border-radius:8px;margin-bottom:8px;padding:12px}ul{list-style:none;padding:0}
#msg-overlay{position:fixed;right:16px;bottom:0;width:288px;background:#fff}.msg-overlay-list-bubble__content{display:none}</style></head>
<body class="render-mode-BIGPIPE nav-v2 ember-application boot-complete icons-loaded" dir="ltr">
<div class="banner" style="background:#fff8e1;padding:4px 16px;font-size:12px">Relay demo page — a real-size imitation of LinkedIn with invented people. Nothing here is sent anywhere.</div>
${islands}
<div class="application-outlet ${classes(r, 2)}">${nav(r)}
<div class="authentication-outlet"><div class="scaffold-layout scaffold-layout--breakpoint-xl scaffold-layout--main-aside ${classes(r, 2)}"><div class="scaffold-layout__inner scaffold-layout-container">
<main id="main" class="scaffold-layout__main" aria-label="Main Feed">${main}</main>
<aside class="scaffold-layout__aside" aria-label="Side Bar">${aside}</aside></div></div></div></div>
${messagingOverlay(r, crowd)}
${later.map((html, i) => `<template id="lazy-${i}">${html}</template>`).join("\n")}
<div id="artdeco-toasts__wormhole" class="artdeco-toasts_toasts" aria-live="polite"></div><div id="artdeco-modal-outlet" aria-hidden="true"></div>
<script>${script}</script></body></html>`
}

/** The profile page of a showcase contact, heavy like LinkedIn's own. */
export function heavyProfile(c: ShowcaseContact): string {
  const r = rng(0x11d + c.id.charCodeAt(c.id.length - 1))
  ember = 100
  const crowd = Array.from({ length: 60 }, () => someone(r))
  const name = full(c)
  const topCard = `<section class="artdeco-card ${classes(r, 3)}" data-member-id="${r.int(1e8, 9e8)}" data-view-name="profile-card">
<div class="${classes(r, 2)}"><div class="live-video-hero-image"><div class="profile-background-image profile-background-image--default" id="${emberId()}"></div></div></div>
<div class="ph5 pb5"><div class="display-flex">${nest(r, 3, `<button class="pv-top-card-profile-picture__container" type="button">${avatar(r, { name }, 160)}</button>`)}</div>
<div class="mt2 relative"><div class="${classes(r, 2)}">${nest(
    r,
    2,
    `<span class="${classes(r, 1)}"><a aria-label="${esc(name)}" class="ember-view" href="${HEAVY_LINKEDIN}/in/${c.linkedin}/overlay/about-this-profile/"><h1 class="text-heading-xlarge inline t-24 v-align-middle break-words">${esc(name)}</h1></a></span>`,
  )}
<div class="text-body-medium break-words" data-generated-suggestion-target="urn:li:fsu_profileActionDelegate:${r.int(1e6, 9e6)}">${esc(c.title)} at ${esc(c.company)}</div></div>
<ul class="${classes(r, 2)}"><li class="${classes(r, 1)}"><button aria-label="Current company: ${esc(c.company)}. Click to skip to experience card" class="${classes(r, 2)}" type="button">${avatar(r, { name: c.company }, 32)}<span class="${classes(r, 2)}"><div class="inline-show-more-text--is-collapsed inline-show-more-text" style="-webkit-line-clamp:2;">${esc(c.company)}</div></span></button></li>
<li class="${classes(r, 1)}"><button aria-label="Education: ${esc(r.pick(["Larchmont University", "Coastal Institute of Technology"]))}. Click to skip to education card" type="button" class="${classes(r, 2)}">${icon(r, "edu")}</button></li></ul>
<div class="${classes(r, 2)}"><span class="text-body-small inline t-black--light break-words">${esc(r.pick(["Lisbon, Portugal", "Rotterdam, Netherlands", "Austin, Texas"]))}</span> <span class="pv-text-details__separator t-black--light">·</span> <a href="${HEAVY_LINKEDIN}/in/${c.linkedin}/overlay/contact-info/" class="ember-view">Contact info</a></div>
<ul class="${classes(r, 1)}"><li class="text-body-small"><span class="t-bold">500+</span> connections</li></ul>
<div class="${classes(r, 2)}">${["Message", "Follow", "More"].map((b) => `<button aria-label="${b} ${esc(name)}" class="artdeco-button artdeco-button--2 ${classes(r, 2)}" type="button">${icon(r, "artdeco-button__icon", 16)}<span class="artdeco-button__text">${b}</span></button>`).join("")}</div></div></div></section>`
  const about = section(
    r,
    "about",
    "About",
    `<div class="display-flex ph5 pv3"><div class="inline-show-more-text--is-collapsed inline-show-more-text full-width" style="-webkit-line-clamp:4;">${twice(`${c.firstName} leads ${c.title.toLowerCase()} at ${c.company}. ${paragraph(r, 5)}`)}</div></div>`,
  )
  const jobs = [
    entry(r, c.title, `${c.company} · Full-time`, "Jan 2022 - Present · 4 yrs", paragraph(r, 4)),
    ...Array.from({ length: 10 }, () => {
      const at = someone(r)
      return entry(r, at.title, `${at.company} · Full-time`, `${r.int(2008, 2020)} - ${r.int(2012, 2021)}`, paragraph(r, 3))
    }),
  ]
  const experience = section(r, "experience", "Experience", `<ul class="pvs-list ${classes(r, 2)}">${jobs.join("")}</ul>`)
  const education = section(
    r,
    "education",
    "Education",
    `<ul class="pvs-list">${["Larchmont University", "Coastal Institute of Technology", "Harbour School of Economics"].map((s) => entry(r, s, r.pick(["MBA", "BSc, Economics", "Exchange semester"]), `${r.int(1998, 2012)} - ${r.int(2002, 2016)}`, paragraph(r, 2))).join("")}</ul>`,
  )
  const skills = section(
    r,
    "skills",
    "Skills",
    `<ul class="pvs-list">${Array.from({ length: 36 }, () => `<li class="artdeco-list__item ${classes(r, 3)}">${nest(r, 4, `<div class="t-bold">${twice(sentence(r, 1, 3).replace(".", ""))}</div><span class="t-14">${twice(`${r.int(1, 99)} endorsements`)}</span>`)}</li>`).join("")}</ul>`,
  )
  const me = { name, slug: c.linkedin!, title: `${c.title} at ${c.company}` }
  const activity = section(
    r,
    "content_collections",
    "Activity",
    `<div class="${classes(r, 2)}">${Array.from({ length: 25 }, () => post(r, me, crowd)).join("")}</div>`,
  )
  const recommendations = section(
    r,
    "recommendations",
    "Recommendations",
    `<ul class="pvs-list">${crowd
      .slice(20, 26)
      .map((p) => memberEntity(r, p, "Message").replace("</li>", `<div class="inline-show-more-text">${twice(paragraph(r, 3))}</div></li>`))
      .join("")}</ul>`,
  )
  const interests = section(
    r,
    "interests",
    "Interests",
    `<ul class="pvs-list">${crowd
      .slice(26, 34)
      .map((p) => memberEntity(r, p, "Follow"))
      .join("")}</ul>`,
  )
  const languages = section(
    r,
    "languages",
    "Languages",
    `<ul class="pvs-list">${["English", "Portuguese", "Spanish"].map((l) => entry(r, l, "Professional working proficiency", "", "")).join("")}</ul>`,
  )
  const main = [
    topCard,
    about,
    `<div id="slot-lazy-0"></div>`,
    experience,
    education,
    `<div id="slot-lazy-1"></div>`,
    recommendations,
    interests,
    languages,
  ].join("\n")
  const aside = [
    sideCard(r, "browsemap_recommendation", "People also viewed", crowd.slice(0, 10)),
    `<div id="slot-lazy-2"></div>`,
    section(r, "promo", "Promoted", `<p>${esc(paragraph(r, 2))}</p>`),
  ].join("\n")
  const later = [activity, skills, sideCard(r, "pymk_recommendation_from_profile", "People you may know", crowd.slice(10, 20))]
  return layout(r, name, main, aside, later, crowd)
}

/** The feed: posts by other members, the viewer's identity card, suggestions — nobody in particular on screen. */
export function heavyFeed(): string {
  const r = rng(0xfeed)
  ember = 100
  const crowd = Array.from({ length: 60 }, () => someone(r))
  const identity = `<div class="feed-identity-module artdeco-card ${classes(r, 2)}"><div class="feed-identity-module__member-bg-image"></div>
<a class="ember-view block" href="${HEAVY_LINKEDIN}/in/${VIEWER.slug}/">${avatar(r, VIEWER, 72)}<div class="t-16 t-black t-bold">Welcome, ${esc(VIEWER.name.split(" ")[0]!)}!</div></a>
<div class="feed-identity-module__actor-meta break-words"><a href="${HEAVY_LINKEDIN}/in/${VIEWER.slug}/">${esc(VIEWER.name)}</a><p class="t-12">Account Executive at Acme Analytics</p></div></div>`
  const posts = (n: number) => Array.from({ length: n }, () => post(r, r.pick(crowd), crowd)).join("\n")
  const main = `<div class="share-box-feed-entry__closed-share-box artdeco-card">${avatar(r, VIEWER)}<button class="artdeco-button" type="button">Start a post</button></div>
<div class="scaffold-finite-scroll__content" data-finite-scroll-hotkey-context="FEED">${posts(24)}<div id="slot-lazy-0"></div><div id="slot-lazy-1"></div></div>`
  const aside = [identity, sideCard(r, "feed-follows-module", "Add to your feed", crowd.slice(0, 5)), `<div id="slot-lazy-2"></div>`].join("\n")
  const later = [posts(9), posts(9), sideCard(r, "pymk", "People you may know", crowd.slice(5, 15))]
  return layout(r, "Feed", main, aside, later, crowd)
}

const cache = new Map<string, string>()
/** The page for a path under /demo/linkedin-heavy: a showcase contact's profile by slug, else the feed. */
export function renderHeavyLinkedin(path: string): string {
  const slug = path.match(/\/in\/([^/?#]+)/)?.[1]?.toLowerCase()
  const contact = showcaseContacts.find((c) => c.linkedin && c.linkedin === slug)
  const key = contact?.linkedin ?? "feed"
  if (!cache.has(key)) cache.set(key, contact ? heavyProfile(contact) : heavyFeed())
  return cache.get(key)!
}

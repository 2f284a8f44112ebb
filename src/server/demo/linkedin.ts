// A LinkedIn look-alike for the demo org: member profiles (/demo/linkedin/in/<slug>), messaging
// (/demo/linkedin/messaging/thread/<id>) and a feed, with LinkedIn's own hooks (global-nav "Me",
// pv-top-card h1, "Current company:" button, msg-title-bar /in/ link, msg-form contenteditable)
// so the same detector (src/sites/linkedin/detect.ts) reads it. The server sends this page for
// every /demo/linkedin/* path; the inline script picks the view from location.pathname and links
// navigate with history.pushState, like LinkedIn's single-page app.
import { showcaseContacts, showcaseViewer, type ShowcaseContact } from "../seed/showcase"

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
const BASE = "/demo/linkedin"
const V = { ...showcaseViewer, slug: "riley-park-acme" }
const full = (c: ShowcaseContact) => `${c.firstName} ${c.lastName}`
const members = showcaseContacts.filter((c) => c.linkedin)
const byName = (first: string) => showcaseContacts.find((c) => c.firstName === first) as ShowcaseContact
/** Someone who is not a Relay contact, shown in "People also viewed". */
const stranger = { name: "Quentin Abernathy", slug: "quentin-abernathy", headline: "Director of Sales Ops at Ledgerwise" }

const threads = [
  {
    id: "2-MzQ5ZmM1NDUtYWQ2Yi00ZTc0LWE1ZDAtNGY2ZmM0YjE3N2Jj",
    who: byName("Dario"),
    lines: [
      ["Dario", "Hi Riley — our CISO wants to review your data retention policy before we sign."],
      ["Riley", "Of course. I can send the SOC 2 report and walk through retention on a call."],
      ["Dario", "Sounds good — Thursday works for the security review."],
    ],
  },
  {
    id: "2-ZDk1OGIxYzAtMDk3Ni00ZTRmLWI2ZDMtYzRkMzQ5ZWE3ZjEz",
    who: byName("Tobias"),
    lines: [
      ["Tobias", "Great meeting you at the logistics summit!"],
      ["Riley", "Likewise — I will send the pilot recap."],
    ],
  },
]
const avatar = (name: string, size = 48) =>
  `<div class="av" style="width:${size}px;height:${size}px">${esc(
    name
      .split(" ")
      .map((w) => w[0])
      .join(""),
  )}</div>`

function profileView(c: ShowcaseContact): string {
  const also = [...members.filter((m) => m !== c).map((m) => ({ name: full(m), slug: m.linkedin!, headline: `${m.title} at ${m.company}` })), stranger]
  return `<div class="cols"><main class="scaffold-layout__main">
  <section class="artdeco-card pv-top-card"><div class="cover"></div><div class="ph5">${avatar(full(c), 120)}
    <h1 class="text-heading-xlarge">${esc(full(c))}</h1>
    <div class="text-body-medium break-words">${esc(c.title)} at ${esc(c.company)}</div>
    <ul class="pv-text-details__right-panel"><li><button type="button" aria-label="Current company: ${esc(c.company)}. Click to skip to experience card"><span class="pv-text-details__right-panel-item-text">${esc(c.company)}</span></button></li></ul>
    <div class="muted">${esc(c.industry)} · 500+ connections</div>
    <div class="actions"><span class="btn primary">Connect</span><a class="btn" href="${BASE}/messaging/thread/${threads[0].id}">Message</a><span class="btn">More</span></div></div></section>
  <section class="artdeco-card"><div id="about"></div><h2>About</h2><div><div class="inline-show-more-text"><span aria-hidden="true">${esc(c.firstName)} leads ${esc(c.title.toLowerCase())} at ${esc(c.company)}, a ${c.companySize}-person ${esc(c.industry)} company, and cares about clean pipeline data and forecasts the board can trust.</span></div></div></section>
  <section class="artdeco-card"><div id="experience"></div><h2>Experience</h2><div><ul><li><b>${esc(c.title)}</b><div class="t-14 t-normal"><span aria-hidden="true">${esc(c.company)} · Full-time</span></div><div class="muted">2022 – Present</div></li></ul></div></section>
  </main><aside class="scaffold-layout__aside"><section class="artdeco-card" id="browsemap_recommendation"><h2>People also viewed</h2><ul>
  ${also.map((p) => `<li class="pav">${avatar(p.name, 40)}<div><a href="${BASE}/in/${p.slug}"><b>${esc(p.name)}</b></a><div class="muted">${esc(p.headline)}</div></div></li>`).join("")}
  </ul></section></aside></div>`
}

function messagingView(t: (typeof threads)[number]): string {
  const list = threads
    .map(
      (o) =>
        `<li class="${o === t ? "on" : ""}"><a href="${BASE}/messaging/thread/${o.id}">${avatar(full(o.who), 40)}<div><b>${esc(full(o.who))}</b><div class="muted">${esc(o.lines[o.lines.length - 1][1])}</div></div></a></li>`,
    )
    .join("")
  const msgs = t.lines
    .map(
      ([who, text]) =>
        `<li class="msg-s-message-list__event"><b>${who === "Riley" ? esc(V.name) : esc(full(t.who))}</b><p class="msg-s-event-listitem__body">${esc(text)}</p></li>`,
    )
    .join("")
  return `<div class="cols"><main class="scaffold-layout__main msg"><div class="msg-list"><h2>Messaging</h2><ul>${list}</ul></div>
  <div class="msg-thread"><div class="msg-title-bar"><a class="msg-thread__link-to-profile" href="${BASE}/in/${t.who.linkedin}"><h2 class="msg-entity-lockup__entity-title">${esc(full(t.who))}</h2></a>
  <div class="msg-entity-lockup__entity-info muted">${esc(t.who.title)} at ${esc(t.who.company)}</div></div>
  <ul class="msg-s-message-list">${msgs}</ul>
  <form class="msg-form" onsubmit="return false"><div class="msg-form__contenteditable" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Write a message…"><p><br></p></div><button class="btn primary" type="button">Send</button></form></div></main></div>`
}

const feedView = `<div class="cols"><main class="scaffold-layout__main">${members.map((m) => `<div class="artdeco-card post"><div class="row">${avatar(full(m), 40)}<a href="${BASE}/in/${m.linkedin}"><b>${esc(full(m))}</b></a></div><p>Proud of what the ${esc(m.company)} team shipped this quarter.</p></div>`).join("")}</main></div>`

const css = `*{box-sizing:border-box}#msg-overlay{position:fixed;right:16px;bottom:0;width:288px;z-index:10;background:#fff;border-radius:8px 8px 0 0;box-shadow:0 0 0 1px #00000014,0 4px 12px #0000002e}
.msg-overlay-list-bubble__header{display:flex;align-items:center;gap:8px;padding:8px 12px}.msg-overlay-list-bubble__header b{flex:1}.msg-overlay-list-bubble__header button{border:0;background:none;font-size:16px;cursor:pointer}
body{margin:0;font:14px -apple-system,system-ui,"Segoe UI",Roboto,sans-serif;background:#f4f2ee;color:rgba(0,0,0,.9)}
.global-nav{background:#fff;border-bottom:1px solid #e8e8e8;height:52px;display:flex;align-items:center;gap:24px;padding:0 max(16px,calc(50% - 560px))}
.logo{background:#0a66c2;color:#fff;font-weight:700;border-radius:4px;padding:2px 6px;text-decoration:none}.search{background:#edf3f8;border-radius:4px;padding:7px 12px;width:280px;color:#666}
.global-nav ul{display:flex;gap:28px;list-style:none;margin:0 0 0 auto;padding:0}.global-nav a{color:#666;text-decoration:none;font-size:12px}.global-nav__me img{width:24px;height:24px;border-radius:50%;background:#888;display:block}
.cols{display:flex;gap:24px;max-width:1128px;margin:24px auto;padding:0 16px}main{flex:1}aside{width:300px}.artdeco-card{background:#fff;border-radius:8px;box-shadow:0 0 0 1px #00000014;margin-bottom:8px;padding:16px 24px;position:relative}
.pv-top-card{padding:0}.cover{height:150px;background:linear-gradient(120deg,#a0b4b7,#e9e5df);border-radius:8px 8px 0 0}.ph5{padding:0 24px 24px}.ph5 .av{margin-top:-70px;border:4px solid #fff}
.av{border-radius:50%;background:#5e7f9d;color:#fff;display:grid;place-items:center;font-weight:600;flex:none}h1{font-size:24px;margin:8px 0 0}.muted{color:#666;font-size:13px}
.pv-text-details__right-panel{position:absolute;right:24px;top:170px;list-style:none}.pv-text-details__right-panel button{border:0;background:none;font-weight:600;cursor:pointer}
.actions{display:flex;gap:8px;margin-top:12px}.btn{border:1px solid #0a66c2;color:#0a66c2;border-radius:16px;padding:6px 16px;font-weight:600;text-decoration:none;background:#fff}.btn.primary{background:#0a66c2;color:#fff}
aside ul,.msg-list ul,.msg-s-message-list{list-style:none;margin:0;padding:0}.pav{display:flex;gap:8px;padding:8px 0;border-bottom:1px solid #eee}.pav a{color:inherit;text-decoration:none}
.msg{display:flex;background:#fff;border-radius:8px;min-height:70vh}.msg-list{width:340px;border-right:1px solid #eee;padding:12px}.msg-list a{display:flex;gap:8px;padding:10px;color:inherit;text-decoration:none}.msg-list .on{background:#edf3f8;border-left:3px solid #01754f}
.msg-thread{flex:1;display:flex;flex-direction:column;padding:12px 20px}.msg-title-bar a{color:inherit;text-decoration:none}.msg-title-bar h2{margin:0;font-size:16px}.msg-s-message-list{flex:1;padding:12px 0}.msg-s-message-list p{margin:2px 0 12px}
.msg-form{border-top:1px solid #eee;padding-top:8px}.msg-form__contenteditable{background:#f4f2ee;border-radius:8px;min-height:80px;padding:10px;outline:0;margin-bottom:8px}.post .row{display:flex;gap:8px;align-items:center}.post a{color:inherit}
.banner{background:#fff8e1;padding:4px 16px;font-size:12px;color:#6b5900}`

const script = `(function(){
var BASE=${JSON.stringify(BASE)},outlet=document.getElementById('relay-demo-view');
function tpl(id){var t=document.getElementById(id);return t?t.content.cloneNode(true):null}
function render(){
  var p=location.pathname,m,view='tpl-feed',title='Feed | LinkedIn';
  if(p.replace(/\\/$/,'')===BASE){history.replaceState(null,'',BASE+'/in/${members[0].linkedin}/');p=location.pathname}
  if((m=p.match(/\\/in\\/([^/]+)/))&&document.getElementById('tpl-in-'+decodeURIComponent(m[1]).toLowerCase())){view='tpl-in-'+decodeURIComponent(m[1]).toLowerCase();title='profile'}
  else if((m=p.match(/\\/messaging\\/thread\\/([^/]+)/))&&document.getElementById('tpl-msg-'+m[1])){view='tpl-msg-'+m[1];title='Messaging | LinkedIn'}
  else if(/\\/messaging/.test(p)){view='tpl-msg-${threads[0].id}';title='Messaging | LinkedIn'}
  if(outlet.getAttribute('data-view')!==view){outlet.replaceChildren(tpl(view));outlet.setAttribute('data-view',view)}
  var h1=outlet.querySelector('h1');document.title=(title==='profile'&&h1?h1.textContent+' | LinkedIn':title)+' (Relay demo)';
}
document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a[href^="'+BASE+'"]');if(!a)return;e.preventDefault();history.pushState(null,"",a.getAttribute("href"));render()});
window.addEventListener('popstate',render);render();
})();`

export function render(): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>LinkedIn (Relay demo)</title><style>${css}</style></head>
<body><div class="banner">Relay demo page — an imitation of LinkedIn with invented people. Nothing here is sent anywhere.</div>
<div class="application-outlet"><header id="global-nav" class="global-nav" role="banner"><a class="logo" href="${BASE}/feed/">in</a><div class="search" role="search">Search</div>
<ul><li><a href="${BASE}/feed/">Home</a></li><li><a href="${BASE}/feed/">My Network</a></li><li><a href="${BASE}/messaging/thread/${threads[0].id}/">Messaging</a></li>
<li class="global-nav__me"><img class="global-nav__me-photo" alt="${esc(V.name)}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a href="${BASE}/in/${V.slug}/">Me</a></li></ul></header>
<div id="relay-demo-view"></div></div>
<aside id="msg-overlay" class="msg-overlay-container" aria-label="Messaging"><div class="msg-overlay-list-bubble"><div class="msg-overlay-list-bubble__header">${avatar(V.name, 32)}<b>Messaging</b><button type="button" aria-label="Compose message">✎</button></div></div></aside>
<template id="tpl-feed">${feedView}</template>
${members.map((c) => `<template id="tpl-in-${c.linkedin}">${profileView(c)}</template>`).join("\n")}
<template id="tpl-in-${V.slug}"><div class="cols"><main class="scaffold-layout__main"><section class="artdeco-card pv-top-card"><div class="cover"></div><div class="ph5">${avatar(V.name, 120)}<h1>${esc(V.name)}</h1><div class="text-body-medium">Account Executive at Acme Analytics</div></div></section></main></div></template>
${threads.map((t) => `<template id="tpl-msg-${t.id}">${messagingView(t)}</template>`).join("\n")}
<script>${script}</script></body></html>`
}

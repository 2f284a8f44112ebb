// A real-size Outlook on the web page (about 600 KB of markup) for the cost benchmark and the detector tests: the
// inbox with nothing selected (/demo/outlook-heavy#/mail/inbox, nobody in particular on screen) and, on the same page
// as in Outlook, a conversation open in the reading pane (/demo/outlook-heavy#/mail/inbox/id/<id>). Written from what
// OWA renders in 2025–2026: generated class names on deep wrappers, the suite header with the viewer's account
// button, the folder pane with the mailbox root (the viewer's address in its title) and a long folder list, 60
// message-list rows whose senders carry their address in title, inline SVG icons, hidden menus and persona cards,
// a long stylesheet and JSON state in script tags; the reading pane has collapsed messages, an expanded one with
// From / To / Cc lines (aria-label "To: …", personas with the address in title), a long body with a quoted reply
// and addresses in it, and a signature. Like OWA, the page's own script renders the view from the hash and keeps
// changing the DOM after the load (relative dates, a lazily rendered menu), so a watcher sees it mutate.
// Seeded: the same page on every render. Every person here is invented.
import { showcaseContacts, showcaseViewer } from "../../seed/showcase"
import { classes, esc, hashed, icon, nest, paragraph, rng, sentence, someone, styleSheet, type Rng, type Someone } from "./markup"

export const HEAVY_OUTLOOK = "/demo/outlook-heavy"
/** The conversation the benchmark opens: Marisol Quintero (a showcase contact) writes, the viewer and a colleague of hers in copy. */
export const HEAVY_OUTLOOK_ITEM = "AAQkADRlbGF5LWhlYXZ5LW91dGxvb2stcmVhZGluZy1wYW5lAQAQAMarisol"
const V = showcaseViewer
const MARISOL = showcaseContacts[0]!
const marisol = { name: `${MARISOL.firstName} ${MARISOL.lastName}`, email: MARISOL.email }
const colleague = { name: "Ines Okonkwo-Bell", email: "ines.okonkwo-bell@brightlane.example" }
const me = { name: V.name, email: V.email }
type Who = { name: string; email: string }

/** A persona as OWA renders it: the address in title and in the live persona card's hover target. */
const persona = (r: Rng, p: Who) =>
  `<span class="${classes(r, 2)}" title="${esc(p.email)}" data-lpc-hover-target-id="${esc(p.email)}" role="button" tabindex="0"><span class="${classes(r, 1)}">${esc(p.name)}</span></span>`

function suiteHeader(r: Rng): string {
  const buttons = ["Settings", "Help", "What's new", "My Day", "Teams"]
    .map((l) => `<button class="${classes(r, 3)}" aria-label="${l}" type="button">${icon(r, hashed(r))}</button>`)
    .join("")
  return `<div id="O365_NavHeader" class="${classes(r, 4)}" role="banner"><div class="${classes(r, 2)}"><button class="${classes(r, 3)}" aria-label="App launcher" type="button">${icon(r, hashed(r))}</button><span class="${classes(r, 2)}">Outlook</span></div>
<div class="${classes(r, 3)}" role="search"><input class="${classes(r, 2)}" aria-label="Search" placeholder="Search" type="search" role="combobox" aria-expanded="false"></div>
<div class="${classes(r, 2)}">${buttons}<button id="O365_MainLink_Me" class="${classes(r, 3)}" aria-label="Account manager for ${esc(V.name)}" type="button"><div class="${classes(r, 2)}"><span id="mectrl_currentAccount_primary" class="${classes(r, 1)}" style="display:none">${esc(V.name)}</span><span id="mectrl_currentAccount_secondary" class="${classes(r, 1)}" style="display:none">${esc(V.email)}</span>${icon(r, "mectrl_headerPicture", 32)}</div></button></div></div>`
}

function folderPane(r: Rng): string {
  const folders = [
    "Inbox",
    "Drafts",
    "Sent Items",
    "Scheduled",
    "Deleted Items",
    "Archive",
    "Junk Email",
    "Notes",
    "Conversation History",
    ...Array.from({ length: 26 }, () => sentence(r, 1, 2).replace(".", "")),
  ]
  const rows = folders
    .map(
      (f, i) =>
        `<div class="${classes(r, 3)}" role="treeitem" aria-level="2" aria-selected="${i === 0}" data-folder-name="${esc(f.toLowerCase())}" title="${esc(f)}" tabindex="-1">${nest(r, 2, `${icon(r, hashed(r), 20)}<span class="${classes(r, 1)}">${esc(f)}</span>${i === 0 ? `<span class="${classes(r, 1)}">12</span>` : ""}`)}</div>`,
    )
    .join("")
  return `<div data-app-section="NavigationPane" class="${classes(r, 3)}" role="navigation" aria-label="Navigation pane"><div class="${classes(r, 2)}"><button class="${classes(r, 3)}" type="button">New mail</button></div>
<div role="tree" aria-label="Folders"><div role="treeitem" aria-level="1" title="${esc(V.email)}" class="${classes(r, 3)}"><span>${esc(V.name)}</span></div>${rows}</div></div>`
}

/** One row of the message list, as heavy as OWA's: checkbox, sender persona, subject, preview, date, hover actions. */
function listRow(r: Rng, i: number, from: Someone): string {
  const actions = ["Delete", "Archive", "Mark as read", "Flag this message", "Pin"]
    .map((a) => `<button class="${classes(r, 2)}" aria-label="${a}" title="${a}" type="button">${icon(r, hashed(r), 16)}</button>`)
    .join("")
  return `<div class="${classes(r, 4)}" role="option" aria-selected="false" data-convid="AAQkAD${hashed(r)}${r.int(1e9, 9e9)}" tabindex="-1" aria-label="${esc(from.name)} ${esc(sentence(r, 3, 7))}">
<div class="${classes(r, 3)}"><div class="${classes(r, 2)}" role="checkbox" aria-checked="false">${icon(r, hashed(r), 16)}</div>${nest(r, 3, `<span class="${classes(r, 2)}" title="${esc(from.email)}">${esc(from.name)}</span>`)}
<div class="${classes(r, 2)}"><span class="${classes(r, 1)}">${esc(sentence(r, 3, 8))}</span><span class="${classes(r, 1)}" title="Mon ${(i % 28) + 1}/11/2026 ${r.int(1, 12)}:${r.int(10, 59)} AM">${(i % 12) + 1}:${r.int(10, 59)} AM</span></div>
<div class="${classes(r, 2)}"><span class="${classes(r, 1)}">${esc(paragraph(r, 1))}</span></div><div class="${classes(r, 2)}">${actions}</div></div></div>`
}

function messageList(r: Rng, crowd: Someone[]): string {
  const rows = Array.from({ length: 60 }, (_, i) => listRow(r, i, r.pick(crowd))).join("\n")
  return `<div data-app-section="MessageList" class="${classes(r, 3)}"><div class="${classes(r, 2)}" role="tablist">${["Focused", "Other"].map((t, i) => `<button role="tab" aria-selected="${i === 0}" class="${classes(r, 2)}">${t}</button>`).join("")}</div>
<div role="listbox" aria-label="Message list" class="${classes(r, 2)}">${rows}</div></div>`
}

/** A collapsed message card: its first line is the sender's name, with the address in title. */
function collapsed(r: Rng, from: Who, n: number): string {
  return `<div role="listitem" aria-expanded="false" class="${classes(r, 3)}" tabindex="-1">${nest(r, 2, `${persona(r, from)}<span class="${classes(r, 1)}">${esc(sentence(r, 6, 12))}</span><span class="${classes(r, 1)}">Nov ${10 + n}, 2026</span>`)}</div>`
}

/** An expanded message: From / To / Cc lines, a long body with a quoted reply and a signature. */
function expanded(r: Rng, from: Who, to: Who[], cc: Who[]): string {
  const line = (label: string, ps: Who[]) =>
    `<div class="${classes(r, 2)}" aria-label="${label}: ${esc(ps.map((p) => `${p.name} <${p.email}>`).join("; "))}"><span class="${classes(r, 1)}">${label}:</span> ${ps.map((p) => persona(r, p)).join("; ")}</div>`
  const quoted = Array.from(
    { length: 5 },
    (_, i) =>
      `<div id="divRplyFwdMsg" dir="ltr"><b>From:</b> ${esc(i % 2 ? marisol.name : V.name)} &lt;<a href="mailto:${i % 2 ? marisol.email : V.email}">${i % 2 ? marisol.email : V.email}</a>&gt;<br><b>Sent:</b> Nov ${8 + i}, 2026<br><b>To:</b> <a href="mailto:procurement@brightlane.example">procurement@brightlane.example</a></div><blockquote>${esc(paragraph(r, 6))}</blockquote>`,
  ).join("")
  return `<div role="listitem" aria-expanded="true" class="${classes(r, 3)}" tabindex="-1"><div class="${classes(r, 2)}">${icon(r, hashed(r), 40)}
<div class="${classes(r, 2)}">${line("From", [from])}${line("To", to)}${cc.length ? line("Cc", cc) : ""}<div class="${classes(r, 1)}" title="Tue 11/25/2026 10:42 AM">Tue 11/25/2026 10:42 AM</div></div>
<div class="${classes(r, 2)}">${["Reply", "Reply all", "Forward", "More actions"].map((a) => `<button class="${classes(r, 2)}" aria-label="${a}" type="button">${icon(r, hashed(r), 20)}</button>`).join("")}</div></div>
<div id="UniqueMessageBody_${r.int(1, 9)}" aria-label="Message body" class="${classes(r, 2)}"><div dir="ltr">${esc(paragraph(r, 5))}<br><br>${esc(paragraph(r, 7))}<br><br>${esc(paragraph(r, 4))}</div>
<div id="Signature">${esc(from.name)}<br>${esc(sentence(r, 3, 5))}<br>${esc(from.email)}</div><hr>${quoted}</div></div>`
}

function readingPane(r: Rng): string {
  // A long conversation: 12 collapsed messages between the three of them, then the last one expanded.
  const msgs = [
    ...Array.from({ length: 12 }, (_, i) => collapsed(r, [me, marisol, me, colleague][i % 4]!, i + 1)),
    expanded(r, marisol, [me], [colleague]),
  ].join("\n")
  return `<div data-app-section="ConversationContainer" class="${classes(r, 3)}"><div class="${classes(r, 2)}" role="heading" aria-level="2"><span title="Renewal scope for Q1 — dashboards and forecasting" class="${classes(r, 1)}">Renewal scope for Q1 — dashboards and forecasting</span></div>
<div role="list" class="${classes(r, 2)}">${msgs}</div></div>`
}

/** Menus, tooltips and persona cards OWA keeps in the page, hidden. */
function hiddenChrome(r: Rng, crowd: Someone[]): string {
  const menu = (n: number) =>
    `<div class="${classes(r, 3)}" role="menu" style="display:none">${Array.from({ length: n }, () => `<button role="menuitem" class="${classes(r, 2)}" type="button">${icon(r, hashed(r), 16)}${esc(sentence(r, 2, 4))}</button>`).join("")}</div>`
  const cards = crowd
    .slice(0, 8)
    .map(
      (p) =>
        `<div class="${classes(r, 3)}" role="dialog" aria-hidden="true" style="display:none">${nest(r, 4, `<span>${esc(p.name)}</span><span title="${esc(p.email)}">${esc(p.email)}</span>`)}</div>`,
    )
    .join("")
  return `${menu(30)}${menu(24)}${menu(18)}${cards}`
}

function dataScripts(r: Rng, crowd: Someone[], bytes: number): string {
  const rows: string[] = []
  let size = 0
  while (size < bytes) {
    const p = r.pick(crowd)
    const row = JSON.stringify({
      ConversationId: `AAQkAD${hashed(r)}${r.int(1e9, 9e9)}`,
      From: { Name: p.name, Address: p.email },
      Subject: sentence(r),
      Size: r.int(1e3, 9e5),
    })
    rows.push(row)
    size += row.length
  }
  return `<script type="application/json" id="owa-boot-${hashed(r)}">[${rows.join(",")}]</script>`
}

const script = `(function(){
var pane=document.getElementById('heavy-pane');
function render(){
  var m=location.hash.match(/\\/id\\/([^/?]+)/),id=m&&m[1];
  var open=id&&document.getElementById('tpl-item-'+id);
  if(open&&pane.getAttribute('data-id')!==id){pane.replaceChildren(open.content.cloneNode(true));pane.setAttribute('data-id',id)}
  if(!open){pane.replaceChildren(document.getElementById('tpl-empty').content.cloneNode(true));pane.removeAttribute('data-id')}
  var subj=open&&pane.querySelector('[role="heading"] [title]');document.title=(subj?subj.getAttribute('title')+' - ':'')+'Mail - ${V.name} - Outlook (Relay demo, real size)';
}
window.addEventListener('hashchange',render);window.addEventListener('popstate',render);
if(!location.hash)history.replaceState(null,'','#/mail/inbox');render();
// After the load OWA keeps working on the page: it updates relative dates and renders menus it needs later.
setTimeout(function(){var d=document.querySelectorAll('[role="option"] span[title*="/2026"]');for(var i=0;i<d.length;i+=5)d[i].textContent=d[i].textContent+' '},200);
setTimeout(function(){var t=document.getElementById('tpl-later');if(t)document.body.appendChild(t.content.cloneNode(true))},350);
})();`

let page: string | undefined
/** The page for /demo/outlook-heavy: the inbox with nothing selected, or the conversation its hash names. */
export function renderHeavyOutlook(): string {
  if (page) return page
  const r = rng(0x0a11)
  const crowd = Array.from({ length: 80 }, () => someone(r))
  page = `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Mail - ${esc(V.name)} - Outlook (Relay demo, real size)</title>${styleSheet(r, 110000)}
<style>body{margin:0;font:14px "Segoe UI",Arial,sans-serif;background:#f5f5f5}svg{width:20px;height:20px}#O365_NavHeader{display:flex;height:48px;align-items:center;background:#0f6cbd;color:#fff}#MainModule{display:flex}[data-app-section=NavigationPane]{width:220px}[data-app-section=MessageList]{flex:0 3 360px;min-width:240px;background:#fff}#heavy-pane{flex:1;min-width:0;background:#fff}</style>
${dataScripts(r, crowd, 160000)}</head>
<body class="${classes(r, 2)}"><div class="banner" style="background:#fff8e1;padding:4px 16px;font-size:12px">Relay demo page — a real-size imitation of Outlook on the web with invented people. Nothing here is sent anywhere.</div>
<div id="app" class="${classes(r, 2)}">${suiteHeader(r)}
<div id="MainModule" class="${classes(r, 2)}" role="main">${folderPane(r)}${messageList(r, crowd)}<div id="heavy-pane" class="${classes(r, 2)}"></div></div>
<div class="${classes(r, 2)}" role="complementary" aria-label="My Day">${nest(r, 3, icon(r, hashed(r), 20))}</div></div>
${hiddenChrome(r, crowd)}
<template id="tpl-empty"><div class="${classes(r, 2)}">${icon(r, hashed(r), 96)}<div>Select an item to read</div><div>Nothing is selected</div></div></template>
<template id="tpl-item-${HEAVY_OUTLOOK_ITEM}">${readingPane(r)}</template>
<template id="tpl-later">${hiddenChrome(r, crowd)}</template>
<script>${script}</script></body></html>`
  return page
}

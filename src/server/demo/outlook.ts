// An Outlook on the web look-alike for the demo org: message list, reading pane and "New mail",
// using the hooks OWA really has (data-app-section, #ReadingPaneContainerId, header lines with
// aria-label "From:"/"To:"/"Cc:", personas with the address in title, #O365_MainLink_Me) so the
// same detector (src/sites/outlook/detect.ts) reads it. The hash (#/mail/inbox/id/<id>,
// #/mail/deeplink/compose) picks the view; an inline script swaps it without reloading.
import { showcaseContacts, showcaseViewer, type ShowcaseContact } from "../seed/showcase"

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
const byName = (first: string) => showcaseContacts.find((c) => c.firstName === first) as ShowcaseContact
const full = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`
const V = showcaseViewer
const me = { firstName: V.name.split(" ")[0], lastName: V.name.split(" ").slice(1).join(" "), email: V.email }

interface Message {
  id: string
  from: ShowcaseContact
  to: { firstName: string; lastName: string; email: string }[]
  cc: ShowcaseContact[]
  subject: string
  preview: string
  date: string
  body: string
}
const messages: Message[] = [
  {
    id: "AAQkADk2ZjQ1NzA3LWRkMDUtNDFkYi1iOGM1LTc3ZTFhNzYxNjA0ZQAQAFbqLwVtz1xJp0r3",
    from: byName("Tobias"),
    to: [me],
    cc: [byName("Marisol")],
    subject: "Pilot results from the Rotterdam depot",
    preview: "Attaching the numbers from the first four weeks…",
    date: "Mon 11/24/2026 5:40 PM",
    body: "Hi Riley,<br><br>Attaching the numbers from the first four weeks of the pilot. Dwell time is down 11% and the forecast error halved. I have copied Marisol, who asked about the data model.<br><br>Best,<br>Tobias",
  },
  {
    id: "AAQkADk2ZjQ1NzA3LWRkMDUtNDFkYi1iOGM1LTc3ZTFhNzYxNjA0ZQAQAKq9mQ8x0d1Fh2s1",
    from: byName("Dario"),
    to: [me],
    cc: [],
    subject: "Security questionnaire (v3) attached",
    preview: "Our security team filled in sections 1–6…",
    date: "Mon 11/24/2026 4:02 PM",
    body: "Riley,<br><br>Our security team filled in sections 1–6 of the questionnaire. Section 7 needs your SOC 2 letter and the data retention policy before we can sign.<br><br>Thanks,<br>Dario",
  },
]
const persona = (p: { firstName: string; lastName: string; email: string }) =>
  `<span class="persona" title="${p.email}" data-lpc-hover-target-id="${p.email}" role="button" tabindex="0">${esc(full(p))}</span>`
const line = (label: string, people: Message["to"]) =>
  `<div class="line" aria-label="${label} ${esc(people.map(full).join("; "))}"><span class="lbl">${label}</span> ${people.map(persona).join("; ")}</div>`

function readingView(m: Message): string {
  return `<div data-app-section="ConversationContainer" aria-label="Reading Pane">
  <div class="subject" role="heading" aria-level="2"><span title="${esc(m.subject)}">${esc(m.subject)}</span></div>
  <div class="item"><div class="hdr"><div class="avatar">${m.from.firstName[0]}${m.from.lastName[0]}</div><div>
    <div class="from" aria-label="From: ${esc(full(m.from))} &lt;${m.from.email}&gt;"><span class="lpc" title="${m.from.email}">${esc(full(m.from))}</span> <span class="addr">&lt;${m.from.email}&gt;</span></div>
    ${line("To:", m.to)}${m.cc.length ? line("Cc:", m.cc) : ""}</div><div class="date">${m.date}</div></div>
    <div id="UniqueMessageBody_1" class="body allowTextSelection" aria-label="Message body">${m.body}</div>
    <div class="actions"><span class="pill">↩ Reply</span><span class="pill">↩↩ Reply all</span><span class="pill">↪ Forward</span></div></div></div>`
}

function composeView(): string {
  const a = byName("Anneke")
  return `<div data-app-section="MailCompose" aria-label="New mail"><div id="docking_InitVisiblePart_0">
  <div class="ctool"><span class="send" role="button" aria-label="Send">Send</span><a href="#/mail/inbox" class="discard">Discard</a></div>
  <div class="well"><span class="wl">To</span><div role="textbox" contenteditable="true" aria-label="To" aria-multiline="false">
    <span class="chip" contenteditable="false"><span title="${a.email}" aria-label="${esc(full(a))} ${a.email}">${esc(full(a))}</span></span></div></div>
  <div class="well"><span class="wl">Cc</span><div role="textbox" contenteditable="true" aria-label="Cc" aria-multiline="false"></div></div>
  <div class="well"><input type="text" maxlength="255" aria-label="Add a subject" placeholder="Add a subject" value="Benchmarks for Corvid Health"></div>
  <div class="cbody" role="textbox" contenteditable="true" aria-multiline="true" aria-label="Message body">Hi Anneke,<br><br></div></div></div>`
}

const css = `*{box-sizing:border-box}body{margin:0;font:14px "Segoe UI",-apple-system,system-ui,sans-serif;color:#242424;background:#f0f0f0}
#O365_NavHeader{display:flex;align-items:center;gap:16px;height:48px;background:#0f6cbd;color:#fff;padding:0 12px}#O365_NavHeader .app{font-weight:600;font-size:16px;min-width:200px}
.search{flex:1;max-width:560px;background:#fff;color:#616161;border-radius:4px;padding:6px 12px}#O365_MainLink_Me{margin-left:auto;width:32px;height:32px;border-radius:50%;border:0;background:#8764b8;color:#fff;font-weight:600}
.ribbon{display:flex;gap:12px;padding:8px 12px;background:#fff;border-bottom:1px solid #e0e0e0}.newmail{background:#0f6cbd;color:#fff;text-decoration:none;border-radius:4px;padding:6px 14px}
.cols{display:flex;height:calc(100vh - 120px)}[data-app-section=NavigationPane]{flex:0 1 200px;min-width:150px;padding:8px}[role=treeitem]{padding:6px 10px;border-radius:4px}[aria-selected=true]{background:#ebf3fc;font-weight:600}
[data-app-section=MessageList]{flex:0 3 360px;min-width:240px;background:#fff;border-right:1px solid #e0e0e0;overflow:auto}.tabs{display:flex;gap:16px;padding:10px 14px;border-bottom:1px solid #eee}.tabs .on{border-bottom:2px solid #0f6cbd;font-weight:600}
.row{display:block;padding:10px 14px;border-bottom:1px solid #f0f0f0;color:inherit;text-decoration:none;border-left:3px solid transparent}.row.sel{background:#ebf3fc;border-left-color:#0f6cbd}.row .n{font-weight:600}.row .s{color:#0f6cbd}.row .p{color:#616161;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#ReadingPaneContainerId{flex:1 1 480px;min-width:0;background:#fff;margin:8px;border-radius:6px;overflow:auto}.empty{display:grid;place-items:center;height:100%;color:#616161}
.subject{font-size:20px;font-weight:600;padding:16px 20px}.item{margin:0 20px;border:1px solid #e0e0e0;border-radius:6px;padding:14px}.hdr{display:flex;gap:12px}.avatar{width:40px;height:40px;border-radius:50%;background:#c239b3;color:#fff;display:grid;place-items:center}
.from .lpc{font-weight:600}.addr,.line,.date{color:#616161;font-size:12px}.date{margin-left:auto;white-space:nowrap}.hdr>div:nth-child(2){min-width:0;overflow-wrap:anywhere}.persona{color:#242424}.body{padding:20px 0 12px 52px;line-height:1.5}.actions{display:flex;gap:8px;padding-left:52px}.pill{border:1px solid #d1d1d1;border-radius:4px;padding:5px 12px}
#docking_InitVisiblePart_0{padding:12px 20px}.ctool{display:flex;gap:10px;margin-bottom:8px}.send{background:#0f6cbd;color:#fff;border-radius:4px;padding:6px 18px}.discard{padding:6px;color:#242424}
.well{display:flex;align-items:center;gap:8px;border-bottom:1px solid #e0e0e0;padding:6px 0}.wl{border:1px solid #d1d1d1;border-radius:4px;padding:2px 8px}.well [role=textbox]{flex:1;outline:0;min-height:22px}.well input{border:0;outline:0;flex:1;font:inherit}
.chip{background:#ebebeb;border-radius:12px;padding:2px 10px}.cbody{min-height:260px;padding:16px 0;outline:0;line-height:1.5}.banner{background:#fff8e1;padding:4px 12px;font-size:12px;color:#6b5900}`

const script = `(function(){
var pane=document.getElementById('ReadingPaneContainerId');
function tpl(id){var t=document.getElementById(id);return t?t.content.cloneNode(true):null}
function render(){
  var h=location.hash.replace(/^#/,''),m=h.match(/\\/id\\/([^/?]+)/),view='tpl-empty';
  if(/\\/compose/.test(h))view='tpl-compose';else if(m&&document.getElementById('tpl-msg-'+m[1]))view='tpl-msg-'+m[1];
  if(pane.getAttribute('data-view')!==view){pane.replaceChildren(tpl(view));pane.setAttribute('data-view',view)}
  document.querySelectorAll('a.row').forEach(function(a){a.classList.toggle('sel',!!m&&a.getAttribute('href').indexOf(m[1])>=0)});
}
document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a[href^="#/"]');if(!a)return;e.preventDefault();history.pushState(null,'',a.getAttribute('href'));render()});
window.addEventListener('hashchange',render);window.addEventListener('popstate',render);
if(!location.hash)history.replaceState(null,'','#/mail/inbox/id/${messages[0].id}');render();
})();`

export function render(): string {
  const rows = messages
    .map(
      (m) =>
        `<a class="row" role="option" data-convid="${m.id}" href="#/mail/inbox/id/${m.id}"><div class="n">${esc(full(m.from))}</div><div class="s">${esc(m.subject)}</div><div class="p">${esc(m.preview)}</div></a>`,
    )
    .join("")
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Mail - ${esc(V.name)} - Outlook (Relay demo)</title><style>${css}</style></head>
<body><div class="banner">Relay demo page — an imitation of Outlook on the web with invented people. Nothing here is sent anywhere.</div>
<div id="O365_NavHeader" role="banner"><span class="app">Outlook</span><div class="search" role="search">Search</div>
<button id="O365_MainLink_Me" type="button" aria-label="Account manager for ${esc(V.name)}">${V.name
    .split(" ")
    .map((w) => w[0])
    .join("")}</button>
<div id="mectrl_currentAccount_secondary" hidden>${V.email}</div></div>
<div id="MainModule" role="main"><div class="ribbon"><a class="newmail" href="#/mail/deeplink/compose" role="button">✉ New mail</a><span>Delete</span><span>Archive</span></div>
<div class="cols"><div data-app-section="NavigationPane" role="navigation"><div role="tree" aria-label="Folders">
<div role="treeitem" title="${V.email}"><b>${esc(V.name)}</b></div><div role="treeitem" aria-selected="true">Inbox</div><div role="treeitem">Drafts</div><div role="treeitem">Sent Items</div><div role="treeitem">Archive</div></div></div>
<div data-app-section="MessageList"><div class="tabs"><span class="on">Focused</span><span>Other</span></div><div role="listbox" aria-label="Message list">${rows}</div></div>
<div id="ReadingPaneContainerId"></div></div></div>
<template id="tpl-empty"><div class="empty"><div>Select an item to read<br><small>Nothing is selected</small></div></div></template>
${messages.map((m) => `<template id="tpl-msg-${m.id}">${readingView(m)}</template>`).join("\n")}
<template id="tpl-compose">${composeView()}</template>
<script>${script}</script></body></html>`
}

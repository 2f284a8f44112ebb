// A Gmail look-alike for the demo org: inbox list, two threads and a compose window, with the
// markup hooks Gmail really uses (span.gD/g2[email], h2.hP, div.adn, chips with data-hovercard-id,
// name="subjectbox", g_editable body) so the same detector (src/sites/gmail/detect.ts) reads it.
// Views are <template>s; a small inline script swaps them from the hash (#inbox, #inbox/<id>,
// …?compose=new) without reloading, like Gmail.
import { showcaseContacts, showcaseViewer, type ShowcaseContact } from "../seed/showcase"

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
const byName = (first: string) => showcaseContacts.find((c) => c.firstName === first) as ShowcaseContact
const full = (c: ShowcaseContact) => `${c.firstName} ${c.lastName}`
const V = showcaseViewer

interface Thread {
  id: string
  from: ShowcaseContact
  subject: string
  snippet: string
  date: string
  body: string
  earlier: string
}
const threads: Thread[] = [
  {
    id: "FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd",
    from: byName("Marisol"),
    date: "10:42 AM",
    subject: "Renewal scope for Q1 — dashboards and forecasting",
    snippet: "Thanks for the walkthrough on Tuesday. Before we commit to the renewal…",
    body: "Hi Riley,<br><br>Thanks for the walkthrough on Tuesday. Before we commit to the renewal we need to understand how the forecasting module handles multi-currency pipelines, and what a rollout to our EMEA team would look like.<br><br>Could you send a case study from another fintech?<br><br>Best,<br>Marisol",
    earlier: "Hi Marisol, great to meet you. As promised, here is the deck from our call…",
  },
  {
    id: "FMfcgzQbfLmwPQRsTvWxKjHgFdSaZcMn",
    from: byName("Tobias"),
    date: "9:15 AM",
    subject: "Pilot results from the Rotterdam depot",
    snippet: "Attaching the numbers from the first four weeks of the pilot…",
    body: "Riley —<br><br>Attaching the numbers from the first four weeks of the pilot. Dwell time is down 11% and the forecast error halved. Our CFO is asking about pricing for all twelve depots.<br><br>— Tobias",
    earlier: "Hi Tobias, looking forward to the pilot numbers. Anything you need from our side?",
  },
]
const person = (c: { email: string; name: string }, cls: string, label = c.name) =>
  `<span class="${cls}" email="${c.email}" name="${esc(label)}" data-hovercard-id="${c.email}">${esc(label)}</span>`

function listView(): string {
  const rows = threads
    .map(
      (t) => `<tr class="zA zE" data-thread="${t.id}"><td class="xY star">☆</td>
    <td class="yX xY">${person({ email: t.from.email, name: full(t.from) }, "zF")}</td>
    <td class="xY a4W"><a class="row-link" href="#inbox/${t.id}"><span class="bqe">${esc(t.subject)}</span><span class="y2"> – ${esc(t.snippet)}</span></a></td>
    <td class="xW xY">${t.date}</td></tr>`,
    )
    .join("")
  return `<div class="G-atb toolbar"><span>☐</span><span title="Refresh">⟳</span><span class="count">1–${threads.length} of ${threads.length}</span></div>
  <div class="tabs" role="tablist"><div role="tab" aria-selected="true" class="tab on">Primary</div><div role="tab" class="tab">Promotions</div><div role="tab" class="tab">Social</div></div>
  <table class="F cf zt" role="grid"><tbody>${rows}</tbody></table>`
}

function threadView(t: Thread, i: number): string {
  const other = threads[(i + 1) % threads.length]
  const me = { email: V.email, name: V.name }
  return `<div class="G-atb toolbar"><a href="#inbox" aria-label="Back to Inbox" class="tb">←</a><span class="tb" aria-label="Archive">⬇</span><span class="tb" aria-label="Delete">🗑</span>
    <span class="count"><a href="#inbox/${other.id}" class="tb newer" aria-label="Older">Next conversation ›</a></span></div>
  <div class="nH if"><div class="ha"><h2 class="hP" data-thread-perm-id="thread-f:18174300519472${i}" data-legacy-thread-id="19a3c1f2b7e04a${i}">${esc(t.subject)}</h2><span class="label">Inbox</span></div>
  <div role="list">
    <div role="listitem" class="msg collapsed"><div class="adf ads kv" data-message-id="#msg-f:1817430051947${i}01"><h3 class="iw">${person(me, "zF")}</h3><span class="iA">${esc(t.earlier)}</span></div></div>
    <div role="listitem" class="msg"><div class="adn ads" data-message-id="#msg-f:1817430051947${i}02">
      <div class="gE"><div class="avatar">${t.from.firstName[0]}</div><h3 class="iw">${person({ email: t.from.email, name: full(t.from) }, "gD")} <span class="go">&lt;${t.from.email}&gt;</span></h3>
      <span class="g3">${t.date}</span><div class="hb">to ${person(me, "g2", "me")}</div></div>
      <div class="ii gt"><div class="a3s aiL">${t.body}</div></div>
      <div class="replies"><span class="pill">↩ Reply</span><span class="pill">↪ Forward</span></div>
    </div></div>
  </div></div>`
}

function composeView(): string {
  const a = byName("Anneke")
  return `<div class="nH Hd" role="dialog" aria-label="New Message"><div class="M9">
  <div class="hdr"><span>New Message</span><a href="#inbox" class="close" aria-label="Save &amp; close">✕</a></div>
  <form class="bAs"><input type="hidden" name="from" value="${V.email}">
    <div class="aoD row"><span class="lbl">To</span><div class="afX" role="listbox" aria-label="To recipients">
      <div class="afV chip" data-hovercard-id="${a.email}" data-name="${esc(full(a))}" role="option">${esc(full(a))}</div></div>
      <input class="agP" peoplekit-id="BbVjBd" aria-label="To recipients" role="combobox" value=""></div>
    <div class="aoD row"><input name="subjectbox" class="aoT" placeholder="Subject" aria-label="Subject" value="Attribution workshop: next steps"></div>
  </form>
  <div class="Am Al editable body" contenteditable="true" role="textbox" aria-label="Message Body" g_editable="true" aria-multiline="true">Hi Anneke,<br><br>Thanks for your time today. </div>
  <div class="ftr"><span class="send" role="button" aria-label="Send">Send</span></div>
</div></div>`
}

const css = `*{box-sizing:border-box}body{margin:0;font:14px "Google Sans",Roboto,Arial,sans-serif;background:#f6f8fc;color:#1f1f1f}
header#gb{display:flex;align-items:center;gap:16px;height:64px;padding:0 16px}.logo{font-size:22px;color:#444;min-width:220px}.logo b{color:#d93025}
.search{flex:1;max-width:720px;background:#e9eef6;border-radius:24px;padding:12px 20px;color:#5f6368}.acct{margin-left:auto;width:32px;height:32px;border-radius:50%;background:#1a73e8;color:#fff;display:grid;place-items:center;text-decoration:none}
.wrap{display:flex}nav{width:256px;padding:8px}.compose-btn{display:inline-block;background:#c2e7ff;border-radius:16px;padding:18px 24px;margin:0 0 16px 8px;font-weight:500;color:#001d35;text-decoration:none}
nav a.f{display:flex;justify-content:space-between;padding:6px 24px;border-radius:0 16px 16px 0;color:#1f1f1f;text-decoration:none}nav a.f.on{background:#d3e3fd;font-weight:700}
div[role=main]{flex:1;min-width:0;background:#fff;border-radius:16px;margin:0 16px 16px 0;min-height:80vh;overflow:hidden}
.toolbar{display:flex;gap:18px;align-items:center;padding:10px 16px;color:#444}.toolbar .count{margin-left:auto}.tb{color:#444;text-decoration:none;cursor:pointer}
.tabs{display:flex;border-bottom:1px solid #eee}.tab{padding:14px 24px;color:#5f6368}.tab.on{color:#0b57d0;border-bottom:3px solid #0b57d0}
table.zt{width:100%;border-collapse:collapse}tr.zA{border-bottom:1px solid #f1f1f1;cursor:pointer}tr.zA:hover{box-shadow:inset 1px 0 #dadce0,0 1px 2px #3c404326}
tr.zA td{padding:10px 8px;white-space:nowrap}tr.zE{font-weight:700}.row-link{color:inherit;text-decoration:none}.y2{color:#5f6368;font-weight:400}.xW{text-align:right;width:90px}.star{width:30px;color:#999}
.ha{display:flex;align-items:center;gap:12px;padding:12px 24px 8px 72px}h2.hP{font-size:22px;font-weight:400;margin:0}.label{background:#ddd;border-radius:4px;padding:0 6px;font-size:12px}
.msg{padding:12px 24px}.kv{padding-left:48px;color:#5f6368;display:flex;gap:12px}.kv h3{margin:0;font-size:14px;color:#1f1f1f}.gE{display:flex;align-items:center;gap:10px}
.avatar{width:40px;height:40px;border-radius:50%;background:#7e57c2;color:#fff;display:grid;place-items:center;font-size:18px}.gE h3{margin:0;font-size:14px}.go,.g3,.hb{color:#5f6368;font-size:12px;font-weight:400}.g3{margin-left:auto}
.hb{position:absolute;margin:38px 0 0 50px}.a3s{padding:28px 0 8px 50px;line-height:1.5}.replies{padding-left:50px;display:flex;gap:12px}.pill{border:1px solid #747775;border-radius:18px;padding:8px 20px}
.dw{position:fixed;right:16px;bottom:0;z-index:5}.M9{width:560px;background:#fff;border-radius:8px 8px 0 0;box-shadow:0 8px 10px 1px #0003}
.hdr{display:flex;justify-content:space-between;background:#f2f6fc;padding:10px 16px;border-radius:8px 8px 0 0;font-weight:500}.close{text-decoration:none;color:#444}
.row{display:flex;align-items:center;gap:8px;border-bottom:1px solid #eee;margin:0 16px;padding:6px 0}.lbl{color:#5f6368}.chip{background:#e8eaed;border-radius:12px;padding:2px 10px}
.row input{border:0;outline:0;flex:1;font:inherit;padding:4px 0}.body{min-height:220px;padding:12px 16px;outline:0;line-height:1.5}.ftr{padding:12px 16px}.send{background:#0b57d0;color:#fff;border-radius:18px;padding:9px 24px}
.bq9{width:56px;display:flex;flex-direction:column;align-items:center;gap:20px;padding-top:12px}.bq9 button{width:36px;height:36px;border:0;border-radius:50%;background:#e9eef6;font:inherit;cursor:pointer}
.banner{background:#fff8e1;border-bottom:1px solid #f0e0a0;padding:6px 16px;font-size:12px;color:#6b5900}`

const script = `(function(){
var main=document.querySelector('div[role="main"]'),dock=document.querySelector('div.dw');
function tpl(id){var t=document.getElementById(id);return t?t.content.cloneNode(true):null}
function render(){
  var h=location.hash.replace(/^#/,''),parts=h.split('?'),path=parts[0]||'inbox',compose=/(^|&)compose=/.test(parts[1]||'');
  var id=path.split('/')[1],view=id&&document.getElementById('tpl-thread-'+id)?'tpl-thread-'+id:'tpl-list';
  if(main.getAttribute('data-view')!==view){main.replaceChildren(tpl(view));main.setAttribute('data-view',view)}
  var subj=main.querySelector('h2.hP');document.title=(subj?subj.textContent:'Inbox (2)')+' - ${V.email} - Gmail (Relay demo)';
  if(compose&&!dock.firstElementChild)dock.replaceChildren(tpl('tpl-compose'));
  if(!compose)dock.replaceChildren();
}
function go(href){history.pushState(null,'',href);render()}
document.addEventListener('click',function(e){
  var a=e.target.closest&&e.target.closest('a[href^="#"]');
  if(a){e.preventDefault();var href=a.getAttribute('href');if(a.classList.contains('compose-btn')){var cur=location.hash.split('?')[0]||'#inbox';href=cur+'?compose=new'}go(href);return}
  var row=e.target.closest&&e.target.closest('tr.zA');if(row)go('#inbox/'+row.getAttribute('data-thread'));
});
window.addEventListener('hashchange',render);window.addEventListener('popstate',render);
if(!location.hash)history.replaceState(null,'','#inbox');render();
})();`

export function render(): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Inbox (2) - ${V.email} - Gmail (Relay demo)</title><style>${css}</style></head>
<body><div class="banner">Relay demo page — an imitation of Gmail with invented people. Nothing here is sent anywhere.</div>
<header id="gb" role="banner"><div class="logo"><b>M</b> Gmail</div><div class="search" role="search">Search mail</div>
<a class="acct" href="#inbox" aria-label="Google Account: ${esc(V.name)} (${V.email})">${V.name[0]}</a></header>
<div class="wrap"><nav role="navigation"><a class="compose-btn" href="#inbox?compose=new" gh="cm">✎ Compose</a>
<a class="f on" href="#inbox" title="Inbox">Inbox <span>${threads.length}</span></a><a class="f" href="#starred">Starred</a><a class="f" href="#sent">Sent</a><a class="f" href="#drafts">Drafts</a></nav>
<div class="nH ar4 z" role="main"></div>
<div class="bq9" role="complementary" aria-label="Side panel"><button type="button" aria-label="Calendar">31</button><button type="button" aria-label="Keep">K</button><button type="button" aria-label="Tasks">✓</button><button type="button" aria-label="Contacts">☺</button></div></div>
<div class="dw"></div>
<template id="tpl-list">${listView()}</template>
${threads.map((t, i) => `<template id="tpl-thread-${t.id}">${threadView(t, i)}</template>`).join("\n")}
<template id="tpl-compose">${composeView()}</template>
<script>${script}</script></body></html>`
}

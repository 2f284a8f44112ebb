// A real-size Gmail page (about 600 KB of markup) for the cost benchmark and the detector tests: the inbox
// list (/demo/gmail-heavy#inbox, nobody in particular on screen) and, on the same page as in Gmail, a thread
// (/demo/gmail-heavy#inbox/<id>) whose list stays in the DOM, hidden. Written from what Gmail renders in
// 2025–2026: generated class names on deep wrappers, 50 list rows whose senders carry email/name attributes,
// inline SVG icons, the Google bar with the viewer's account button, the nav with labels and a chat roster of
// colleagues (addresses in data-hovercard-id), hidden menus and tooltips, a long stylesheet and JSON data in
// script tags; the thread has collapsed and expanded messages, a details table, long bodies, quoted replies with
// addresses in them and signatures. Like Gmail, the page's own script renders the view from the hash and keeps
// changing the DOM after the load (relative dates, a lazily rendered menu), so a watcher sees it mutate.
// Seeded: the same page on every render. Every person here is invented.
import { showcaseContacts, showcaseViewer } from "../../seed/showcase"
import { classes, esc, hashed, icon, nest, paragraph, rng, sentence, someone, styleSheet, type Rng, type Someone } from "./markup"

export const HEAVY_GMAIL = "/demo/gmail-heavy"
/** The thread the benchmark opens: Marisol Quintero (a showcase contact) writes, the viewer and a colleague of hers in copy. */
export const HEAVY_GMAIL_THREAD = "FMfcgzQbfLmdwxkTqZzvBmRnXhPsWcLd"
const V = showcaseViewer
const MARISOL = showcaseContacts[0]!
const marisol = { name: `${MARISOL.firstName} ${MARISOL.lastName}`, email: MARISOL.email }
const colleague = { name: "Ines Okonkwo-Bell", email: "ines.okonkwo-bell@brightlane.example" }

const person = (r: Rng, p: { name: string; email: string }, cls: string, label = p.name) =>
  `<span ${cls === "g2" ? 'dir="ltr" ' : ""}email="${esc(p.email)}" name="${esc(label)}" data-hovercard-id="${esc(p.email)}" class="${cls}" data-hovercard-owner-id="${r.int(10, 199)}"><span>${esc(label)}</span></span>`

function googleBar(r: Rng): string {
  const apps = Array.from(
    { length: 12 },
    (_, i) =>
      `<li class="j1ei8c"><a class="tX9u1b" href="#inbox" data-pid="${i}">${icon(r, "gb_E")}<span class="Rq5Gcb">${esc(sentence(r, 1, 2))}</span></a></li>`,
  ).join("")
  return `<header class="gb_Ma gb_ub gb_Ad gb_9a ${classes(r, 3)}" id="gb" role="banner"><div class="gb_Hd">
<div class="gb_Kc gb_fd gb_Zc"><div class="gb_Ic gb_Lc gb_Mc"><div class="gb_Jc" aria-expanded="true" aria-label="Main menu" role="button" tabindex="0">${icon(r, "gb_Fc")}</div></div><div class="gb_Ic"><a class="gb_Ec gb_Jd gb_Oc" href="#inbox" title="Gmail">${icon(r, "gb_Kd", 40)}</a></div></div>
<div class="gb_Ld gb_gd gb_Ad gb_Ve"><form class="gb_Ce gb_ye gb_Dd" method="get" role="search" aria-label="Search mail"><button class="gb_Ze" aria-label="Search mail" type="button">${icon(r, "gb_Xe")}</button>
<input class="gb_Ie aJh" aria-label="Search mail" autocomplete="off" placeholder="Search mail" value="" name="q" type="text" role="combobox" aria-haspopup="listbox"><button class="gb_cf" aria-label="Advanced search options" type="button">${icon(r, "gb_cf")}</button></form></div>
<div class="gb_Pd gb_$a gb_F">${["Support", "Settings", "Google apps"].map((l) => `<div class="gb_Qe"><a class="gb_d" aria-label="${l}" href="#settings" role="button" tabindex="0" aria-expanded="false">${icon(r, "gb_F")}</a></div>`).join("")}
<div class="gb_Qe gb_Tc" aria-hidden="true" style="display:none"><ul class="LVal7b">${apps}</ul></div>
<div class="gb_Ea gb_F gb_Nd"><a class="gb_B gb_0a gb_1" aria-label="Google Account: ${esc(V.name)}&#10;(${esc(V.email)})" href="#inbox" role="button" tabindex="0" aria-expanded="false"><img class="gb_P gbii" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="" aria-hidden="true"></a></div></div></div></header>`
}

function nav(r: Rng, roster: Someone[]): string {
  const labels = [
    "Inbox",
    "Starred",
    "Snoozed",
    "Important",
    "Sent",
    "Drafts",
    "Scheduled",
    "All Mail",
    "Spam",
    "Trash",
    ...Array.from({ length: 22 }, () => sentence(r, 1, 2).replace(".", "")),
  ]
  const rows = labels
    .map(
      (l, i) =>
        `<div class="aim${i === 0 ? " ain" : ""}"><div class="TO${i === 0 ? " nZ aiq" : ""}" data-tooltip="${esc(l)}" data-tooltip-align="r"><div class="TN bzz aHS-bnt" style="margin-left:0px"><div class="qj">${icon(r, "qj", 20)}</div><div class="aio UKr6le"><span class="nU n1"><a href="#${i < 10 ? l.toLowerCase().replace(/ /g, "") : `label/${encodeURIComponent(l)}`}" class="J-Ke n0" title="${esc(l)}" aria-label="${esc(l)}" tabindex="-1">${esc(l)}</a></span></div><div class="bsU">${i === 0 ? "50" : ""}</div></div></div></div>`,
    )
    .join("")
  // Chat and Meet in the left rail: colleagues with their addresses, never the person on screen.
  const chat = roster
    .map(
      (p) =>
        `<div class="${classes(r, 3)}" role="listitem"><div class="${classes(r, 2)}" data-hovercard-id="${esc(p.email)}" data-name="${esc(p.name)}">${nest(r, 3, `<img class="${classes(r, 2)}" alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><span class="${classes(r, 1)}">${esc(p.name)}</span>`)}<span class="${classes(r, 1)}" aria-label="Active">${icon(r, "presence", 12)}</span></div></div>`,
    )
    .join("")
  return `<div class="aeN WR baA nH oy8Mbf" role="navigation" style="width:256px"><div class="aic"><div class="z0"><div class="T-I T-I-KE L3" role="button" tabindex="0" gh="cm" style="user-select:none">Compose</div></div></div>
<div class="Ls77Lb aZ6"><div class="byl aJZ a0L"><div class="TK">${rows}</div></div></div>
<div class="${classes(r, 3)}" role="list" aria-label="Chat">${chat}</div></div>`
}

/** One row of the conversation list, as heavy as Gmail's: checkbox, star, importance, senders, labels, subject, snippet, date, hover actions. */
function listRow(r: Rng, i: number, senders: Someone[], unread: boolean): string {
  const id = `:${(i * 7 + 16).toString(36)}`
  const who = senders.map((p, j) => `<span class="bA4">${person(r, p, j === 0 ? "zF" : "yP", p.name.split(" ")[0]!)}</span>`).join(", ")
  const label =
    r.next() < 0.3
      ? `<div class="ar as"><div class="at" title="${esc(sentence(r, 1, 1))}" style="background-color:#ddd"><div class="au"><div class="av">${esc(sentence(r, 1, 1).replace(".", ""))}</div></div></div></div>`
      : ""
  const actions = ["Archive", "Delete", "Mark as read", "Snooze"]
    .map((a) => `<li class="bqX brq" data-tooltip="${a}" aria-label="${a}">${icon(r, "bqX", 20)}</li>`)
    .join("")
  return `<tr class="zA ${unread ? "zE" : "yO"}" jscontroller="ZdOxDb" jsaction="${hashed(r)}:${hashed(r)};${hashed(r)}:${hashed(r)}" role="row" tabindex="-1" aria-labelledby="${id}" draggable="false" id="${id}a">
<td class="PF xY PE"></td><td class="oZ-x3 xY aid" style=""><div class="oZ-jc T-Jo J-J5-Ji" role="checkbox" aria-labelledby="${id}" dir="ltr" aria-checked="false" tabindex="-1"><div class="T-Jo-auh"></div></div></td>
<td class="apU xY"><span class="T-KT" title="Not starred" aria-label="Not starred" role="button">${icon(r, "f T-KT-JX", 20)}</span></td>
<td class="WA xY"><div class="pG" data-tooltip="Click to teach Gmail this conversation is important." aria-label="Click to teach Gmail this conversation is important." role="switch"><div class="T-ays-a45"><span class="aol">Click to teach Gmail this conversation is important.</span></div><div class="bnj"></div></div></td>
<td class="yX xY "><div class="afn"><span class="bqe">${esc(senders[0]!.name)}</span></div><div class="yW">${who}${senders.length > 1 ? ` <span class="bx0">${senders.length + 1}</span>` : ""}</div></td>
<td tabindex="-1" class="xY a4W"><div class="a4X" style="padding-right:0px"><div class="xS" role="link"><div class="xT">${label}<div class="y6"><span class="bog"><span class="bqe">${esc(sentence(r, 3, 8))}</span></span></div><span class="y2"> - <span class="Zt">${esc(paragraph(r, 1))}</span></span></div></div></div></td>
<td class="yf xY">&nbsp;</td><td class="xW xY "><span title="Mon, Nov ${(i % 28) + 1}, 2026, ${r.int(1, 12)}:${r.int(10, 59)} AM" aria-label="Nov ${(i % 28) + 1}"><span>Nov ${(i % 28) + 1}</span></span></td>
<td class="bq4 xY"><ul class="bqY" role="toolbar">${actions}</ul></td></tr>`
}

function listView(r: Rng, crowd: Someone[]): string {
  const rows = Array.from({ length: 50 }, (_, i) =>
    listRow(
      r,
      i,
      Array.from({ length: r.int(1, 3) }, () => r.pick(crowd)),
      i < 8,
    ),
  ).join("\n")
  const toolbar = ["Select", "Refresh", "More"]
    .map(
      (a) =>
        `<div class="T-I J-J5-Ji T-I-ax7 ${classes(r, 2)}" role="button" tabindex="0" aria-label="${a}" data-tooltip="${a}">${nest(r, 2, icon(r, "asa", 20))}</div>`,
    )
    .join("")
  return `<div class="G-atb" gh="mtb">${toolbar}<div class="ar5 J-J5-Ji"><span class="Di"><div class="J-J5-Ji amH J-JN-I" role="button" aria-label="Show more messages"><span class="Dj"><span class="ts">1</span>–<span class="ts">50</span> of <span class="ts">2,174</span></span></div></span></div></div>
<div class="aKh" role="tablist">${["Primary", "Promotions", "Social", "Updates"].map((t, i) => `<div class="aAy ${i === 0 ? "aIf-aLe" : ""}" role="tab" aria-selected="${i === 0}" aria-label="${t}">${icon(r, "aKp", 20)}<div class="aKz">${t}</div></div>`).join("")}</div>
<div class="Cp"><div><table cellpadding="0" id=":2w" class="F cf zt" role="grid" aria-readonly="true"><colgroup><col class="Ci"><col class="y5"><col class="WA"><col class="yY"><col><col class="xX"></colgroup><tbody>${rows}</tbody></table></div></div>`
}

/** A collapsed message of the thread: its sender and the first words. */
function collapsed(r: Rng, from: { name: string; email: string }, n: number): string {
  return `<div role="listitem" class="h7 bg ie nH oy8Mbf" aria-expanded="false" tabindex="-1"><div class="Bk"><div class="G3 G2"><div><div class="adf ads" data-message-id="#msg-f:18174300519472000${n}" data-legacy-message-id="19a3181743005194720000${n}">
<div class="kv" role="button" tabindex="0"><div class="gs"><div class="gE hI" tabindex="-1"><table class="cf gJ" role="presentation"><tbody><tr>
<td class="gF gK"><table class="cf ix" role="presentation"><tbody><tr><td><h3 class="iw"><span class="qu" role="gridcell" tabindex="-1">${person(r, from, "zF")}</span></h3></td></tr></tbody></table></td>
<td class="gH"><div class="gK"><span class="g3" title="Nov ${10 + n}, 2026, 4:02 PM" role="gridcell" tabindex="-1">Nov ${10 + n}, 2026</span></div></td></tr>
<tr><td colspan="3"><div class="iA g6">${esc(sentence(r))}</div></td></tr></tbody></table></div></div></div></div></div></div></div></div>`
}

/** An expanded message: header with sender, "to me, Ines", the details table, a long body with a quoted reply and a signature. */
function expanded(
  r: Rng,
  from: { name: string; email: string },
  to: { name: string; email: string }[],
  cc: { name: string; email: string }[],
  n: number,
): string {
  const me = (p: { email: string }) => p.email === V.email
  const line = (ps: { name: string; email: string }[]) => ps.map((p) => person(r, p, "g2", me(p) ? "me" : p.name)).join(", ")
  const detail = (label: string, ps: { name: string; email: string }[]) =>
    `<tr class="ajv"><td colspan="2" tabindex="0" class="gG"><span class="gI">${label}:</span></td><td tabindex="0" class="gL"><span class="gI">${ps.map((p) => `<span translate="no">${person(r, p, label === "from" ? "gD" : "g2", me(p) ? "me" : p.name)} <span class="go">&lt;${esc(p.email)}&gt;</span></span>`).join(", ")}</span></td></tr>`
  const quoted = Array.from(
    { length: 6 },
    (_, i) =>
      `<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Nov ${8 + i}, 2026 ${esc(i % 2 ? marisol.name : V.name)} &lt;<a href="mailto:${i % 2 ? marisol.email : V.email}">${i % 2 ? marisol.email : V.email}</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${esc(paragraph(r, 6))}<br>Write to <a href="mailto:procurement@brightlane.example">procurement@brightlane.example</a> for the forms.</blockquote></div>`,
  ).join("")
  return `<div role="listitem" class="h7 ie nH oy8Mbf" aria-expanded="true" tabindex="-1"><div class="Bk"><div class="G3 G2"><div><div class="adn ads" data-message-id="#msg-f:18174300519472000${n}" data-legacy-message-id="19a3181743005194720000${n}">
<div class="aju"><div class="aCi"><img class="ajn bofPge" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" jid="${esc(from.email)}" aria-hidden="true" alt=""></div></div>
<div class="gs"><div class="gE iv gt" tabindex="-1"><table class="cf gJ" role="presentation"><tbody><tr class="acZ">
<td class="gF gK"><table class="cf ix" role="presentation"><tbody><tr><td><h3 class="iw gFxsud"><span class="qu" role="gridcell" tabindex="-1">${person(r, from, "gD")} <span class="go"><span aria-hidden="true">&lt;</span>${esc(from.email)}<span aria-hidden="true">&gt;</span></span></span></h3></td></tr></tbody></table></td>
<td class="gH bAk"><div class="gK"><span class="g3" title="Tue, Nov 25, 2026, 10:42 AM" role="gridcell" tabindex="-1">Nov 25, 2026, 10:42 AM</span></div></td>
<td class="gH acX bAm">${["Reply", "More"].map((a) => `<div class="T-I J-J5-Ji T-I-Js-IF aaq T-I-ax7 L3" role="button" tabindex="0" aria-label="${a}" data-tooltip="${a}">${icon(r, "hB", 20)}</div>`).join("")}</td></tr>
<tr class="acZ xD"><td colspan="3"><table class="cf adz" role="presentation"><tbody><tr><td class="ady"><div class="iw ajw"><span class="hb">to ${line([...to, ...cc])}</span><div class="ajy" aria-label="Show details" role="button" tabindex="0"></div></div>
<div class="ajA SK" role="dialog" tabindex="-1" style="display:none"><table class="ajC" role="presentation"><tbody>${detail("from", [from])}${detail("to", to)}${cc.length ? detail("cc", cc) : ""}<tr class="ajv"><td colspan="2" class="gG"><span class="gI">date:</span></td><td class="gL"><span class="gI">Tue, Nov 25, 2026, 10:42 AM</span></td></tr></tbody></table></div>
</td></tr></tbody></table></td></tr></tbody></table></div>
<div class="ii gt"><div class="a3s aiL "><div dir="ltr">${esc(paragraph(r, 5))}<br><br>${esc(paragraph(r, 7))}<br><br>${esc(paragraph(r, 4))}</div>
<div class="gmail_signature" data-smartmail="gmail_signature">${esc(from.name)}<br>${esc(sentence(r, 3, 5))}<br>${esc(from.email)}</div><div class="yj6qo"></div><div class="adL">${quoted}</div></div></div><div class="hi"></div></div></div></div></div></div></div>`
}

function threadView(r: Rng): string {
  const me = { name: V.name, email: V.email }
  // A long thread: 16 collapsed messages between the three of them, then the last three expanded.
  const msgs = [
    ...Array.from({ length: 16 }, (_, i) => collapsed(r, [me, marisol, me, colleague][i % 4]!, i + 1)),
    expanded(r, marisol, [me], [colleague], 17),
    expanded(r, me, [marisol], [colleague], 18),
    expanded(r, marisol, [me], [colleague], 19),
  ].join("\n")
  return `<div class="G-atb" gh="mtb">${["Back to Inbox", "Archive", "Report spam", "Delete", "Mark as unread", "Snooze", "Move to", "Labels"].map((a) => `<div class="T-I J-J5-Ji T-I-ax7 ar7" role="button" tabindex="0" aria-label="${a}" data-tooltip="${a}">${icon(r, "asa", 20)}</div>`).join("")}</div>
<div class="nH if" role="presentation"><div class="nH aHU"><div class="nH hx"><div class="ha"><h2 id=":1v" class="hP" data-thread-perm-id="thread-f:1817430051947211234" data-legacy-thread-id="19a3c1f2b7e04ad2" tabindex="-1">Renewal scope for Q1 — dashboards and forecasting</h2><div class="J-J5-Ji"><div class="ahR"><span class="at" title="Search for all messages with label Inbox"><div class="au"><div class="av">Inbox</div></div></span></div></div></div>
<div class="Bu bAn"><div class="nH"><div class="AO"><div role="list" aria-label="Renewal scope for Q1 — dashboards and forecasting">${msgs}</div></div></div></div></div></div></div>`
}

/** Menus, tooltips and hovercards Gmail keeps in the page, hidden. */
function hiddenChrome(r: Rng, crowd: Someone[]): string {
  const menu = (n: number) =>
    `<div class="J-M aX0 aYO jQjAxd" role="menu" aria-haspopup="true" style="display:none;user-select:none">${Array.from({ length: n }, () => `<div class="J-N" role="menuitem" tabindex="-1"><div class="J-N-Jz">${icon(r, "J-N-JX", 20)}${esc(sentence(r, 2, 4))}</div></div>`).join("")}</div>`
  const cards = crowd
    .slice(0, 8)
    .map(
      (p) =>
        `<div class="${classes(r, 3)}" aria-hidden="true" style="display:none" data-hovercard-id="${esc(p.email)}">${nest(r, 4, `<span>${esc(p.name)}</span><span>${esc(p.email)}</span>`)}</div>`,
    )
    .join("")
  return `${menu(30)}${menu(24)}${menu(18)}${cards}<div class="T-ays" role="tooltip" aria-hidden="true" style="display:none"><div class="T-ays-iP">${esc(sentence(r))}</div></div>`
}

function dataScripts(r: Rng, crowd: Someone[], bytes: number): string {
  const rows: string[] = []
  let size = 0
  while (size < bytes) {
    const p = r.pick(crowd)
    const row = JSON.stringify(["thread", hashed(r) + r.int(1e9, 9e9), p.name, p.email, sentence(r), r.int(1e12, 2e12)])
    rows.push(row)
    size += row.length
  }
  return `<script type="application/json" id="_gmail_preload_${hashed(r)}">[${rows.join(",")}]</script>`
}

const script = `(function(){
var main=document.querySelector('div[role="main"]'),list=document.getElementById('heavy-list'),thread=document.getElementById('heavy-thread');
function render(){
  var path=location.hash.replace(/^#/,'').split('?')[0]||'inbox',id=path.split('/')[1];
  var open=id&&document.getElementById('tpl-thread-'+id);
  list.style.display=open?'none':'';
  if(open&&thread.getAttribute('data-id')!==id){thread.replaceChildren(open.content.cloneNode(true));thread.setAttribute('data-id',id)}
  if(!open){thread.replaceChildren();thread.removeAttribute('data-id')}
  thread.style.display=open?'':'none';
  var subj=open&&thread.querySelector('h2.hP');document.title=(subj?subj.textContent:'Inbox (8)')+' - ${V.email} - Gmail (Relay demo, real size)';
}
window.addEventListener('hashchange',render);window.addEventListener('popstate',render);
if(!location.hash)history.replaceState(null,'','#inbox');render();
// After the load Gmail keeps working on the page: it updates dates and renders menus it needs later.
setTimeout(function(){var d=main.querySelectorAll('td.xW span span');for(var i=0;i<d.length;i+=5)d[i].textContent=d[i].textContent+' '},200);
setTimeout(function(){var t=document.getElementById('tpl-later');if(t)document.body.appendChild(t.content.cloneNode(true))},350);
})();`

let page: string | undefined
/** The page for every path under /demo/gmail-heavy: the inbox, or the thread its hash names. */
export function renderHeavyGmail(): string {
  if (page) return page
  const r = rng(0x6a11)
  const crowd = Array.from({ length: 80 }, () => someone(r))
  page = `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="application-name" content="Gmail"><meta name="google" content="notranslate"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Inbox (8) - ${esc(V.email)} - Gmail (Relay demo, real size)</title>${styleSheet(r, 90000)}
<style>body{margin:0;font:14px Roboto,Arial,sans-serif;background:#f6f8fc}svg{width:20px;height:20px}.gb_Ma{display:flex;height:64px;align-items:center}.wrap{display:flex}div[role=main]{flex:1;min-width:0;background:#fff}table.zt{width:100%;border-collapse:collapse}tr.zA td{padding:6px;white-space:nowrap;overflow:hidden;max-width:420px}.zE{font-weight:700}</style>
${dataScripts(r, crowd, 150000)}</head>
<body class="aAU" jscontroller="Vf7Mad"><div class="banner" style="background:#fff8e1;padding:4px 16px;font-size:12px">Relay demo page — a real-size imitation of Gmail with invented people. Nothing here is sent anywhere.</div>
<div id="loading" style="display:none">Loading ${esc(V.email)}…</div>
<div class="nH" style="width:100%"><div class="nH w-asV aiw">${googleBar(r)}</div>
<div class="nH wrap">${nav(r, crowd.slice(0, 16))}
<div class="nH bkK"><div class="nH ar4 z" role="main"><div id="heavy-list" class="ae4 aDM nH oy8Mbf">${listView(r, crowd)}</div><div id="heavy-thread" class="ae4 nH" style="display:none"></div></div></div>
<div class="bq9" role="complementary" aria-label="Side panel">${["Calendar", "Keep", "Tasks", "Contacts"].map((a) => `<div class="${classes(r, 2)}" role="tab" aria-label="${a}">${icon(r, "bse-bvF-I", 20)}</div>`).join("")}</div></div>
<div class="dw np"><div><div class="nH"><div class="nH aJl nn" style="width:0px"></div><div class="no" style="float:right"></div></div></div></div></div>
${hiddenChrome(r, crowd)}
<template id="tpl-thread-${HEAVY_GMAIL_THREAD}">${threadView(r)}</template>
<template id="tpl-later">${hiddenChrome(r, crowd)}</template>
<script>${script}</script></body></html>`
  return page
}

// The sidebar page's CSS (src/tabs/sidebar.tsx). The page is a document of its own in an iframe, so nothing
// here reaches the host page and the host page's rules do not reach in. Its background stays transparent: the
// frame is exactly as wide as what it shows (the panel, or the slim tab on a strip the page keeps free).
import { contentCss } from "./features/content/styles"
import { PANEL_WIDTH, TAB_WIDTH } from "./widths"

export { PANEL_WIDTH, TAB_WIDTH }

export const sidebarCss =
  `
:root { color-scheme: light; }
html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
*, *::before, *::after { box-sizing: border-box; }

.relay-panel, .relay-tab {
  --relay-bg: #ffffff;
  --relay-surface: #f7f8fa;
  --relay-border: #e3e6eb;
  --relay-text: #1f2328;
  --relay-muted: #5c6470;
  --relay-accent: #3b5bdb;
  --relay-marketing: #7b3fc4;
  --relay-marketing-bg: #f3ecfb;
  --relay-sales: #0b7a5a;
  --relay-sales-bg: #e6f5ef;
  --relay-warn: #9a5b00;
  --relay-warn-bg: #fff4de;
  --relay-danger: #b42318;
  --relay-danger-bg: #fdecea;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 13.5px;
  line-height: 1.45;
  color: var(--relay-text);
  pointer-events: auto;
}

.relay-panel {
  display: flex;
  flex-direction: column;
  width: ${PANEL_WIDTH}px;
  max-width: 100vw;
  height: 100vh;
  background: var(--relay-bg);
  border-left: 1px solid var(--relay-border);
  box-shadow: -6px 0 24px rgba(15, 23, 42, 0.08);
}

.relay-header {
  display: flex;
  align-items: center;
  gap: 8px;
  padding: 10px 12px 10px 16px;
  border-bottom: 1px solid var(--relay-border);
}
.relay-title { margin: 0; font-size: 15px; font-weight: 650; letter-spacing: 0.01em; color: var(--relay-accent); }
.switcher { flex: 1; min-width: 0; }
.switcher select { width: 100%; }
.relay-header .icon-button { margin-left: auto; }

.relay-body { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 12px; }
.contact, .unknown { display: flex; flex-direction: column; gap: 12px; }

.relay-tab {
  display: flex;
  align-items: center;
  justify-content: center;
  margin-top: 35vh;
  width: ${TAB_WIDTH}px;
  height: 64px;
  border: 1px solid var(--relay-border);
  border-right: none;
  border-radius: 8px 0 0 8px;
  background: var(--relay-accent);
  color: #fff;
  font-weight: 700;
  cursor: pointer;
  box-shadow: -2px 2px 8px rgba(15, 23, 42, 0.15);
}

h1, h2, h3, h4, p, ul, ol, dl, dd { margin: 0; padding: 0; }
ul, ol { list-style: none; }

.card { background: var(--relay-bg); border: 1px solid var(--relay-border); border-radius: 10px; padding: 12px 14px; }
.state { display: flex; flex-direction: column; gap: 8px; align-items: flex-start; }
.state h2 { font-size: 15px; }

.muted { color: var(--relay-muted); }
.small { font-size: 12px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

button, input, select { font: inherit; color: inherit; }
select, input[type="search"] {
  padding: 5px 8px;
  border: 1px solid var(--relay-border);
  border-radius: 6px;
  background: #fff;
  min-width: 0;
}
input[type="search"] { width: 100%; }
select:focus-visible, input:focus-visible, button:focus-visible { outline: 2px solid var(--relay-accent); outline-offset: 1px; }
label { font-size: 12px; font-weight: 600; color: var(--relay-muted); }
.field, .search { display: flex; flex-direction: column; gap: 4px; }

.button {
  padding: 6px 12px;
  border: 1px solid var(--relay-accent);
  border-radius: 6px;
  background: var(--relay-accent);
  color: #fff;
  cursor: pointer;
}
.button-secondary { background: #fff; color: var(--relay-accent); }
.button:disabled { opacity: 0.6; cursor: default; }
.icon-button {
  width: 28px; height: 28px;
  border: 1px solid transparent; border-radius: 6px;
  background: transparent; cursor: pointer; font-size: 18px; line-height: 1; color: var(--relay-muted);
}
.icon-button:hover { background: var(--relay-surface); border-color: var(--relay-border); }
.link { border: none; background: none; padding: 0; color: var(--relay-accent); cursor: pointer; text-decoration: underline; }

.badge {
  display: inline-block;
  padding: 1px 8px;
  border-radius: 999px;
  font-size: 11.5px;
  font-weight: 600;
  background: var(--relay-surface);
  border: 1px solid var(--relay-border);
  white-space: nowrap;
}
.badge-muted { color: var(--relay-muted); margin-top: 8px; }
.stage-mql { background: var(--relay-warn-bg); color: var(--relay-warn); border-color: #f3d9a4; }
.stage-sql, .stage-opportunity { background: #e8eefc; color: var(--relay-accent); border-color: #c9d5f7; }
.stage-customer { background: var(--relay-sales-bg); color: var(--relay-sales); border-color: #b7e1d0; }
.stage-recycled, .stage-disqualified { color: var(--relay-muted); }

.contact-header { display: flex; flex-direction: column; gap: 4px; }
.contact-title-row { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.contact-name { font-size: 17px; font-weight: 650; line-height: 1.25; overflow-wrap: anywhere; }
.contact-role { color: var(--relay-text); }

.detected { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin-top: 8px; }
.detected dt { color: var(--relay-muted); }
.detected dd { overflow-wrap: anywhere; }

.sla { padding: 8px 12px; border-radius: 8px; font-weight: 600; }
.sla-pending { background: var(--relay-warn-bg); color: var(--relay-warn); }
.sla-overdue { background: var(--relay-danger-bg); color: var(--relay-danger); }
.sla-left { font-weight: 400; }

.score-row { display: flex; align-items: center; gap: 14px; }
.score-number { font-size: 34px; font-weight: 700; line-height: 1; min-width: 52px; text-align: center; color: var(--relay-muted); }
.score-hot { color: var(--relay-accent); }
.score-label { font-size: 13px; font-weight: 650; }
.score-split { color: var(--relay-text); }
.reasons { margin-top: 10px; display: flex; flex-direction: column; gap: 4px; border-top: 1px solid var(--relay-border); padding-top: 10px; }
.reason { padding-left: 10px; border-left: 3px solid var(--relay-border); }
.reason-engagement { border-left-color: var(--relay-marketing); }
.reason-fit { border-left-color: var(--relay-accent); }
.reason-negative { border-left-color: var(--relay-danger); color: var(--relay-danger); }

.history { display: flex; flex-direction: column; gap: 10px; }
.history-head { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.history h3 { font-size: 13px; font-weight: 650; }
.timeline { display: flex; flex-direction: column; gap: 10px; }
.day-label { font-size: 11.5px; font-weight: 650; text-transform: uppercase; letter-spacing: 0.04em; color: var(--relay-muted); margin-bottom: 4px; }
.items { display: flex; flex-direction: column; gap: 6px; }
.item { display: flex; gap: 10px; padding: 8px 10px; border-radius: 8px; border-left: 3px solid transparent; background: var(--relay-surface); }
.item-marketing { border-left-color: var(--relay-marketing); }
.item-sales { border-left-color: var(--relay-sales); }
.item-icon { font-size: 15px; line-height: 1.3; }
.item-body { min-width: 0; display: flex; flex-direction: column; gap: 2px; }
.item-title { font-weight: 550; overflow-wrap: anywhere; }
.item-detail { color: var(--relay-muted); overflow-wrap: anywhere; }
.item-meta { display: flex; flex-wrap: wrap; gap: 4px 8px; font-size: 12px; color: var(--relay-muted); }
.side { font-weight: 650; }
.side-marketing { color: var(--relay-marketing); }
.side-sales { color: var(--relay-sales); }
.load-more { align-self: center; }

.notice { padding: 8px 12px; border-radius: 8px; display: flex; flex-direction: column; gap: 6px; align-items: flex-start; }
.notice-offline { background: var(--relay-surface); border: 1px dashed var(--relay-border); color: var(--relay-muted); }
.notice-error { background: var(--relay-danger-bg); color: var(--relay-danger); }

.results { display: flex; flex-direction: column; gap: 4px; margin-top: 6px; }
.result {
  width: 100%; text-align: left; display: flex; flex-direction: column; gap: 1px;
  padding: 8px 10px; border: 1px solid var(--relay-border); border-radius: 8px; background: #fff; cursor: pointer;
}
.result:hover { border-color: var(--relay-accent); }
.result-name { font-weight: 600; }
.result-meta { font-size: 12px; color: var(--relay-muted); }
.matched-note { display: flex; gap: 6px; flex-wrap: wrap; }

/* Outbox: what is waiting to sync and what the backend refused, right under the header. */
.outbox-bar { display: flex; flex-direction: column; gap: 8px; padding: 8px 12px; border-bottom: 1px solid var(--relay-border); background: var(--relay-surface); }
.outbox-pending { display: flex; align-items: center; gap: 8px; font-size: 12.5px; color: var(--relay-muted); }
.outbox-dot { width: 8px; height: 8px; border-radius: 50%; background: var(--relay-warn); }
.outbox-failed { display: flex; flex-direction: column; gap: 6px; padding: 8px 10px; border-radius: 8px; background: var(--relay-danger-bg); color: var(--relay-danger); }
.outbox-failed-title { font-size: 12.5px; font-weight: 650; }
.outbox-failed-list { display: flex; flex-direction: column; gap: 8px; }
.outbox-failed-item { display: flex; flex-direction: column; gap: 4px; padding-top: 6px; border-top: 1px solid rgba(180, 35, 24, 0.15); }
.outbox-failed-item:first-child { border-top: none; padding-top: 0; }
.outbox-summary { color: var(--relay-text); font-weight: 550; overflow-wrap: anywhere; }
.outbox-reason { font-size: 12.5px; overflow-wrap: anywhere; }

.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.button-small { padding: 3px 10px; font-size: 12.5px; }
.section-title { font-size: 13px; font-weight: 650; }
input[type="text"], input[type="number"], textarea {
  padding: 5px 8px; border: 1px solid var(--relay-border); border-radius: 6px; background: #fff;
  font: inherit; color: inherit; min-width: 0;
}
textarea:focus-visible { outline: 2px solid var(--relay-accent); outline-offset: 1px; }
input[type="checkbox"], input[type="radio"] { margin: 0; accent-color: var(--relay-accent); }
.field input[type="text"], .field input[type="number"], .field textarea { width: 100%; }
textarea { resize: vertical; min-height: 56px; }
.field-error { font-size: 12.5px; color: var(--relay-danger); }
.log-form { display: flex; flex-direction: column; gap: 10px; }
.log-form fieldset { margin: 0; padding: 0; border: none; min-width: 0; }
.log-form legend { padding: 0; margin-bottom: 4px; font-size: 12px; font-weight: 600; color: var(--relay-muted); }
.choices { display: flex; flex-wrap: wrap; gap: 4px 14px; }
.choices legend { width: 100%; }
.choice { display: inline-flex; align-items: center; gap: 6px; font-size: 13px; font-weight: 400; color: var(--relay-text); cursor: pointer; }
[aria-invalid="true"] { border-color: var(--relay-danger); }

/* One-click logging, above the tabs. */
.log-bar { display: flex; flex-direction: column; gap: 10px; }
.log-buttons { display: flex; flex-wrap: wrap; gap: 6px; }
.log-button { padding: 5px 10px; font-size: 12.5px; border-color: var(--relay-border); color: var(--relay-text); }
.log-button:hover:not(:disabled) { border-color: var(--relay-accent); color: var(--relay-accent); }
.log-button-open { border-color: var(--relay-accent); color: var(--relay-accent); background: #eef2fd; }
.log-include { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; }
.log-include label { font-weight: 500; color: var(--relay-text); }
.log-bar .log-form { padding-top: 10px; border-top: 1px solid var(--relay-border); }
.log-confirm { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 8px 12px; border-radius: 8px; background: var(--relay-sales-bg); color: var(--relay-sales); font-weight: 550; }
.log-confirm-synced, .log-confirm-error { background: var(--relay-warn-bg); color: var(--relay-warn); }
.log-confirm-undone { background: var(--relay-surface); color: var(--relay-muted); }
.log-confirm .link { color: inherit; font-weight: 650; }

.sync { font-size: 12px; font-weight: 600; }
.sync-pending { color: var(--relay-warn); }
.sync-failed { color: var(--relay-danger); }
.sync-synced { color: var(--relay-sales); }
.sync-slot { font-size: 12.5px; color: var(--relay-muted); }

/* Tabs in the known-contact view. */
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--relay-border); }
.tab {
  padding: 6px 12px; margin-bottom: -1px;
  border: none; border-bottom: 2px solid transparent; background: none;
  font: inherit; font-weight: 600; color: var(--relay-muted); cursor: pointer;
}
.tab:hover { color: var(--relay-text); }
.tab[aria-selected="true"] { color: var(--relay-accent); border-bottom-color: var(--relay-accent); }
.tab-panel { display: flex; flex-direction: column; gap: 12px; }
.tab-panel[hidden] { display: none; }

/* Handoff and qualification. */
.handoff, .qualify, .lead-quality { display: flex; flex-direction: column; gap: 10px; }
.handoff-done { display: flex; flex-direction: column; gap: 2px; }
.handoff-done [role="status"] { font-weight: 600; }
.rating-options { display: flex; gap: 6px; }
.rating-option {
  position: relative; display: inline-flex; align-items: center; justify-content: center;
  width: 36px; height: 32px; border: 1px solid var(--relay-border); border-radius: 6px;
  font-size: 13.5px; font-weight: 600; color: var(--relay-text); cursor: pointer; background: #fff;
}
.rating-option input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
.rating-option:has(input:focus-visible) { outline: 2px solid var(--relay-accent); outline-offset: 1px; }
.rating-selected { background: var(--relay-accent); border-color: var(--relay-accent); color: #fff; }
.rating .muted { margin-top: 4px; }

.skeleton { display: flex; flex-direction: column; gap: 10px; }
.bone { height: 12px; border-radius: 6px; background: linear-gradient(90deg, #eef0f3, #f7f8fa, #eef0f3); background-size: 200% 100%; animation: relay-shimmer 1.2s infinite; }
.bone-title { height: 20px; width: 60%; }
.bone-short { width: 40%; }
.bone-block { height: 120px; }
@keyframes relay-shimmer { from { background-position: 200% 0; } to { background-position: -200% 0; } }
@media (prefers-reduced-motion: reduce) { .bone { animation: none; } }
` + contentCss

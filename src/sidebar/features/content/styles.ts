// The Content tab's CSS, appended to the sidebar's (src/sidebar/styles.ts); same tokens and spacing.
export const contentCss = `
.content { display: flex; flex-direction: column; gap: 12px; }
.content-status { padding: 6px 12px; border-radius: 8px; background: var(--relay-sales-bg); color: var(--relay-sales); font-weight: 550; }
.content-status-empty { display: none; }
.content-hint { padding: 6px 10px; border-radius: 8px; background: var(--relay-surface); border: 1px dashed var(--relay-border); }
.content-list { display: flex; flex-direction: column; gap: 8px; }
.assets { display: flex; flex-direction: column; gap: 8px; }
.asset {
  display: flex; flex-direction: column; gap: 6px;
  padding: 10px 12px; border: 1px solid var(--relay-border); border-radius: 10px; background: #fff;
}
.asset-head, .shared-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.asset-title { font-size: 13.5px; font-weight: 650; line-height: 1.3; overflow-wrap: anywhere; }
.asset-kind { flex: none; font-weight: 550; color: var(--relay-muted); }
.asset-preview {
  color: var(--relay-muted); font-size: 12.5px;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden;
}
.asset-reasons { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: var(--relay-text); }
.asset-reasons li { padding-left: 8px; border-left: 2px solid var(--relay-accent); }
.asset-actions { display: flex; gap: 8px; margin-top: 2px; }
.asset-manual input { width: 100%; font-size: 12px; }

.shared { display: flex; flex-direction: column; gap: 8px; padding-top: 12px; border-top: 1px solid var(--relay-border); }
.shared-list { display: flex; flex-direction: column; gap: 8px; }
.shared-item { display: flex; flex-direction: column; gap: 4px; padding: 8px 10px; border-radius: 8px; background: var(--relay-surface); }
.shared-title { font-weight: 600; overflow-wrap: anywhere; }
.shared-meta { font-size: 12px; color: var(--relay-muted); }
.shared-answer { font-size: 12.5px; color: var(--relay-sales); font-weight: 550; }
.shared-feedback { display: flex; flex-direction: column; gap: 6px; margin-top: 2px; }
.shared-feedback input[type="text"] { width: 100%; }
`

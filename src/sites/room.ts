// Making room on the host page for the open sidebar (issue: "a sidebar that covers nothing"). The page's
// in-flow content is narrowed by the panel's width (a right margin on <html>, so the app's own layout
// reflows: Gmail's side panels, Outlook's reading pane, LinkedIn's right column), and what the site docks
// to the viewport's right edge with position: fixed (Gmail's compose windows, LinkedIn's messaging
// overlay) is moved left by the same width. Collapsed or closed, the page is exactly as it was.
// A constructed stylesheet (CSSOM), never an inline <style>: a host's Content-Security-Policy does not
// gate it, and removing it leaves no trace in the host's DOM.
import { asList, type Selectors } from "./common"

/**
 * The rules that make `width` px of room at the right; empty for no room. `docked` is what the site docks to the
 * viewport's right edge, from its selectors.ts (one list per thing: the compose dock the watcher observes is the one
 * moved here); none for Outlook, which opens its panes in its own flex layout that the margin already narrows.
 */
export function roomCss(docked: readonly Selectors[], width: number): string {
  if (!(width > 0)) return ""
  const px = `${Math.round(width)}px`
  const list = docked.flatMap(asList).join(", ")
  const rules = [`html { margin-right: ${px} !important; }`]
  // The outermost docked element only (a container and its inner panel may both be listed), and :is() is
  // forgiving: a selector the browser rejects drops out instead of voiding the rule. The independent
  // translate property composes with the element's own transform.
  if (list) rules.push(`:is(${list}):not(:is(${list}) *) { translate: -${px} 0 !important; }`)
  return rules.join("\n")
}

const sheets = new WeakMap<Document, CSSStyleSheet>()

/** Reserves `width` px at the right edge of `doc` for the sidebar (0 gives the room back). Never throws. */
export function makeRoom(docked: readonly Selectors[], width: number, doc: Document = document): void {
  try {
    const view = doc.defaultView
    if (!view || !("adoptedStyleSheets" in doc)) return
    let sheet = sheets.get(doc)
    if (!sheet) {
      sheet = new view.CSSStyleSheet()
      sheets.set(doc, sheet)
    }
    const css = roomCss(docked, width)
    sheet.replaceSync(css)
    const adopted = doc.adoptedStyleSheets.filter((s) => s !== sheet)
    doc.adoptedStyleSheets = css ? [...adopted, sheet] : adopted
  } catch {
    // The host page is never broken by Relay's layout.
  }
}

// An imagined Outlook build whose markup Relay's built-in selectors do not know: personas are <div>s
// carrying the address only in data-lpc-hover-target-id (no title, no aria-label with an address), and the
// header lines lose their "From: …" labels. Nothing Relay ships finds the sender; one selector added by a
// signed overlay (below) does. Used on the demo page in the browser (e2e) and on its HTML in jsdom (unit).

/** JavaScript source of `(root) => void`, rewriting a document or a template's content in place. */
export const OUTLOOK_REDESIGN = String.raw`(function (root) {
  var doc = root.ownerDocument || root
  var panes = root.querySelectorAll('[data-app-section="ConversationContainer"]')
  for (var i = 0; i < panes.length; i++) {
    var pane = panes[i]
    pane.querySelectorAll('[aria-label*=":"], [aria-label*="@"]').forEach(function (el) { el.removeAttribute("aria-label") })
    pane.querySelectorAll('[title*="@"], span[data-lpc-hover-target-id]').forEach(function (el) {
      var div = doc.createElement("div")
      div.className = "persona-2027"
      div.style.display = "inline"
      div.setAttribute("data-lpc-hover-target-id", el.getAttribute("data-lpc-hover-target-id") || el.getAttribute("title"))
      div.textContent = el.textContent
      el.replaceWith(div)
    })
    pane.querySelectorAll(".addr").forEach(function (el) { el.remove() })
  }
})`

/** Rewrites the live page and every view template the demo page renders from. */
export const OUTLOOK_REDESIGN_PAGE = `(function () {
  var rewrite = ${OUTLOOK_REDESIGN}
  rewrite(document)
  document.querySelectorAll("template").forEach(function (t) { rewrite(t.content) })
})()`

/** The fix, as an admin would publish it with relay sites sign. */
export const redesignOverlay = (version = 1) => ({
  version,
  issuedAt: new Date().toISOString(),
  note: "Outlook personas as div (build 2027)",
  sites: { outlook: { selectors: { PERSONA: ["div.persona-2027[data-lpc-hover-target-id]"] } } },
})

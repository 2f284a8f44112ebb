// Loads a saved page into jsdom. jsdom ships no type declarations and @types/jsdom is not a
// dependency, so the constructor is typed here with just what the site tests use.
import { readFileSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { fileURLToPath } from "node:url"
// @ts-expect-error -- untyped module (see above)
import { JSDOM as UntypedJSDOM } from "jsdom"

export interface Dom {
  window: Window & typeof globalThis
}
type JsdomCtor = new (html: string, options?: { url?: string; runScripts?: "dangerously" | "outside-only" }) => Dom
export const JSDOM = UntypedJSDOM as JsdomCtor

export function fixture(site: string, name: string): string {
  return readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), "../../fixtures/sites", site, name), "utf8")
}

/** A fixture page as a Document at the given URL. */
export function load(site: string, name: string, url: string): { document: Document; url: URL } {
  const dom = new JSDOM(fixture(site, name), { url })
  return { document: dom.window.document, url: new URL(url) }
}

/** Pages that no detector should find anyone on. */
export const garbagePages = [
  "",
  "<html><body><h1>Hello</h1><p>Contact sales@nowhere.example</p></body></html>",
  '<div role="main"><h2 class="hP"></h2><span class="gD" email="not-an-address"></span><div class="M9"><div g_editable="true" contenteditable="true"></div></div></div>',
  '<main><section class="pv-top-card"></section><div class="msg-title-bar"><a href="/in/">x</a></div></main><div data-app-section="ConversationContainer"><span title="@"></span></div>',
  "<svg><foreignObject><body><table><tr><td>&lt;script&gt;</td></tr></table></body></foreignObject></svg>",
]

// Reaching the sidebar from the tests through the extension's own hook. The sidebar lives in a
// CLOSED shadow root, which neither the host page nor Playwright's locators can enter; e2e builds keep
// the root on the content scripts' isolated world (src/sidebar/test-hook.ts), and this file evaluates
// there through the DevTools protocol. It offers the few Locator methods the tests use, with the same
// meaning: getByRole (implicit roles, accessible name), getByText (deepest element whose text
// matches; strings are case-insensitive substrings), strict single-element actions, real mouse clicks.
import type { CDPSession, Page } from "playwright-core"

type TextMatch = { source: string; flags: string } | { text: string; exact: boolean }
type Step =
  { kind: "role"; role: string; name?: TextMatch } | { kind: "text"; text: TextMatch } | { kind: "hasText"; text: TextMatch } | { kind: "nth"; index: number }
type Action = "count" | "read" | "scroll"
interface Read {
  count: number
  text?: string
  enabled?: boolean
  point?: { x: number; y: number } | null
}

const toMatch = (m: string | RegExp, exact = false): TextMatch => (m instanceof RegExp ? { source: m.source, flags: m.flags } : { text: m, exact })

// Runs in the isolated world; plain JavaScript so no compiler helper can slip into the string.
const FIND = String.raw`(steps, action) => {
  const hook = globalThis.__relayTest
  if (!hook) return { count: 0 }
  const root = hook.root
  const norm = (s) => (s || "").replace(/\s+/g, " ").trim()
  const matches = (m, value) => {
    const v = norm(value)
    if ("source" in m) return new RegExp(m.source, m.flags).test(v)
    return m.exact ? v === norm(m.text) : v.toLowerCase().includes(norm(m.text).toLowerCase())
  }
  const hidden = (el) => {
    for (let e = el; e && e.getAttribute; e = e.parentElement) if (e.getAttribute("aria-hidden") === "true") return true
    return !el.checkVisibility({ visibilityProperty: true })
  }
  const implicit = (el) => {
    const tag = el.localName
    if (/^h[1-6]$/.test(tag)) return "heading"
    const labelled = el.hasAttribute("aria-label") || el.hasAttribute("aria-labelledby")
    switch (tag) {
      case "button": return "button"
      case "a": return el.hasAttribute("href") ? "link" : null
      case "aside": return "complementary"
      case "article": return "article"
      case "li": return "listitem"
      case "ul": case "ol": return "list"
      case "nav": return "navigation"
      case "main": return "main"
      case "section": return labelled ? "region" : null
      case "form": return labelled ? "form" : null
      case "textarea": return "textbox"
      case "select": return el.multiple || el.size > 1 ? "listbox" : "combobox"
      case "option": return "option"
      case "dialog": return "dialog"
      case "table": return "table"
      case "tr": return "row"
      case "td": return "cell"
      case "th": return "columnheader"
      case "img": return "img"
      case "output": return "status"
      case "progress": return "progressbar"
      case "input": {
        const t = (el.getAttribute("type") || "text").toLowerCase()
        if (t === "hidden") return null
        if (t === "checkbox" || t === "radio") return t
        if (t === "button" || t === "submit" || t === "reset") return "button"
        return "textbox"
      }
    }
    return null
  }
  const roleOf = (el) => {
    const r = el.getAttribute("role")
    return r && r.trim() ? r.trim().split(/\s+/)[0] : implicit(el)
  }
  const fromContent = new Set(["button", "link", "heading", "tab", "cell", "columnheader", "rowheader", "row", "menuitem",
    "menuitemcheckbox", "menuitemradio", "option", "checkbox", "radio", "switch", "tooltip", "treeitem"])
  const nameOf = (el) => {
    const by = el.getAttribute("aria-labelledby")
    if (by) return norm(by.split(/\s+/).map((id) => (root.getElementById(id) || {}).textContent || "").join(" "))
    const label = el.getAttribute("aria-label")
    if (label && label.trim()) return norm(label)
    if (el.labels && el.labels.length) return norm([...el.labels].map((l) => l.textContent).join(" "))
    if (el.localName === "img") return norm(el.getAttribute("alt"))
    if (fromContent.has(roleOf(el))) return norm(el.textContent)
    return norm(el.getAttribute("title"))
  }
  let current = [root]
  for (const step of steps) {
    if (step.kind === "nth") {
      current = step.index < 0 ? current.slice(step.index).slice(0, 1) : current.slice(step.index, step.index + 1)
      continue
    }
    if (step.kind === "hasText") {
      current = current.filter((el) => matches(step.text, el.textContent))
      continue
    }
    const found = new Set()
    for (const scope of current) {
      for (const el of scope.querySelectorAll("*")) {
        if (found.has(el) || el.localName === "style" || el.localName === "script" || hidden(el)) continue
        if (step.kind === "role") {
          if (roleOf(el) === step.role && (!step.name || matches(step.name, nameOf(el)))) found.add(el)
        } else if (matches(step.text, el.textContent) && ![...el.children].some((c) => matches(step.text, c.textContent))) {
          found.add(el)
        }
      }
    }
    current = [...found].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
  }
  const el = current[0]
  if (action === "count" || !el) return { count: current.length }
  const read = { count: current.length, text: el.textContent, enabled: !el.disabled && el.getAttribute("aria-disabled") !== "true" }
  if (action !== "scroll") return read
  el.scrollIntoView({ block: "center", inline: "nearest" })
  const r = el.getBoundingClientRect()
  const x = r.left + r.width / 2, y = r.top + r.height / 2
  const hit = root.elementFromPoint(x, y)
  return { ...read, point: hit && (hit === el || el.contains(hit)) ? { x, y } : null }
}`

/** The extension's isolated world in a page's main frame, followed across navigations. */
class IsolatedWorld {
  private contexts = new Map<number, string>()
  private constructor(
    private session: CDPSession,
    private mainFrame: () => Promise<string>,
  ) {}

  static async attach(page: Page): Promise<IsolatedWorld> {
    const session = await page.context().newCDPSession(page)
    const world = new IsolatedWorld(
      session,
      async () => ((await session.send("Page.getFrameTree")) as { frameTree: { frame: { id: string } } }).frameTree.frame.id,
    )
    session.on("Runtime.executionContextCreated", ({ context }) => {
      const aux = context.auxData as { type?: string; frameId?: string } | undefined
      if (aux?.type === "isolated" && context.origin.startsWith("chrome-extension://")) world.contexts.set(context.id, aux.frameId ?? "")
    })
    session.on("Runtime.executionContextDestroyed", ({ executionContextId }) => world.contexts.delete(executionContextId))
    session.on("Runtime.executionContextsCleared", () => world.contexts.clear())
    await session.send("Runtime.enable")
    return world
  }

  /** Evaluates `FIND(steps, action)` in the newest extension world of the main frame; no world yet reads as nothing found. */
  async find(steps: Step[], action: Action): Promise<Read> {
    const frameId = await this.mainFrame()
    const ids = [...this.contexts].filter(([, f]) => f === frameId).map(([id]) => id)
    const contextId = ids.at(-1)
    if (contextId === undefined) return { count: 0 }
    try {
      const r = await this.session.send("Runtime.evaluate", {
        expression: `(${FIND})(${JSON.stringify(steps)}, ${JSON.stringify(action)})`,
        contextId,
        returnByValue: true,
      })
      if (r.exceptionDetails) throw new Error(`sidebar query failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`)
      return r.result.value as Read
    } catch (e) {
      // The document navigated away between listing the worlds and evaluating: nothing there now.
      if (e instanceof Error && /Cannot find context|context was destroyed|Execution context/i.test(e.message)) return { count: 0 }
      throw e
    }
  }
}

const worlds = new WeakMap<Page, Promise<IsolatedWorld>>()
const worldOf = (page: Page) => {
  let w = worlds.get(page)
  if (!w) worlds.set(page, (w = IsolatedWorld.attach(page)))
  return w
}

export class SidebarLocator {
  constructor(
    private page: Page,
    private steps: Step[],
    private description = "the sidebar",
  ) {}

  private with(step: Step, what: string) {
    return new SidebarLocator(this.page, [...this.steps, step], `${this.description} › ${what}`)
  }
  getByRole(role: string, opts: { name?: string | RegExp; exact?: boolean } = {}) {
    return this.with({ kind: "role", role, name: opts.name === undefined ? undefined : toMatch(opts.name, opts.exact) }, `${role} ${opts.name ?? ""}`)
  }
  getByText(text: string | RegExp, opts: { exact?: boolean } = {}) {
    return this.with({ kind: "text", text: toMatch(text, opts.exact) }, `text ${text}`)
  }
  filter(opts: { hasText: string | RegExp }) {
    return this.with({ kind: "hasText", text: toMatch(opts.hasText) }, `with ${opts.hasText}`)
  }
  first() {
    return this.with({ kind: "nth", index: 0 }, "first")
  }
  last() {
    return this.with({ kind: "nth", index: -1 }, "last")
  }
  nth(index: number) {
    return this.with({ kind: "nth", index }, `#${index}`)
  }

  async count(): Promise<number> {
    return (await (await worldOf(this.page)).find(this.steps, "count")).count
  }

  /** Like Locator's strict actions: waits for exactly one element (more than one is an error, as in Playwright). */
  private async one(action: Action, timeout: number, ready: (r: Read) => boolean = () => true): Promise<Read> {
    const world = await worldOf(this.page)
    const deadline = Date.now() + timeout
    for (;;) {
      const r = await world.find(this.steps, action)
      if (r.count > 1) throw new Error(`strict mode: ${r.count} elements match ${this.description}`)
      if (r.count === 1 && ready(r)) return r
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${this.description}${r.count ? " to be ready" : ""}`)
      await new Promise((res) => setTimeout(res, 100))
    }
  }
  async waitFor(opts: { timeout?: number } = {}) {
    await this.one("count", opts.timeout ?? 30_000)
  }
  async textContent() {
    return (await this.one("read", 30_000)).text ?? null
  }
  async isEnabled() {
    return (await this.one("read", 30_000)).enabled ?? false
  }
  async scrollIntoViewIfNeeded() {
    await this.one("scroll", 30_000)
  }

  /** A real mouse click at the element's centre, once it is visible, enabled and not covered. */
  async click(opts: { timeout?: number; clickCount?: number } = {}) {
    const r = await this.one("scroll", opts.timeout ?? 30_000, (x) => !!x.enabled && !!x.point)
    await this.page.mouse.click(r.point!.x, r.point!.y, { clickCount: opts.clickCount ?? 1 })
  }
  async dblclick(opts: { timeout?: number } = {}) {
    const r = await this.one("scroll", opts.timeout ?? 30_000, (x) => !!x.enabled && !!x.point)
    await this.page.mouse.dblclick(r.point!.x, r.point!.y)
  }
}

/** The sidebar's shadow root (the host element itself is the only part the page can see). */
export const sidebarRoot = (page: Page) => new SidebarLocator(page, [])
/** The sidebar panel: `<aside aria-label="Relay">`. */
export const sidebarPanel = (page: Page) => sidebarRoot(page).getByRole("complementary", { name: "Relay" })

/** What the host page's own scripts can learn about the sidebar from the main world. */
export async function hostPageView(page: Page) {
  return page.evaluate(() => {
    const host = document.getElementById("relay-sidebar")
    return {
      hostPresent: !!host,
      shadowRoot: host ? host.shadowRoot : undefined,
      hookVisible: "__relayTest" in globalThis || "__relay" in globalThis,
      bodyText: document.body.innerText,
      documentText: document.documentElement.innerText,
      hostText: host ? host.textContent : "",
    }
  })
}

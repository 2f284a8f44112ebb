import { describe, expect, it } from "vitest"
import { render as renderGmail } from "../../../src/server/demo/gmail"
import { render as renderLinkedin } from "../../../src/server/demo/linkedin"
import { render as renderOutlook } from "../../../src/server/demo/outlook"
import { findComposeBody, insertLink, insertOptions, trackComposeCaret, type ComposeSite } from "../../../src/sites/compose"
import * as gmailSelectors from "../../../src/sites/gmail/selectors"
import * as linkedinSelectors from "../../../src/sites/linkedin/selectors"
import * as outlookSelectors from "../../../src/sites/outlook/selectors"
import { JSDOM, load } from "./load"

const link = { url: "https://relay.example/r/AbCdEfGhIjKlMnOpQrStUv", text: "Bluefin case study" }
const ORIGIN = "http://localhost:8787"
// Each site's own lists, as its content script hands them to the shell.
const gmail: ComposeSite = { site: "gmail", selectors: gmailSelectors }
const outlook: ComposeSite = { site: "outlook", selectors: outlookSelectors }
const linkedin: ComposeSite = { site: "linkedin", selectors: linkedinSelectors }

/** A demo page with its script run, at `path` (the hash picks the view). */
function demo(html: string, path: string) {
  return new JSDOM(html, { url: ORIGIN + path, runScripts: "dangerously" }).window.document
}

/** Puts the caret in `body`'s text node that contains `text`, right after it. */
function caretAfter(doc: Document, body: Element, text: string) {
  const walker = doc.createTreeWalker(body, 4 /* text */)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(text)
    if (i >= 0) {
      const r = doc.createRange()
      r.setStart(n, i + text.length)
      r.collapse(true)
      doc.getSelection()!.removeAllRanges()
      doc.getSelection()!.addRange(r)
      doc.dispatchEvent(new doc.defaultView!.Event("selectionchange"))
      return r
    }
  }
  throw new Error(`no text "${text}" in the body`)
}

const inputs = (el: Element) => {
  const seen: Event[] = []
  el.ownerDocument.addEventListener("input", (e) => seen.push(e))
  return seen
}

describe("findComposeBody", () => {
  it("finds the compose editor on each demo page and saved page, and nothing where there is none", () => {
    expect(findComposeBody(gmail, demo(renderGmail(), "/demo/gmail#inbox?compose=new"))?.getAttribute("aria-label")).toBe("Message Body")
    expect(findComposeBody(gmail, demo(renderGmail(), "/demo/gmail#inbox"))).toBeNull()
    expect(findComposeBody(outlook, demo(renderOutlook(), "/demo/outlook#/mail/deeplink/compose"))?.getAttribute("aria-label")).toBe("Message body")
    expect(findComposeBody(outlook, demo(renderOutlook(), "/demo/outlook"))).toBeNull()
    expect(findComposeBody(linkedin, demo(renderLinkedin(), "/demo/linkedin/messaging/"))?.className).toContain("msg-form__contenteditable")

    expect(findComposeBody(gmail, load("gmail", "compose.html", "https://mail.google.com/mail/u/0/#inbox?compose=new").document)?.id).toBe(":qd")
    expect(findComposeBody(gmail, load("gmail", "inline-reply-legacy.html", "https://mail.google.com/mail/u/0/#inbox/x").document)?.id).toBe(":ra")
    expect(findComposeBody(gmail, load("gmail", "thread.html", "https://mail.google.com/mail/u/0/#inbox/x").document)).toBeNull()
    // The To / Cc wells are contenteditable textboxes too: never them.
    expect(findComposeBody(outlook, load("outlook", "compose.html", "https://outlook.office.com/mail/").document)?.getAttribute("aria-label")).toMatch(
      /^Message body/,
    )
    expect(findComposeBody(outlook, load("outlook", "reading-pane.html", "https://outlook.office.com/mail/").document)).toBeNull()
    expect(findComposeBody(linkedin, load("linkedin", "messaging.html", "https://www.linkedin.com/messaging/thread/x/").document)).not.toBeNull()
    expect(findComposeBody(linkedin, load("linkedin", "profile.html", "https://www.linkedin.com/in/x/").document)).toBeNull()
  })

  it("ignores a hidden or read-only editor", () => {
    const doc = new JSDOM(
      '<div role="dialog"><div g_editable="true" contenteditable="false">old</div></div><div hidden><div g_editable="true" contenteditable="true"></div></div>',
    ).window.document
    expect(findComposeBody(gmail, doc)).toBeNull()
  })
})

describe("insertLink", () => {
  it("inserts a link at the caret in the middle of the text, with spaces around it, and tells the host app", () => {
    const doc = load("gmail", "compose.html", "https://mail.google.com/mail/u/0/#inbox?compose=new").document
    const body = findComposeBody(gmail, doc)!
    const seen = inputs(body)
    const tracker = trackComposeCaret(gmail, doc)
    caretAfter(doc, body, "here is the benchmark")
    // The rep clicks in the sidebar: the selection leaves the body, the tracker keeps the caret.
    doc.getSelection()!.removeAllRanges()
    doc.dispatchEvent(new doc.defaultView!.Event("selectionchange"))

    expect(insertLink(body, link, tracker.range(), insertOptions(gmail))).toBe(true)
    const a = body.querySelector("a")!
    expect(a.getAttribute("href")).toBe(link.url)
    expect(a.textContent).toBe("Bluefin case study")
    expect(body.textContent).toContain("here is the benchmark Bluefin case study our customers in healthcare use")
    expect(seen).toHaveLength(1)
    expect(seen[0]).toBeInstanceOf(doc.defaultView!.InputEvent)
    expect(seen[0]!.bubbles).toBe(true)
    // The caret ends up after the link, so the rep types on.
    const sel = doc.getSelection()!
    expect(sel.rangeCount).toBe(1)
    const caret = sel.getRangeAt(0)
    expect(caret.collapsed).toBe(true)
    expect(caret.startContainer).toBe(a.parentNode)
    // A space was already there after the caret: none added, the caret sits right after the link.
    expect(caret.startContainer.childNodes[caret.startOffset - 1]).toBe(a)
    expect(a.previousSibling!.textContent).toBe(" ")
    tracker.stop()
  })

  it("renders the title as text, never as markup", () => {
    const doc = load("gmail", "compose-empty.html", "https://mail.google.com/mail/u/0/#inbox?compose=new").document
    const body = findComposeBody(gmail, doc)!
    expect(insertLink(body, { url: link.url, text: '<img src=x onerror="alert(1)">' }, undefined, insertOptions(gmail))).toBe(true)
    expect(body.querySelector("img")).toBeNull()
    expect(body.querySelector("a")!.textContent).toBe('<img src=x onerror="alert(1)">')
  })

  it("without a caret, puts the link at the end of what the rep wrote (demo Gmail compose)", () => {
    const doc = demo(renderGmail(), "/demo/gmail#inbox?compose=new")
    const body = findComposeBody(gmail, doc)!
    expect(insertLink(body, link, undefined, insertOptions(gmail))).toBe(true)
    expect(body.textContent).toBe("Hi Anneke,Thanks for your time today. Bluefin case study\u00a0")
    expect(body.lastChild?.previousSibling).toBe(body.querySelector("a"))
  })

  it("without a caret in an empty compose, puts the link before the placeholder <br>", () => {
    const doc = load("gmail", "compose-empty.html", "https://mail.google.com/mail/u/0/#inbox?compose=new").document
    const body = findComposeBody(gmail, doc)!
    insertLink(body, link, undefined, insertOptions(gmail))
    expect(body.firstChild).toBe(body.querySelector("a"))
    expect(body.lastChild?.nodeName).toBe("BR")
  })

  it("without a caret in a reply, puts the link above the quoted thread", () => {
    const doc = load("gmail", "inline-reply-legacy.html", "https://mail.google.com/mail/u/0/#inbox/x").document
    const body = findComposeBody(gmail, doc)!
    insertLink(body, link, undefined, insertOptions(gmail))
    const quote = body.querySelector(".gmail_quote")!
    expect(body.querySelector("a")!.compareDocumentPosition(quote) & 4).toBeTruthy()
    // On the empty line the rep left above the quote: "lead?<br>[link]<br><quote>".
    expect(body.textContent).toMatch(/with our analytics lead\?Bluefin case study\u00a0On Mon/)
    expect(body.querySelector("a")!.previousSibling?.nodeName).toBe("BR")
    expect(body.querySelector("a")!.nextSibling?.nextSibling?.nodeName).toBe("BR")
    expect(quote.querySelector("a")).toBeNull()
  })

  it("on Outlook, inserts at the end of the last paragraph (saved page) and at the caret (demo page)", () => {
    const saved = load("outlook", "compose.html", "https://outlook.office.com/mail/").document
    const body = findComposeBody(outlook, saved)!
    expect(insertLink(body, link, undefined, insertOptions(outlook))).toBe(true)
    expect(body.lastElementChild!.textContent).toBe(
      "Our SOC 2 letter is attached; security@acme-analytics.example can answer anything else. Bluefin case study\u00a0",
    )

    const doc = demo(renderOutlook(), "/demo/outlook#/mail/deeplink/compose")
    const demoBody = findComposeBody(outlook, doc)!
    const tracker = trackComposeCaret(outlook, doc)
    caretAfter(doc, demoBody, "Hi")
    expect(insertLink(demoBody, link, tracker.range(), insertOptions(outlook))).toBe(true)
    // A space before (after "Hi"), none added after: one is already there.
    expect(demoBody.textContent).toBe("Hi Bluefin case study Anneke,")
    expect(demoBody.querySelector("a")!.getAttribute("href")).toBe(link.url)
    tracker.stop()
  })

  it("on LinkedIn, puts the plain URL in the message box", () => {
    const doc = load("linkedin", "messaging.html", "https://www.linkedin.com/messaging/thread/x/").document
    const body = findComposeBody(linkedin, doc)!
    const seen = inputs(body)
    expect(insertLink(body, link, undefined, insertOptions(linkedin))).toBe(true)
    expect(body.querySelector("a")).toBeNull()
    expect(body.querySelector("p")!.textContent).toBe(`${link.url}\u00a0`)
    expect(seen).toHaveLength(1)
    expect((seen[0] as InputEvent).data).toBe(link.url)

    const page = demo(renderLinkedin(), "/demo/linkedin/messaging/")
    const box = findComposeBody(linkedin, page)!
    expect(insertLink(box, link, undefined, insertOptions(linkedin))).toBe(true)
    expect(box.textContent).toContain(link.url)
  })

  it("returns false and changes nothing when there is no compose", () => {
    const doc = load("gmail", "thread.html", "https://mail.google.com/mail/u/0/#inbox/x").document
    const before = doc.body.innerHTML
    expect(insertLink(findComposeBody(gmail, doc), link, undefined, insertOptions(gmail))).toBe(false)
    expect(insertLink(null, link, undefined, insertOptions(gmail))).toBe(false)
    expect(doc.body.innerHTML).toBe(before)
  })

  it("ignores a saved caret from a compose that was closed, and one outside the body", () => {
    const doc = demo(renderGmail(), "/demo/gmail#inbox?compose=new")
    const body = findComposeBody(gmail, doc)!
    const tracker = trackComposeCaret(gmail, doc)
    caretAfter(doc, body, "Hi")
    const stale = tracker.range()!
    body.remove()
    expect(tracker.range()).toBeNull()
    // A range elsewhere on the page is not a place to insert into this body.
    const other = new JSDOM('<div contenteditable="true" g_editable="true">Hello there</div>').window.document
    const otherBody = findComposeBody(gmail, other)!
    expect(insertLink(otherBody, link, stale, insertOptions(gmail))).toBe(true)
    expect(otherBody.textContent).toBe("Hello there Bluefin case study\u00a0")
    tracker.stop()
  })
})

describe("one compose-body list per site (issue 11, item 4)", () => {
  it("detection and Insert read the same list, so an overlay that adds to it fixes both", async () => {
    const { detect } = await import("../../../src/sites/gmail/detect")
    const { applyOverlay } = await import("../../../src/sites/overlay")
    const { composeBodyOf } = await import("../../../src/sites/compose")
    expect(Object.keys(gmailSelectors).filter((k) => /compose.?body/i.test(k))).toEqual(["COMPOSE_BODY"])
    // A compose whose body Gmail has renamed: no built-in selector matches it.
    const doc = new JSDOM(
      '<div role="dialog"><div class="M9"><div data-hovercard-id="ann.example@x.example" data-name="Ann Example" role="option">Ann Example</div>' +
        '<input name="subjectbox" value="Pilot"><div class="editor-2027" contenteditable="true">Hi Ann,</div></div></div>',
      { url: "https://mail.google.com/mail/u/0/#inbox?compose=new" },
    ).window.document
    const body = doc.querySelector(".editor-2027")!
    const url = new URL(doc.URL)
    expect(composeBodyOf(gmail, body.firstChild)).toBeNull()
    expect(detect(doc, url).strategy).not.toBe("structure")

    const overlay = { selectors: { COMPOSE_BODY: ['div.editor-2027[contenteditable="true"]'] } }
    const list = gmailSelectors.COMPOSE_BODY as unknown as string[]
    try {
      // The shell applies the overlay to the site's module, the one it hands to Insert: both read the extended list.
      applyOverlay(gmailSelectors as unknown as Record<string, unknown>, overlay, doc)
      expect(composeBodyOf(gmail, body.firstChild)).toBe(body)
      expect(detect(doc, url)).toMatchObject({
        view: "compose",
        strategy: "structure",
        subject: "Pilot",
        people: [{ email: "ann.example@x.example", name: "Ann Example", role: "to" }],
      })
    } finally {
      list.splice(0, list.length - 3)
    }
  })

  it("Outlook's list has what Insert needed (the demo body) and what detection needed (any language)", async () => {
    expect(Object.keys(outlookSelectors).filter((k) => /compose.?body/i.test(k))).toEqual(["COMPOSE_BODY"])
    const doc = demo(renderOutlook(), "/demo/outlook#/mail/deeplink/compose")
    expect(findComposeBody(outlook, doc)?.getAttribute("aria-label")).toBe("Message body")
  })
})

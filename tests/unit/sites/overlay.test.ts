import { afterEach, describe, expect, it } from "vitest"
import { render as renderOutlook } from "../../../src/server/demo/outlook"
import { SiteOverlay } from "../../../src/shared/contracts/sites-config"
import { detect } from "../../../src/sites/outlook/detect"
import * as outlook from "../../../src/sites/outlook/selectors"
import { applyOverlay, siteSwitchedOff } from "../../../src/sites/overlay"
import { OUTLOOK_REDESIGN_PAGE, redesignOverlay } from "../../e2e/outlook-redesign"
import { JSDOM } from "./load"

const lists = outlook as unknown as Record<string, string[]>
const saved = { PERSONA: [...outlook.PERSONA], BODY: [...outlook.BODY] }
afterEach(() => {
  // The lists are module state: put them back for the other tests.
  lists.PERSONA!.splice(0, Infinity, ...saved.PERSONA)
  lists.BODY!.splice(0, Infinity, ...saved.BODY)
})

function redesignedOutlook() {
  const dom = new JSDOM(renderOutlook(), { url: "http://localhost:8787/demo/outlook", runScripts: "dangerously" })
  const doc = dom.window.document
  const before = detect(doc, new URL(dom.window.location.href))
  ;(dom.window as unknown as { eval: (s: string) => void }).eval(OUTLOOK_REDESIGN_PAGE)
  return { doc, url: new URL(dom.window.location.href), before }
}

describe("selector overlays on a site's lists", () => {
  it("a changed Outlook defeats every built-in strategy; the overlay's one selector finds the sender again", () => {
    const { doc, url, before } = redesignedOutlook()
    expect(before.people.map((p) => p.email)).toContain("tobias.wrenfield@northpeak.example")
    const broken = detect(doc, url)
    expect(broken).toMatchObject({ view: "thread", people: [], strategy: "none" })

    const applied = applyOverlay(lists, SiteOverlay.parse(redesignOverlay().sites.outlook), doc)
    expect(applied).toEqual({ lists: ["PERSONA"], skipped: [] })
    expect(outlook.PERSONA[0]).toBe("div.persona-2027[data-lpc-hover-target-id]")
    const fixed = detect(doc, url)
    expect(fixed.strategy).toBe("structure")
    expect(fixed.people[0]).toMatchObject({ email: "tobias.wrenfield@northpeak.example", name: "Tobias Wrenfield", role: "from" })
  })

  it("adds in front, once; skips lists a site does not have, values that are not selector lists, and selectors the browser cannot parse", () => {
    const { doc } = redesignedOutlook()
    const overlay = { selectors: { PERSONA: ["div.x[title]", "div.x[title]", "div[[broken"], NOPE: ["div"], MAIN: ["#app2"] } }
    const first = applyOverlay(lists, overlay, doc)
    expect(first.lists).toEqual(["PERSONA", "MAIN"])
    expect(first.skipped).toEqual(["PERSONA: div[[broken", "NOPE"])
    expect(outlook.PERSONA.slice(0, 2)).toEqual(["div.x[title]", ...saved.PERSONA.slice(0, 1)])
    expect(applyOverlay(lists, overlay, doc).lists).toEqual([])
    expect(lists.PERSONA!.filter((s) => s === "div.x[title]")).toHaveLength(1)
    lists.MAIN!.splice(0, 1)
    expect(applyOverlay(lists, null, doc)).toEqual({ lists: [], skipped: [] })
  })

  it("an overlay can switch a site off", () => {
    expect(siteSwitchedOff({ enabled: false })).toBe(true)
    expect(siteSwitchedOff({ enabled: true })).toBe(false)
    expect(siteSwitchedOff(null)).toBe(false)
  })
})

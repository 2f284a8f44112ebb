import { describe, expect, it } from "vitest"
import { COMPOSE_DOCK } from "../../../src/sites/gmail/selectors"
import { MESSAGING_OVERLAY } from "../../../src/sites/linkedin/selectors"
import { makeRoom, roomCss } from "../../../src/sites/room"
import { JSDOM } from "./load"

describe("room for the sidebar on the host page", () => {
  it("narrows the page and moves what each site docks to the right edge (its compose dock, LinkedIn's messaging overlay)", () => {
    expect(roomCss([COMPOSE_DOCK], 360)).toBe(
      "html { margin-right: 360px !important; }\n" +
        ':is(div.dw, div[role="region"][aria-label*="ompose"]):not(:is(div.dw, div[role="region"][aria-label*="ompose"]) *) { translate: -360px 0 !important; }',
    )
    expect(roomCss([MESSAGING_OVERLAY], 28)).toContain(
      ":is(#msg-overlay, .msg-overlay-container):not(:is(#msg-overlay, .msg-overlay-container) *) { translate: -28px 0 !important; }",
    )
    expect(roomCss([], 360)).toBe("html { margin-right: 360px !important; }")
  })

  it("gives the page its width back at 0, and never throws where constructed stylesheets are missing", () => {
    for (const width of [0, -5, Number.NaN]) expect(roomCss([COMPOSE_DOCK], width)).toBe("")
    const doc = new JSDOM("<p>host</p>").window.document
    expect(() => makeRoom([COMPOSE_DOCK], 360, doc)).not.toThrow()
    expect(() => makeRoom([COMPOSE_DOCK], 0, doc)).not.toThrow()
    expect(doc.body.outerHTML).toBe("<body><p>host</p></body>")
  })
})

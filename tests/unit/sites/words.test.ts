// The localised header words the structure-free strategies read, in the ten languages the issue lists.
import { describe, expect, it } from "vitest"
import { roleFromLabel, roleFromLine, textBefore } from "../../../src/sites/signals"
import { HEADER_WORDS, headerMatchers } from "../../../src/sites/words"
import { JSDOM } from "./load"

const words = headerMatchers(HEADER_WORDS)

describe("header words", () => {
  // [language, From line, To line, Cc line] as mail apps print them.
  const lines = [
    ["en", "From: Ann <ann@x.example>", "To: Bo", "Cc: Cy"],
    ["de", "Von: Ann <ann@x.example>", "An: Bo", "Cc: Cy"],
    ["fr", "De : Ann <ann@x.example>", "À : Bo", "Cc : Cy"],
    ["es", "De: Ann <ann@x.example>", "Para: Bo", "CC: Cy"],
    ["pt", "De: Ann <ann@x.example>", "Para: Bo", "Cc: Cy"],
    ["it", "Da: Ann <ann@x.example>", "A: Bo", "Cc: Cy"],
    ["nl", "Van: Ann <ann@x.example>", "Aan: Bo", "CC: Cy"],
    ["pl", "Od: Ann <ann@x.example>", "Do: Bo", "DW: Cy"],
    ["sv", "Från: Ann <ann@x.example>", "Till: Bo", "Kopia: Cy"],
    ["ru", "От: Ann <ann@x.example>", "Кому: Bo", "Копия: Cy"],
  ] as const
  it.each(lines)("%s: From / To / Cc lines give their roles", (_lang, from, to, cc) => {
    expect([roleFromLine(from, words), roleFromLine(to, words), roleFromLine(cc, words)]).toEqual(["from", "to", "cc"])
  })

  it("a label is only the word: a sentence that starts like one is not a label", () => {
    expect(roleFromLabel("to", words)).toBe("to")
    expect(roleFromLabel("Cc\u00a0:", words)).toBe("cc")
    expect(roleFromLabel("to be confirmed next week", words)).toBeUndefined()
    expect(roleFromLine("Toronto office: closed", words)).toBeUndefined()
  })

  it("textBefore skips separators, addresses and other people, and stops at its bounds", () => {
    const doc = new JSDOM('<div id="stop"><p>Hello</p><span>an <b class="p">mich</b> &lt;riley@x.example&gt;, <b class="p" id="ann">Ann</b></span></div>')
      .window.document
    const isPerson = (e: Element) => e.classList.contains("p")
    const ann = doc.getElementById("ann")!
    expect(textBefore(ann, doc.getElementById("stop"), isPerson)).toBe("an")
    expect(textBefore(ann, doc.getElementById("stop"), isPerson, 2)).toBeUndefined()
  })
})

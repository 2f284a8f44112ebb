import { describe, expect, it } from "vitest"
import { kindInSentence, kindName, kindNames } from "../../src/shared/asset-words"
import { assetKinds } from "../../src/shared/contracts/assets"
import { stageInSentence } from "../../src/shared/lifecycle"

describe("asset kind and stage words", () => {
  it("names every kind the contract knows, and reads an unknown one as its words", () => {
    expect(Object.keys(kindNames).sort()).toEqual([...assetKinds].sort())
    expect(kindName("one_pager")).toBe("One-pager")
    expect(kindName("white_paper")).toBe("White paper")
  })

  it("puts kinds and stages mid-sentence in lower case, keeping acronyms", () => {
    expect(kindInSentence("case_study")).toBe("case study")
    expect(stageInSentence("lead")).toBe("lead")
    expect(stageInSentence("mql")).toBe("MQL")
    expect(stageInSentence("sql")).toBe("SQL")
    expect(stageInSentence("someday")).toBe("someday")
  })
})

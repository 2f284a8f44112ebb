import { describe, expect, it } from "vitest"
import { linkedinSlug } from "../../../src/sites/common"
import { detect } from "../../../src/sites/linkedin/detect"
import { garbagePages, JSDOM, load } from "./load"

const BASE = "https://www.linkedin.com"
const slugs = (ctx: { people: { linkedin?: string }[] }) => ctx.people.map((p) => p.linkedin)

describe("linkedin detect", () => {
  it("profile: the member from the top card only", () => {
    const { document, url } = load("linkedin", "profile.html", `${BASE}/in/marisol-quintero-revops/`)
    const ctx = detect(document, url)
    expect(ctx.view).toBe("profile")
    expect(ctx.people).toEqual([
      {
        linkedin: "marisol-quintero-revops",
        name: "Marisol Quintero",
        headline: "VP Revenue Operations at Brightlane Finance | Forecasting, pipeline hygiene & GTM systems",
        company: "Brightlane Finance",
        role: "profile",
      },
    ])
    // Traps: the viewer (global nav "Me"), People also viewed, People you may know.
    expect(slugs(ctx)).not.toContain("riley-park-acme")
    expect(slugs(ctx)).not.toContain("anneke-solberg-4b7a21")
    expect(slugs(ctx)).not.toContain("tobias-wrenfield")
    expect(ctx.snippet).toMatch(/^I run revenue operations/)
  })

  it("French profile with an accented, percent-encoded slug", () => {
    const { document, url } = load("linkedin", "profile-fr.html", `${BASE}/in/fabrice-lema%C3%AEtre-duval-9a1b2c/?locale=fr_FR`)
    expect(detect(document, url).people).toEqual([
      {
        linkedin: "fabrice-lemaître-duval-9a1b2c",
        name: "Fabrice Lemaître-Duval",
        headline: "Directeur commercial chez Verrerie Castelnau",
        company: "Verrerie Castelnau",
        role: "profile",
      },
    ])
  })

  it("the viewer's own profile shows nobody", () => {
    const { document, url } = load("linkedin", "profile.html", `${BASE}/in/riley-park-acme/`)
    expect(detect(document, url).people).toEqual([])
  })

  it("messaging: the other person of the open conversation", () => {
    const { document, url } = load("linkedin", "messaging.html", `${BASE}/messaging/thread/2-MzQ5ZmM1NDUtYWQ2Yi00ZTc0LWE1ZDAtNGY2ZmM0YjE3N2JjXzAxMA==/`)
    const ctx = detect(document, url)
    expect(ctx.view).toBe("messaging")
    expect(ctx.people).toEqual([
      { linkedin: "dariofaulkner", name: "Dario Faulkner", headline: "Chief Technology Officer at Tessellate Software", role: "counterpart" },
    ])
    expect(ctx.snippet).toContain("Thursday works for the security review")
  })

  it("feed: nobody, even with profile links in posts and comments", () => {
    const { document, url } = load("linkedin", "feed.html", `${BASE}/feed/`)
    expect(detect(document, url)).toEqual({ site: "linkedin", view: "other", people: [] })
  })

  it("parses /in/ slugs from absolute, relative and demo links", () => {
    expect(linkedinSlug("https://www.linkedin.com/in/DarioFaulkner/?originalSubdomain=uk")).toBe("dariofaulkner")
    expect(linkedinSlug("/in/anneke-solberg-4b7a21/overlay/contact-info/")).toBe("anneke-solberg-4b7a21")
    expect(linkedinSlug("http://localhost:8787/demo/linkedin/in/marisol-quintero-revops")).toBe("marisol-quintero-revops")
    expect(linkedinSlug("/company/brightlane/")).toBeUndefined()
    expect(linkedinSlug("/in/%E0%A4%A")).toBeUndefined() // a malformed escape is no profile
  })

  it("never throws and finds nobody on garbage pages", () => {
    for (const html of garbagePages) {
      const document = new JSDOM(html, { url: BASE }).window.document
      for (const path of ["/feed/", "/messaging/thread/2-abc/"]) {
        const ctx = detect(document, new URL(BASE + path))
        expect(ctx.people).toEqual([])
      }
    }
    expect(detect(undefined as unknown as Document, new URL(`${BASE}/messaging/thread/2-x/`))).toMatchObject({ site: "linkedin", people: [] })
  })
})

// Layered detection on LinkedIn: the profile top card and conversation headers (structure), then the
// conversation's /in/ links (signals), then a header's bare name. Every case says which one answered.
import { describe, expect, it } from "vitest"
import { detect } from "../../../src/sites/linkedin/detect"
import { JSDOM, load } from "./load"

const BASE = "https://www.linkedin.com"
const VIEWER_ID = "ACoAAA9RileyPkX2mQ7tV5bN1cZ8dH3jK0s"
const page = (html: string, path: string) => ({ document: new JSDOM(html, { url: BASE + path }).window.document, url: new URL(BASE + path) })
const slugs = (ctx: { people: { linkedin?: string }[] }) => ctx.people.map((p) => p.linkedin)
const NAV =
  '<header class="global-nav"><div class="global-nav__me"><img class="global-nav__me-photo" alt="Riley Park"><a href="/in/riley-park-acme/">Ver perfil</a></div></header>'

describe("linkedin layered detection", () => {
  it("structure: profiles and the messaging page answer as before and say so", () => {
    const profile = load("linkedin", "profile.html", `${BASE}/in/marisol-quintero-revops/`)
    expect(detect(profile.document, profile.url)).toMatchObject({ view: "profile", strategy: "structure" })
    const messaging = load("linkedin", "messaging.html", `${BASE}/messaging/thread/2-MzQ5ZmM1NDUtYWQ2Yi00ZTc0LWE1ZDAtNGY2ZmM0YjE3N2JjXzAxMA==/`)
    expect(detect(messaging.document, messaging.url)).toMatchObject({ view: "messaging", strategy: "structure" })
    // The viewer's own profile: nobody to show, and nothing broken either.
    const own = load("linkedin", "profile.html", `${BASE}/in/riley-park-acme/`)
    expect(detect(own.document, own.url)).toEqual({ site: "linkedin", view: "profile", people: [], snippet: expect.any(String) })
  })

  it("structure: a Spanish overlay conversation over the feed, linked by member id; the viewer's member id left out", () => {
    const { document, url } = load("linkedin", "feed-overlay-es.html", `${BASE}/feed/`)
    const ctx = detect(document, url)
    expect(ctx).toMatchObject({ site: "linkedin", view: "messaging", strategy: "structure" })
    expect(ctx.people).toEqual([{ linkedin: "ACoAABk3QfMBx7v2pLrT9wZq1nYd0eUo4sQ", name: "Ximena Arrieta Solís", role: "counterpart" }])
    expect(ctx.snippet).toContain("¿podemos ver la demo el jueves?")
    // Not the viewer, not the profile linked inside a message, not the feed's authors and commenters.
    for (const other of [VIEWER_ID, "riley-park-acme", "bruno-etxeberria-cfo", "tobias-wrenfield", "marisol-quintero-revops", "anneke-solberg-4b7a21"]) {
      expect(slugs(ctx)).not.toContain(other)
    }
  })

  it("signals: an overlay over a French profile whose header has no link: the message groups' member-id links", () => {
    const { document, url } = load("linkedin", "profile-overlay-fr.html", `${BASE}/in/fabrice-lema%C3%AEtre-duval-9a1b2c/?locale=fr_FR`)
    const ctx = detect(document, url)
    // The profile stays first (and its strategy is the context's); whoever the bubble talks with follows.
    expect(ctx).toMatchObject({ view: "profile", strategy: "structure" })
    expect(ctx.people).toEqual([
      {
        linkedin: "fabrice-lemaître-duval-9a1b2c",
        name: "Fabrice Lemaître-Duval",
        headline: "Directeur commercial chez Verrerie Castelnau",
        company: "Verrerie Castelnau",
        role: "profile",
      },
      { linkedin: "ACoAACq8LmN2vR5tY7wX1zB4dF6gH9jK3pQ", name: "Côme Delaunay-Briand", role: "counterpart" },
    ])
    expect(slugs(ctx)).not.toContain(VIEWER_ID)
    expect(slugs(ctx)).not.toContain("ines-gauthier-data")
  })

  it("signals: a messaging bubble alone, as a fragment on another page", () => {
    const { document, url } = page(
      NAV +
        '<div class="msg-overlay-conversation-bubble"><header class="msg-overlay-bubble-header"><h2 class="msg-overlay-bubble-header__title">Wiktoria Zaremba</h2></header>' +
        '<ul><li><a class="msg-s-message-group__profile-link" href="/in/ACoAAD5sTuV7wX9yZ1aB3cD5eF7gH9iJ1kL"><span class="msg-s-message-group__name">Wiktoria Zaremba</span></a><p class="msg-s-event-listitem__body">Dzień dobry!</p></li>' +
        `<li><a class="msg-s-message-group__profile-link" href="/in/${VIEWER_ID}"><span class="msg-s-message-group__name">Riley Park</span></a><p class="msg-s-event-listitem__body">Dzień dobry, Wiktorio.</p></li></ul></div>`,
      "/search/results/people/?keywords=zaremba",
    )
    expect(detect(document, url)).toEqual({
      site: "linkedin",
      view: "messaging",
      strategy: "signals",
      snippet: "Dzień dobry! Dzień dobry, Wiktorio.",
      people: [{ linkedin: "ACoAAD5sTuV7wX9yZ1aB3cD5eF7gH9iJ1kL", name: "Wiktoria Zaremba", role: "counterpart" }],
    })
  })

  it("name: a bubble whose header shows only a name and whose conversation links nobody", () => {
    const { document, url } = page(
      NAV +
        '<div class="msg-overlay-conversation-bubble"><header class="msg-overlay-bubble-header"><h2 class="msg-overlay-bubble-header__title">Sunniva Aasheim</h2></header><p class="msg-s-event-listitem__body">Hei!</p></div>',
      "/feed/",
    )
    expect(detect(document, url)).toEqual({
      site: "linkedin",
      view: "messaging",
      strategy: "name",
      snippet: "Hei!",
      people: [{ name: "Sunniva Aasheim", role: "counterpart" }],
    })
  })

  it("none: a messaging page whose conversation names nobody says so; the feed without a bubble does not", () => {
    const { document, url } = page('<main><div class="msg-thread"><p class="msg-s-event-listitem__body">…</p></div></main>', "/messaging/thread/2-abc/")
    expect(detect(document, url)).toMatchObject({ view: "messaging", people: [], strategy: "none" })
    // A bubble open over the feed whose conversation shows nobody yet (still loading): messaging, "none".
    const loading = page(NAV + '<div class="msg-overlay-conversation-bubble"><header class="msg-overlay-bubble-header"></header></div>', "/feed/")
    expect(detect(loading.document, loading.url)).toEqual({ site: "linkedin", view: "messaging", people: [], strategy: "none" })
    const feed = load("linkedin", "feed.html", `${BASE}/feed/`)
    expect(detect(feed.document, feed.url)).toEqual({ site: "linkedin", view: "other", people: [] })
  })
})

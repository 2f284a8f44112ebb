// Building blocks of the real-size demo pages (/demo/linkedin-heavy, /demo/gmail-heavy): a seeded random
// source, so every render is the same page byte for byte, and the kinds of markup that make the real sites
// heavy — deep wrappers with long generated class lists, inline SVG icons, text rendered twice (once for the
// eye, once for screen readers), hidden data islands. Every name, address and company is invented.

/** mulberry32: small, fast and the same on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  return { next, int, pick }
}
export type Rng = ReturnType<typeof rng>

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

const FIRST = ["Ines", "Joaquim", "Priya", "Lennart", "Mireille", "Kofi", "Sunniva", "Teodor", "Yara", "Bastian", "Odalys", "Ruairi", "Wren", "Casimir"]
const FIRST2 = ["Halvard", "Noor", "Emeric", "Talia", "Osric", "Liesel", "Amadou", "Fenna", "Ilario", "Maelle", "Severin", "Zorana", "Eamon", "Rosalind"]
const LAST = ["Okonkwo-Bell", "Varga", "Lindqvist", "Ferreira", "Castellane", "Mbeki-Hart", "Tiernan", "Vasquez-Orr", "Halloran", "Brightwater", "Ostrander"]
const LAST2 = ["Delacroix-Finn", "Amundsen", "Kestrel", "Marchetti", "Pemberton", "Quillfeather", "Rasmussen", "Stroud", "Thackeray", "Underhill"]
const COMPANIES = ["Larkspur Freight", "Quillon Health", "Bramblecore", "Vantive Labs", "Cobaltline", "Meridian Hollow", "Tidewell Energy", "Outpost Nine"]
const COMPANIES2 = ["Saltmarsh Capital", "Fernway Systems", "Harrowgate Retail", "Pinecrest Bio", "Glassdoor Lane", "Kiteworks Atlas", "Orrin & Vale"]
const TITLES = [
  "Account Executive",
  "Head of Growth",
  "Solutions Engineer",
  "VP Sales",
  "Revenue Analyst",
  "Customer Success Lead",
  "Product Marketing Manager",
]
const WORDS =
  "pipeline forecast quarter renewal onboarding rollout dashboard team pricing review launch customers data migration workshop partner region budget roadmap hiring playbook attribution retention churn expansion territory quota enablement webinar analytics integration security procurement".split(
    " ",
  )

export interface Someone {
  name: string
  slug: string
  email: string
  company: string
  title: string
}

/** An invented person: a LinkedIn vanity slug with the usual numeric tail, an address at an invented domain. */
export function someone(r: Rng): Someone {
  const first = r.pick(r.next() < 0.5 ? FIRST : FIRST2)
  const last = r.pick(r.next() < 0.5 ? LAST : LAST2)
  const company = r.pick(r.next() < 0.5 ? COMPANIES : COMPANIES2)
  const domain = company.toLowerCase().replace(/[^a-z]+/g, "")
  const tail = r.int(0x10000, 0xfffff).toString(16)
  return {
    name: `${first} ${last}`,
    slug: `${first}-${last}-${tail}`.toLowerCase().replace(/[^a-z0-9-]+/g, ""),
    email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]+/g, "") + `@${domain}.example`,
    company,
    title: r.pick(TITLES),
  }
}

export function sentence(r: Rng, min = 8, max = 22): string {
  const words = Array.from({ length: r.int(min, max) }, () => r.pick(WORDS))
  return words[0]!.charAt(0).toUpperCase() + words.join(" ").slice(1) + "."
}
export const paragraph = (r: Rng, n: number) => Array.from({ length: n }, () => sentence(r)).join(" ")

/** A generated class name like the ones both sites' build tools emit ("aXjCH", "_1q5wtb"). */
export function hashed(r: Rng): string {
  const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
  return Array.from({ length: r.int(4, 6) }, () => chars[r.int(0, chars.length - 1)]).join("")
}
export const classes = (r: Rng, n: number, keep = "") => [keep, ...Array.from({ length: n }, () => hashed(r))].filter(Boolean).join(" ")

/** `depth` anonymous wrappers around `inner`, each with a generated class list. */
export function nest(r: Rng, depth: number, inner: string, perLevel = 3): string {
  let out = inner
  for (let i = 0; i < depth; i++) out = `<div class="${classes(r, perLevel)}">${out}</div>`
  return out
}

/** An inline SVG icon with a path long enough to be realistic (the sites inline every icon). */
export function icon(r: Rng, cls: string, size = 24): string {
  let d = `M${r.int(1, 9)} ${r.int(1, 9)}`
  for (let i = 0; i < r.int(6, 14); i++) d += `${r.pick(["L", "C", "A", "H", "V"])}${r.int(0, 24)}.${r.int(0, 99)} ${r.int(0, 24)}.${r.int(0, 99)}`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" data-supported-dps="${size}x${size}" fill="currentColor" class="${cls}" width="${size}" height="${size}" focusable="false" aria-hidden="true"><path d="${d}z"></path></svg>`
}

/** Text for the eye and for screen readers, as LinkedIn renders every line of a profile. */
export const twice = (text: string) =>
  `<span aria-hidden="true"><!---->${esc(text)}<!----></span><span class="visually-hidden"><!---->${esc(text)}<!----></span>`

/** A hidden data island of `bytes` characters of JSON about `people`, as the sites ship their state. */
export function dataIsland(r: Rng, id: string, people: readonly Someone[], bytes: number): string {
  const rows: string[] = []
  let size = 0
  while (size < bytes) {
    const p = r.pick(people)
    const row = JSON.stringify({
      $type: "com.linkedin.voyager.dash.identity.profile.Profile",
      entityUrn: `urn:li:fsd_profile:ACoAA${hashed(r)}${r.int(100000, 999999)}`,
      firstName: p.name.split(" ")[0],
      lastName: p.name.split(" ")[1],
      publicIdentifier: p.slug,
      headline: `${p.title} at ${p.company}`,
      trackingId: hashed(r) + hashed(r),
    })
    rows.push(row)
    size += row.length
  }
  return `<code style="display: none" id="${id}"><!--${esc(`{"data":{"included":[${rows.join(",")}]}}`)}--></code>`
}

/** Pads a page's head with generated CSS rules until the stylesheet holds `bytes` characters. */
export function styleSheet(r: Rng, bytes: number): string {
  let css = ""
  while (css.length < bytes)
    css += `.${hashed(r)}{margin:${r.int(0, 24)}px ${r.int(0, 24)}px;color:#${r.int(0, 0xffffff).toString(16).padStart(6, "0")};display:${r.pick(["flex", "block", "grid", "inline-flex"])}}`
  return `<style>${css}</style>`
}

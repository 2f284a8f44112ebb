// LinkedIn profiles are named by what follows /in/: a vanity slug (jane-doe-12ab) or a member id (ACoAAB...).
// Accepts a bare slug, an /in/ path or a full profile URL and returns the decoded slug, or null.
export function linkedinSlug(input: string): string | null {
  let s = input.trim()
  const m = s.match(/(?:^|\/)in\/([^/?#]+)/)
  if (m) s = m[1]!
  else if (/[/?#:]/.test(s)) return null
  try {
    s = decodeURIComponent(s)
  } catch {
    return null
  }
  s = s.trim()
  return s.length > 0 && s.length <= 200 && !/[\s/]/.test(s) ? s : null
}

/** Member ids (ACoAA...) are case-sensitive; vanity slugs are not. */
export const isMemberId = (slug: string) => /^AC[a-zA-Z0-9_-]{20,}$/.test(slug)

/** One spelling per profile, for comparing and caching: vanity slugs lower-cased, member ids as they are. */
export const linkedinKey = (slug: string) => (isMemberId(slug) ? slug : slug.toLowerCase())

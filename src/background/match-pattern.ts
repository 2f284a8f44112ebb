// Chrome's match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns), for the one
// question the worker asks of a URL: do Relay's content scripts run there? The patterns are the manifest's own
// (`content_scripts[].matches`), so a demo build's extra pages count and a production build's do not.

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")
const defaultPorts: Record<string, string> = { http: "80", https: "443" }

/** Whether `url` matches `pattern` as Chrome matches a content script's pattern (the fragment is never part of it). */
export function matchesPattern(url: string, pattern: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  const scheme = u.protocol.slice(0, -1)
  if (pattern === "<all_urls>") return ["http", "https", "file", "ftp"].includes(scheme)
  const m = /^(\*|[a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)$/.exec(pattern)
  if (!m) return false
  const [, wantScheme, hostPort, path] = m
  if (wantScheme === "*" ? scheme !== "http" && scheme !== "https" : scheme !== wantScheme) return false
  // A port in the pattern must be the URL's; a pattern without one matches any port (http://localhost/* and a dev server).
  const [, host, port] = /^(.*?)(?::(\d+|\*))?$/.exec(hostPort)!
  if (port && port !== "*" && port !== (u.port || defaultPorts[scheme])) return false
  if (host !== "*") {
    if (host.startsWith("*.")) {
      const base = host.slice(2)
      if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false
    } else if (u.hostname !== host) return false
  }
  return new RegExp(`^${path.split("*").map(escape).join(".*")}$`).test(u.pathname + u.search)
}

export const matchesAny = (url: string | undefined, patterns: readonly string[]) => !!url && patterns.some((p) => matchesPattern(url, p))

import type { ReactNode } from "react"

/** The address when it is an http(s) URL a browser can open, else undefined (javascript:, data:, garbage). */
export function webHref(url: string): string | undefined {
  try {
    const u = new URL(url)
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : undefined
  } catch {
    return undefined
  }
}

/**
 * A link to an asset's address that opens in a new tab. The address is remote data: the API refuses
 * anything but http(s), yet a row written before that rule (or straight into the database) could hold
 * javascript:…, so anything else is shown as plain text and can never be clicked.
 */
export function WebLink({ url, children }: { url: string; children: ReactNode }) {
  const href = webHref(url)
  if (!href) return <span title={`Not a web address: ${url}`}>{children}</span>
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  )
}

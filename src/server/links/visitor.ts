import { createHmac } from "node:crypto"
import { isIPv6 } from "node:net"

/**
 * Who clicked, as far as counting views needs to know: a keyed hash of the client's address and user agent.
 * Keyed with the link's code (the secret part of the link), so the stored value cannot be matched against
 * another link's views or looked up in a table of hashed addresses made without the code. The address
 * itself is never stored.
 */
export function visitorOf(code: string, address: string, userAgent: string | null): string {
  return createHmac("sha256", code)
    .update(`${clientNetwork(address)}\n${userAgent ?? ""}`)
    .digest("base64url")
    .slice(0, 22)
}

/**
 * The client address as limits and counting see it: an IPv6 client is its /64 (one household or phone
 * gets a whole /64 and can pick any address in it), an IPv4-mapped one its IPv4 address.
 */
export function clientNetwork(address: string): string {
  const a = address.trim().toLowerCase()
  if (!isIPv6(a)) return a
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a)
  if (mapped) return mapped[1]!
  const [head = "", tail = ""] = a.split("::")
  const left = head ? head.split(":") : []
  const right = a.includes("::") && tail ? tail.split(":") : []
  const groups = a.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left
  return `${groups
    .slice(0, 4)
    .map((g) => (g.includes(".") ? g : Number.parseInt(g || "0", 16).toString(16)))
    .join(":")}::/64`
}

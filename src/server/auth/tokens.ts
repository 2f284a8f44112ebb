import { createHash, randomBytes } from "node:crypto"

// 32 random bytes; only the SHA-256 is stored, so a database leak does not leak usable tokens.
export function newToken(): string {
  return `rly_${randomBytes(32).toString("base64url")}`
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex")
}

import { createHash } from "node:crypto"

/**
 * What makes two submissions with one client id "the same": the fields the client sent, in a fixed
 * order. Stored beside the record, so a retry is recognised and a different body is a conflict.
 */
export function contentHash(fields: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex")
}

import { BadRequest } from "../errors"
import type { ShareKey } from "./asset-shares"

// Opaque to clients; it only carries the keyset position, and the org still comes from the token.
export const encodeCursor = (k: ShareKey) => Buffer.from(`${k.at}|${k.id}`).toString("base64url")

export function decodeCursor(cursor: string | undefined): ShareKey | null {
  if (!cursor) return null
  const [at, id, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("|")
  const valid =
    extra === undefined &&
    at &&
    id &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/.test(at) &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
  if (!valid) throw new BadRequest("cursor is not one this API gave out")
  return { at, id }
}

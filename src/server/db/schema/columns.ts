import { timestamp } from "drizzle-orm/pg-core"

/**
 * A timestamptz column. Both drivers hand times over as the text PostgreSQL sends (src/server/db/client.ts),
 * raw SQL and the query builder alike, so the column is read as that string.
 */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "string" })

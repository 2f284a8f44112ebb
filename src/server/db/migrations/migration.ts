/** One schema change: applied once, in id order, inside a transaction (src/server/db/migrate.ts). */
export interface Migration {
  id: string
  sql: string
}

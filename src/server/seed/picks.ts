// Deterministic picks for the bulk seed: every choice is a pure function of (a row's key, the salt), made
// with md5 inside the database, so the same seed gives the same data on PGlite and on PostgreSQL.
import { createHash } from "node:crypto"
import { type SQL } from "drizzle-orm"
import { pgArray, sql } from "../db/client"

/** An integer in [0, n) from a key (a row number or an id) and a salt. */
export const pick = (key: SQL, salt: string, n: number | SQL) =>
  sql`(((('x' || substr(md5(${key}::text || ${salt}), 1, 8))::bit(32)::int) & 2147483647) % ${n})`
/** A number in [0, 1) from a key and a salt. */
export const unit = (key: SQL, salt: string) => sql`(${pick(key, salt, 1_000_000)}::float8 / 1e6)`
export const arr = (values: string[]) => sql`${pgArray(values)}::text[]`
export const uuids = (values: string[]) => sql`${pgArray(values)}::uuid[]`
/** One of `values`, picked by key and salt. */
export const oneOf = (values: string[], key: SQL, salt: string) => sql`(${arr(values)})[${pick(key, salt, values.length)} + 1]`
export const weighted = <T>(mix: [T, number][]) => mix.flatMap(([v, w]) => Array<T>(w).fill(v))
export const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`
export const hours = (h: SQL) => sql`make_interval(secs => (${h}) * 3600)`
export const days = (d: SQL) => sql`make_interval(secs => (${d}) * 86400)`

/** A version-4 shaped UUID from an md5, so ids are both deterministic and valid to every client. */
export const uuidFrom = (text: SQL) => sql`overlay(overlay(md5(${text}) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid`
export const contactId = (orgId: string, i: SQL | number) => uuidFrom(sql`${orgId} || ':c:' || ${i}`)
/** The ids of generated contacts `from`..`to`, as a query (for IN and for attribution). */
export const contactRange = (orgId: string, from: number, to: number) =>
  sql`SELECT ${contactId(orgId, sql`g.i`)} FROM generate_series(${from}::int, ${to}::int) AS g(i)`

/** The same shape of UUID made in Node, for the few rows the seed writes one by one (users). */
export function uuidOf(text: string): string {
  const h = createHash("md5").update(text).digest("hex").split("")
  h[12] = "4"
  h[16] = "8"
  const s = h.join("")
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

/** A tracked-link code as the app makes them (16 bytes, base64url, 22 characters), from an md5 instead of random bytes. */
export const linkCode = (text: SQL) => sql`translate(rtrim(encode(decode(md5(${text}), 'hex'), 'base64'), '='), '+/', '-_')`

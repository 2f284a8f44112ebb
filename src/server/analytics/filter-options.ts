import { type Executor, rows, sql } from "../db/client"
import type { Role } from "../../shared/contracts/common"

export async function users(ex: Executor, orgId: string, onlyId?: string) {
  return rows<{ id: string; name: string; team: string | null; role: Role }>(
    ex,
    sql`
    SELECT id, name, team, role FROM users WHERE org_id = ${orgId} ${onlyId ? sql`AND id = ${onlyId}` : sql``} ORDER BY name, id`,
  )
}

export async function teams(ex: Executor, orgId: string) {
  return (await rows<{ team: string }>(ex, sql`SELECT DISTINCT team FROM users WHERE org_id = ${orgId} AND team IS NOT NULL ORDER BY team`)).map((r) => r.team)
}

export async function assetChoices(ex: Executor, orgId: string) {
  const kinds = await rows<{ v: string }>(ex, sql`SELECT DISTINCT kind AS v FROM assets WHERE org_id = ${orgId} ORDER BY 1`)
  const tags = await rows<{ v: string }>(ex, sql`SELECT DISTINCT t AS v FROM assets, unnest(topics || industries) t WHERE org_id = ${orgId} ORDER BY 1`)
  return { assetKinds: kinds.map((r) => r.v), tags: tags.map((r) => r.v) }
}

/**
 * The distinct campaigns (or sources) of the org's contacts. A loose index scan — one index probe per
 * distinct value — so a million contacts with forty campaigns costs forty probes, not a million-row scan.
 */
export async function contactValues(ex: Executor, orgId: string, column: "campaign" | "source") {
  const col = sql.identifier(column)
  const r = await rows<{ v: string }>(
    ex,
    sql`
    WITH RECURSIVE d(v) AS (
      (SELECT ${col} FROM contacts WHERE org_id = ${orgId} AND ${col} IS NOT NULL ORDER BY ${col} LIMIT 1)
      UNION ALL
      SELECT (SELECT ${col} FROM contacts WHERE org_id = ${orgId} AND ${col} > d.v ORDER BY ${col} LIMIT 1) FROM d WHERE d.v IS NOT NULL
    )
    SELECT v FROM d WHERE v IS NOT NULL LIMIT 1000`,
  )
  return r.map((x) => x.v)
}

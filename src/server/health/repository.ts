// SQL for selector health; orgId first, as everywhere.
import { type Executor, rows, sql } from "../db/client"
import type { SelectorCount, SelectorHealthRow } from "../../shared/contracts/health"

/** Replaces everything report `reportId` stored before with `counts`; answers how many rows it had. */
export async function replaceReport(ex: Executor, orgId: string, reportId: string, day: string, counts: SelectorCount[]): Promise<number> {
  const gone = await rows<{ n: number }>(
    ex,
    sql`
    WITH d AS (DELETE FROM selector_health WHERE org_id = ${orgId} AND report_id = ${reportId} RETURNING 1)
    SELECT count(*)::int AS n FROM d`,
  )
  const values = counts.map((c) => sql`(${orgId}, ${day}::date, ${c.site}, ${c.view}, ${c.strategy}, ${c.version}, ${reportId}, ${c.count})`)
  // ON CONFLICT: two copies of one report arriving at once still store it once.
  await ex.execute(sql`
    INSERT INTO selector_health (org_id, day, site, view, strategy, version, report_id, n)
    VALUES ${sql.join(values, sql`, `)}
    ON CONFLICT (org_id, day, site, view, strategy, version, report_id) DO UPDATE SET n = EXCLUDED.n, received_at = now()`)
  return gone[0]?.n ?? 0
}

export async function healthRows(
  ex: Executor,
  orgId: string,
  q: { from: string; to: string; site?: string; version?: string },
): Promise<Omit<SelectorHealthRow, "missRate">[]> {
  return rows(
    ex,
    sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, version, site, view,
      coalesce(sum(n) FILTER (WHERE strategy = 'structure'), 0)::int AS structure,
      coalesce(sum(n) FILTER (WHERE strategy = 'signals'), 0)::int AS signals,
      coalesce(sum(n) FILTER (WHERE strategy = 'name'), 0)::int AS name,
      coalesce(sum(n) FILTER (WHERE strategy = 'none'), 0)::int AS none,
      sum(n)::int AS total,
      count(DISTINCT report_id)::int AS reports
    FROM selector_health
    WHERE org_id = ${orgId} AND day BETWEEN ${q.from}::date AND ${q.to}::date
      ${q.site ? sql`AND site = ${q.site}` : sql``}
      ${q.version ? sql`AND version = ${q.version}` : sql``}
    GROUP BY day, version, site, view
    ORDER BY day DESC, string_to_array(version, '.')::int[] DESC, site, view`,
  )
}

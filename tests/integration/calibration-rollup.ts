import { type Executor, rows, sql } from "../../src/server/db/client"

/**
 * How many rows of calibration's rollups (mql_band_days, mql_rule_days) differ, either way, from the same counts
 * made afresh from mql_outcomes: 0 when the triggers kept them current. Rows left at 0 count as absent.
 */
export async function calibrationDrift(db: Executor): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`
          WITH counted AS (SELECT * FROM mql_outcomes WHERE next_mql_at IS NULL AND score IS NOT NULL AND stage IS NOT NULL),
          eb AS (
            SELECT org_id, (mql_at AT TIME ZONE 'UTC')::date AS day, score, coalesce(decision, '') AS decision,
              CASE WHEN decision = 'reject' THEN coalesce(reason, '') ELSE '' END AS reason, sql_at IS NOT NULL AS sql, customer_at IS NOT NULL AS customer, count(*)::int AS n
            FROM counted GROUP BY 1, 2, 3, 4, 5, 6, 7),
          rb AS (SELECT org_id, day, score, decision, reason, sql, customer, n FROM mql_band_days WHERE n <> 0),
          er AS (
            SELECT m.org_id, (m.mql_at AT TIME ZONE 'UTC')::date AS day, m.decision, k.kind, k.value, count(*)::int AS leads, sum(k.points)::bigint AS points
            FROM counted m, LATERAL (
              SELECT 'industry', m.industry, 0 WHERE m.industry IS NOT NULL UNION ALL SELECT 'title', m.title, 0 WHERE m.title IS NOT NULL
              UNION ALL SELECT 'company_size', m.company_size::text, 0 WHERE m.company_size IS NOT NULL
              UNION ALL SELECT 'event', e.key, e.value::int FROM jsonb_each_text(m.points) e WHERE e.value::int <> 0) k(kind, value, points)
            WHERE m.decision IN ('accept', 'reject') GROUP BY 1, 2, 3, 4, 5),
          rr AS (SELECT org_id, day, decision, kind, value, leads, points FROM mql_rule_days WHERE leads <> 0 OR points <> 0)
          SELECT (SELECT count(*) FROM (SELECT * FROM eb EXCEPT SELECT * FROM rb) x)::int + (SELECT count(*) FROM (SELECT * FROM rb EXCEPT SELECT * FROM eb) x)::int
            + (SELECT count(*) FROM (SELECT * FROM er EXCEPT SELECT * FROM rr) x)::int + (SELECT count(*) FROM (SELECT * FROM rr EXCEPT SELECT * FROM er) x)::int AS n`,
  )
  return r!.n
}

-- Score calibration without filters reads a period's MQLs as counts per UTC day (mql_band_days, mql_rule_days)
-- instead of every crossing of the period (140,000 at 1,000,000 contacts, read several ways). Counted there: the
-- crossings the report takes as they are, a contact's latest (next_mql_at IS NULL) with a recorded score and its
-- contact still there. The others (an earlier crossing, which counts only while the next one is outside the period;
-- an old change without a score, counted at the score now) are read one by one (index mql_outcomes_unrolled).
-- Kept current by statement triggers on mql_outcomes: each statement adds what its new rows count and takes away
-- what its old rows counted, leaving out of an update the rows whose counted columns did not change (most of the
-- rollup triggers' updates to mql_outcomes: a touch, a points recount of an undecided MQL). A row's firmographics
-- and points count only for a decided MQL (accept or reject), as the report reads them.
CREATE FUNCTION relay_mql_calibration_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols text := $c$org_id, (mql_at AT TIME ZONE 'UTC')::date AS day, score,
    coalesce(decision, '') AS decision, CASE WHEN decision = 'reject' THEN coalesce(reason, '') ELSE '' END AS reason,
    sql_at IS NOT NULL AS sql, customer_at IS NOT NULL AS customer,
    CASE WHEN decision IN ('accept', 'reject') THEN industry END AS industry,
    CASE WHEN decision IN ('accept', 'reject') THEN title END AS title,
    CASE WHEN decision IN ('accept', 'reject') THEN company_size END AS company_size,
    CASE WHEN decision IN ('accept', 'reject') THEN points END AS points$c$;
  counted text := 'next_mql_at IS NULL AND score IS NOT NULL AND stage IS NOT NULL';
  src text;
BEGIN
  src := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS sign FROM new_rows WHERE %s', cols, counted)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS sign FROM old_rows WHERE %s', cols, counted)
    ELSE format('WITH n AS (SELECT %1$s FROM new_rows WHERE %2$s), o AS (SELECT %1$s FROM old_rows WHERE %2$s)
      SELECT *, 1 AS sign FROM (TABLE n EXCEPT ALL TABLE o) a UNION ALL SELECT *, -1 FROM (TABLE o EXCEPT ALL TABLE n) b', cols, counted) END;
  EXECUTE format($q$
    WITH d AS MATERIALIZED (%s),
    bands AS (
      INSERT INTO mql_band_days AS t (org_id, day, score, decision, reason, sql, customer, n)
      SELECT org_id, day, score, decision, reason, sql, customer, sum(sign) FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(sign) <> 0
      ON CONFLICT (org_id, day, score, decision, reason, sql, customer) DO UPDATE SET n = t.n + EXCLUDED.n
      RETURNING 1),
    rules AS (
      INSERT INTO mql_rule_days AS t (org_id, day, decision, kind, value, leads, points)
      SELECT d.org_id, d.day, d.decision, k.kind, k.value, sum(d.sign * k.leads), sum(d.sign * k.points)
      FROM d, LATERAL (
        SELECT 'industry', d.industry, 1, 0 WHERE d.industry IS NOT NULL
        UNION ALL SELECT 'title', d.title, 1, 0 WHERE d.title IS NOT NULL
        UNION ALL SELECT 'company_size', d.company_size::text, 1, 0 WHERE d.company_size IS NOT NULL
        UNION ALL SELECT 'event', e.key, 1, e.value::int FROM jsonb_each_text(d.points) e WHERE e.value::int <> 0) k(kind, value, leads, points)
      WHERE d.decision IN ('accept', 'reject')
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.sign * k.leads) <> 0 OR sum(d.sign * k.points) <> 0
      ON CONFLICT (org_id, day, decision, kind, value) DO UPDATE SET leads = t.leads + EXCLUDED.leads, points = t.points + EXCLUDED.points
      RETURNING 1)
    SELECT (SELECT count(*) FROM bands) + (SELECT count(*) FROM rules)$q$, src);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER mql_outcomes_calibration_ins AFTER INSERT ON mql_outcomes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_calibration_days();
--> statement-breakpoint
CREATE TRIGGER mql_outcomes_calibration_upd AFTER UPDATE ON mql_outcomes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_calibration_days();
--> statement-breakpoint
CREATE TRIGGER mql_outcomes_calibration_del AFTER DELETE ON mql_outcomes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_calibration_days();
--> statement-breakpoint
-- Existing crossings, counted as the trigger counts them.
INSERT INTO mql_band_days (org_id, day, score, decision, reason, sql, customer, n)
SELECT org_id, (mql_at AT TIME ZONE 'UTC')::date, score, coalesce(decision, ''), CASE WHEN decision = 'reject' THEN coalesce(reason, '') ELSE '' END,
  sql_at IS NOT NULL, customer_at IS NOT NULL, count(*)
FROM mql_outcomes WHERE next_mql_at IS NULL AND score IS NOT NULL AND stage IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO mql_rule_days (org_id, day, decision, kind, value, leads, points)
SELECT m.org_id, (m.mql_at AT TIME ZONE 'UTC')::date, m.decision, k.kind, k.value, count(*), sum(k.points)
FROM mql_outcomes m, LATERAL (
  SELECT 'industry', m.industry, 0 WHERE m.industry IS NOT NULL
  UNION ALL SELECT 'title', m.title, 0 WHERE m.title IS NOT NULL
  UNION ALL SELECT 'company_size', m.company_size::text, 0 WHERE m.company_size IS NOT NULL
  UNION ALL SELECT 'event', e.key, e.value::int FROM jsonb_each_text(m.points) e WHERE e.value::int <> 0) k(kind, value, points)
WHERE m.next_mql_at IS NULL AND m.score IS NOT NULL AND m.stage IS NOT NULL AND m.decision IN ('accept', 'reject')
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
ANALYZE mql_band_days, mql_rule_days;

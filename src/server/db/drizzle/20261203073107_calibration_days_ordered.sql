-- Calibration's rollup trigger upserts its day rows in key order. Two ingest batches that each marked several MQLs
-- upserted the same day's score bands in the orders their grouping happened to give, and deadlocked: PostgreSQL
-- waited a second (deadlock_timeout), then ended one of them, which ran again (retriedTransaction). In one order,
-- two such statements queue instead. The function is otherwise calibration_days_skip's.
CREATE OR REPLACE FUNCTION relay_mql_calibration_days() RETURNS trigger LANGUAGE plpgsql AS $$
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
  -- Most updates of mql_outcomes change nothing counted here (a touch, a contact's campaign or owner copied onto its
  -- rows one contact at a time): a check in plain SQL, planned once per connection, returns before the counting's
  -- statement is built and planned (about 1 ms a call: 40 s of a 40,000-contact seed's first-touch attribution).
  IF TG_OP = 'UPDATE' THEN IF NOT EXISTS (
    SELECT 1 FROM new_rows n FULL JOIN old_rows o ON o.org_id = n.org_id AND o.contact_id = n.contact_id AND o.mql_at = n.mql_at
    WHERE n.org_id IS NULL OR o.org_id IS NULL
      OR (n.next_mql_at IS NULL AND n.score IS NOT NULL AND n.stage IS NOT NULL) <> (o.next_mql_at IS NULL AND o.score IS NOT NULL AND o.stage IS NOT NULL)
      OR ((n.next_mql_at IS NULL AND n.score IS NOT NULL AND n.stage IS NOT NULL)
        AND (n.score, n.decision, n.reason, n.sql_at IS NULL, n.customer_at IS NULL, n.industry, n.title, n.company_size, n.points)
          IS DISTINCT FROM (o.score, o.decision, o.reason, o.sql_at IS NULL, o.customer_at IS NULL, o.industry, o.title, o.company_size, o.points))) THEN
    RETURN NULL;
  END IF; END IF;
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
      ORDER BY 1, 2, 3, 4, 5, 6, 7
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
      ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (org_id, day, decision, kind, value) DO UPDATE SET leads = t.leads + EXCLUDED.leads, points = t.points + EXCLUDED.points
      RETURNING 1)
    SELECT (SELECT count(*) FROM bands) + (SELECT count(*) FROM rules)$q$, src);
  RETURN NULL;
END $$;

-- Logging activities from several processes at once (npm run server -- --workers N), and in one statement for many
-- activities (src/server/activities/batch.ts):
-- - The rep activity rollup took its rows' locks in whatever order its GROUP BY handed them over, so two statements
--   adding to the same days could each hold a row the other wanted: a deadlock, which PostgreSQL breaks after
--   deadlock_timeout (each activity then goes again alone). Rows are now taken in key order, the same in every statement.
-- - The first-touch rollup ran its UPDATE of mql_outcomes for every activity, and an UPDATE that changes nothing still
--   fires calibration's statement trigger on mql_outcomes (its own statement, every time). It now updates only when
--   some MQL's first touch moves, which most activities never do (the contact is no MQL, or was touched already).
CREATE OR REPLACE FUNCTION relay_rep_activity_days() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rep_activity_days (org_id, day, user_id, type, slot, n)
      SELECT org_id, (occurred_at AT TIME ZONE 'UTC')::date, user_id, type, (pg_backend_pid() % 8)::smallint, count(*) FROM new_rows GROUP BY 1, 2, 3, 4
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (org_id, day, user_id, type, slot) DO UPDATE SET n = rep_activity_days.n + EXCLUDED.n;
  ELSE
    UPDATE rep_activity_days d SET n = d.n - x.n
      FROM (SELECT org_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, user_id, type, count(*) AS n FROM old_rows GROUP BY 1, 2, 3, 4) x
      WHERE d.org_id = x.org_id AND d.day = x.day AND d.user_id = x.user_id AND d.type = x.type
        AND d.slot = (SELECT e.slot FROM rep_activity_days e WHERE e.org_id = x.org_id AND e.day = x.day AND e.user_id = x.user_id AND e.type = x.type
          ORDER BY e.n DESC, e.slot LIMIT 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relay_mql_outcomes_activity_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF EXISTS (
    SELECT 1 FROM new_rows n JOIN mql_outcomes o ON o.org_id = n.org_id AND o.contact_id = n.contact_id
    WHERE n.occurred_at >= o.mql_at AND (o.first_touch_at IS NULL OR n.occurred_at < o.first_touch_at)) THEN
    UPDATE mql_outcomes o SET first_touch_at = LEAST(o.first_touch_at, x.t)
    FROM (
      SELECT o2.org_id, o2.contact_id, o2.mql_at, min(n.occurred_at) AS t
      FROM new_rows n JOIN mql_outcomes o2 ON o2.org_id = n.org_id AND o2.contact_id = n.contact_id AND n.occurred_at >= o2.mql_at
      GROUP BY 1, 2, 3) x
    WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND o.mql_at = x.mql_at AND (o.first_touch_at IS NULL OR x.t < o.first_touch_at);
  END IF;
  RETURN NULL;
END $$;

-- Rep activity's daily rollup (0006) took every activity of a rep, type and day into one row: requests logging
-- at once all updated that row and queued on its lock until each committed. An activity now counts in one of
-- eight rows of its day, its connection's (pg_backend_pid() % 8), and readers sum them (the report sums n).
-- Removing activities takes their count off one existing row of their day (the fullest), never a new one, as
-- 0006 did: rollup rows cleared before their activities are deleted stay cleared. Shares (rep_share_days) keep
-- slot 0 and their triggers only name the new key.
CREATE OR REPLACE FUNCTION relay_rep_activity_days() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rep_activity_days (org_id, day, user_id, type, slot, n)
      SELECT org_id, (occurred_at AT TIME ZONE 'UTC')::date, user_id, type, (pg_backend_pid() % 8)::smallint, count(*) FROM new_rows GROUP BY 1, 2, 3, 4
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
CREATE OR REPLACE FUNCTION relay_rep_share_days() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE rep_activity_days d SET n = d.n - x.n
      FROM (SELECT org_id, (shared_at AT TIME ZONE 'UTC')::date AS day, user_id, count(*) AS n FROM old_rows GROUP BY 1, 2, 3) x
      WHERE d.org_id = x.org_id AND d.day = x.day AND d.user_id = x.user_id AND d.type = 'share' AND d.slot = 0;
  ELSE
    INSERT INTO rep_activity_days (org_id, day, user_id, type, slot, n)
      SELECT org_id, (shared_at AT TIME ZONE 'UTC')::date, user_id, 'share', 0, count(*) FROM new_rows GROUP BY 1, 2, 3
      ON CONFLICT (org_id, day, user_id, type, slot) DO UPDATE SET n = rep_activity_days.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relay_rep_share_days_moved() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE rep_activity_days d SET n = d.n - x.n
    FROM (SELECT o.org_id, (o.shared_at AT TIME ZONE 'UTC')::date AS day, o.user_id, count(*) AS n
          FROM old_rows o JOIN new_rows w ON w.org_id = o.org_id AND w.id = o.id
          WHERE w.user_id IS DISTINCT FROM o.user_id OR (w.shared_at AT TIME ZONE 'UTC')::date <> (o.shared_at AT TIME ZONE 'UTC')::date
          GROUP BY 1, 2, 3) x
    WHERE d.org_id = x.org_id AND d.day = x.day AND d.user_id = x.user_id AND d.type = 'share' AND d.slot = 0;
  INSERT INTO rep_activity_days (org_id, day, user_id, type, slot, n)
    SELECT w.org_id, (w.shared_at AT TIME ZONE 'UTC')::date, w.user_id, 'share', 0, count(*)
    FROM new_rows w JOIN old_rows o ON o.org_id = w.org_id AND o.id = w.id
    WHERE w.user_id IS DISTINCT FROM o.user_id OR (w.shared_at AT TIME ZONE 'UTC')::date <> (o.shared_at AT TIME ZONE 'UTC')::date
    GROUP BY 1, 2, 3
    ON CONFLICT (org_id, day, user_id, type, slot) DO UPDATE SET n = rep_activity_days.n + EXCLUDED.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An activity's touch on its contact's MQLs (0005) read each new row through to_jsonb to serve activities and shares
-- with one function: most of the database's time for logging one activity. Activities get their own, reading
-- occurred_at directly; what it writes is the same. Shares keep relay_mql_outcomes_touch().
CREATE FUNCTION relay_mql_outcomes_activity_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE mql_outcomes o SET first_touch_at = LEAST(o.first_touch_at, x.t)
  FROM (
    SELECT o2.org_id, o2.contact_id, o2.mql_at, min(n.occurred_at) AS t
    FROM new_rows n JOIN mql_outcomes o2 ON o2.org_id = n.org_id AND o2.contact_id = n.contact_id AND n.occurred_at >= o2.mql_at
    GROUP BY 1, 2, 3) x
  WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND o.mql_at = x.mql_at AND (o.first_touch_at IS NULL OR x.t < o.first_touch_at);
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER activities_mql_outcomes ON activities;
--> statement-breakpoint
CREATE TRIGGER activities_mql_outcomes AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_activity_touch();

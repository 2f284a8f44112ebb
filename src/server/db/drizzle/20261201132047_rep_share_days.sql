-- Rep activity counts the assets each rep shared per day beside their calls and emails. Shares are kept in the
-- same daily rollup as activities (rep_activity_days, migration 0006), under the type 'share', current on write,
-- so the report without a contact or asset filter reads a few rows per rep and day instead of every share of
-- the period. Decrements update existing rows only (as 0006 does), so a share deleted after its org's rollup
-- rows were cleared leaves nothing behind.
CREATE FUNCTION relay_rep_share_days() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE rep_activity_days d SET n = d.n - x.n
      FROM (SELECT org_id, (shared_at AT TIME ZONE 'UTC')::date AS day, user_id, count(*) AS n FROM old_rows GROUP BY 1, 2, 3) x
      WHERE d.org_id = x.org_id AND d.day = x.day AND d.user_id = x.user_id AND d.type = 'share';
  ELSE
    INSERT INTO rep_activity_days (org_id, day, user_id, type, n)
      SELECT org_id, (shared_at AT TIME ZONE 'UTC')::date, user_id, 'share', count(*) FROM new_rows GROUP BY 1, 2, 3
      ON CONFLICT (org_id, day, user_id, type) DO UPDATE SET n = rep_activity_days.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER asset_shares_rep_days_ins AFTER INSERT ON asset_shares REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_rep_share_days();
--> statement-breakpoint
CREATE TRIGGER asset_shares_rep_days_del AFTER DELETE ON asset_shares REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_rep_share_days();
--> statement-breakpoint
-- An update moves a share only when it changes its rep or its day; the stage columns the history triggers
-- rewrite (0008, 0013) change neither, and such rows are left out before anything is written.
CREATE FUNCTION relay_rep_share_days_moved() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE rep_activity_days d SET n = d.n - x.n
    FROM (SELECT o.org_id, (o.shared_at AT TIME ZONE 'UTC')::date AS day, o.user_id, count(*) AS n
          FROM old_rows o JOIN new_rows w ON w.org_id = o.org_id AND w.id = o.id
          WHERE w.user_id IS DISTINCT FROM o.user_id OR (w.shared_at AT TIME ZONE 'UTC')::date <> (o.shared_at AT TIME ZONE 'UTC')::date
          GROUP BY 1, 2, 3) x
    WHERE d.org_id = x.org_id AND d.day = x.day AND d.user_id = x.user_id AND d.type = 'share';
  INSERT INTO rep_activity_days (org_id, day, user_id, type, n)
    SELECT w.org_id, (w.shared_at AT TIME ZONE 'UTC')::date, w.user_id, 'share', count(*)
    FROM new_rows w JOIN old_rows o ON o.org_id = w.org_id AND o.id = w.id
    WHERE w.user_id IS DISTINCT FROM o.user_id OR (w.shared_at AT TIME ZONE 'UTC')::date <> (o.shared_at AT TIME ZONE 'UTC')::date
    GROUP BY 1, 2, 3
    ON CONFLICT (org_id, day, user_id, type) DO UPDATE SET n = rep_activity_days.n + EXCLUDED.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER asset_shares_rep_days_upd AFTER UPDATE ON asset_shares REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_rep_share_days_moved();
--> statement-breakpoint
INSERT INTO rep_activity_days (org_id, day, user_id, type, n)
  SELECT org_id, (shared_at AT TIME ZONE 'UTC')::date, user_id, 'share', count(*) FROM asset_shares GROUP BY 1, 2, 3
  ON CONFLICT (org_id, day, user_id, type) DO UPDATE SET n = EXCLUDED.n;
--> statement-breakpoint
ANALYZE rep_activity_days;

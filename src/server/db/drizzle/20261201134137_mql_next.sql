ALTER TABLE "mql_outcomes" ADD COLUMN "next_mql_at" timestamp with time zone;--> statement-breakpoint
-- Calibration counts each contact once per period, at its latest crossing in it. With each crossing knowing the
-- contact's next one, that is the crossing whose next one is outside the period: a filter on the period's rows
-- instead of sorting them all by contact (140,000 rows at 1,000,000 contacts). Kept current as crossings come and go.
CREATE FUNCTION relay_mql_outcomes_next() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE mql_outcomes o SET next_mql_at = x.next_mql_at
  FROM (
    SELECT o2.org_id, o2.contact_id, o2.mql_at, lead(o2.mql_at) OVER (PARTITION BY o2.org_id, o2.contact_id ORDER BY o2.mql_at) AS next_mql_at
    FROM mql_outcomes o2 JOIN (SELECT DISTINCT org_id, contact_id FROM changed_rows) k ON o2.org_id = k.org_id AND o2.contact_id = k.contact_id) x
  WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND o.mql_at = x.mql_at AND o.next_mql_at IS DISTINCT FROM x.next_mql_at;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER mql_outcomes_next_ins AFTER INSERT ON mql_outcomes REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_next();
--> statement-breakpoint
CREATE TRIGGER mql_outcomes_next_del AFTER DELETE ON mql_outcomes REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_next();
--> statement-breakpoint
UPDATE mql_outcomes o SET next_mql_at = x.next_mql_at
FROM (SELECT org_id, contact_id, mql_at, lead(mql_at) OVER (PARTITION BY org_id, contact_id ORDER BY mql_at) AS next_mql_at FROM mql_outcomes) x
WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND o.mql_at = x.mql_at AND x.next_mql_at IS NOT NULL;

import type { Migration } from "./migration"

export default {
  id: "0006_rep_activity_days",
  sql: `
-- Activities per rep, type and UTC day, kept current on write: rep activity over a million activities reads a
-- few thousand rows instead (the raw table still answers when a contact filter is asked for).
CREATE TABLE rep_activity_days (
  org_id uuid NOT NULL,
  day date NOT NULL,
  user_id uuid NOT NULL,
  type text NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (org_id, day, user_id, type)
);
CREATE FUNCTION relay_rep_activity_days() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rep_activity_days (org_id, day, user_id, type, n)
      SELECT org_id, (occurred_at AT TIME ZONE 'UTC')::date, user_id, type, count(*) FROM new_rows GROUP BY 1, 2, 3, 4
      ON CONFLICT (org_id, day, user_id, type) DO UPDATE SET n = rep_activity_days.n + EXCLUDED.n
  ; ELSE
    UPDATE rep_activity_days d SET n = d.n - x.n
      FROM (SELECT org_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, user_id, type, count(*) AS n FROM old_rows GROUP BY 1, 2, 3, 4) x
      WHERE d.org_id = x.org_id AND d.day = x.day AND d.user_id = x.user_id AND d.type = x.type
  ; END IF
  ; RETURN NULL
; END $$;
CREATE TRIGGER activities_rep_days_ins AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_rep_activity_days();
CREATE TRIGGER activities_rep_days_del AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_rep_activity_days();
INSERT INTO rep_activity_days (org_id, day, user_id, type, n)
  SELECT org_id, (occurred_at AT TIME ZONE 'UTC')::date, user_id, type, count(*) FROM activities GROUP BY 1, 2, 3, 4;
ANALYZE rep_activity_days
`,
} satisfies Migration

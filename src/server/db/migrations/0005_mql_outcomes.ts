import type { Migration } from "./migration"

export default {
  id: "0005_mql_outcomes",
  sql: `
-- What became of each MQL, kept current on write: one row per time a contact became an MQL, with its score at
-- the crossing, its first touch (a rep's activity, share or handoff decision at or after it), the first handoff
-- decision after it, and when it first reached sql-or-later, customer and recycled afterwards. The handoff,
-- calibration and threshold reports read these rows for a period instead of probing four tables per MQL.
--
-- Statement-level triggers with transition tables keep it current in sets, so a bulk seed or import pays one
-- grouped UPDATE per statement rather than one per row. Inside function bodies no line ends in a semicolon:
-- the migration runner splits statements there (src/server/db/migrate.ts).
CREATE TABLE mql_outcomes (
  org_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  mql_at timestamptz NOT NULL,
  score int,
  first_touch_at timestamptz,
  decision text,
  reason text,
  decided_at timestamptz,
  sql_at timestamptz,
  customer_at timestamptz,
  recycled_at timestamptz,
  PRIMARY KEY (org_id, contact_id, mql_at)
);
CREATE INDEX mql_outcomes_at ON mql_outcomes (org_id, mql_at) INCLUDE (contact_id, score, first_touch_at, decision, decided_at, sql_at);

-- A new MQL row starts from everything already recorded after it (rows may arrive out of order, as in a seed).
CREATE FUNCTION relay_mql_outcomes_fill(org uuid, contacts uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE mql_outcomes o SET
    first_touch_at = LEAST(
      (SELECT min(x.occurred_at) FROM activities x WHERE x.org_id = o.org_id AND x.contact_id = o.contact_id AND x.occurred_at >= o.mql_at),
      (SELECT min(s.shared_at) FROM asset_shares s WHERE s.org_id = o.org_id AND s.contact_id = o.contact_id AND s.shared_at >= o.mql_at),
      d.created_at),
    decision = d.decision, reason = d.reason, decided_at = d.created_at,
    sql_at = (SELECT min(q.at) FROM stage_changes q WHERE q.org_id = o.org_id AND q.contact_id = o.contact_id AND q.at > o.mql_at AND q.to_stage IN ('sql', 'opportunity', 'customer')),
    customer_at = (SELECT min(q.at) FROM stage_changes q WHERE q.org_id = o.org_id AND q.contact_id = o.contact_id AND q.at > o.mql_at AND q.to_stage = 'customer'),
    recycled_at = (SELECT min(q.at) FROM stage_changes q WHERE q.org_id = o.org_id AND q.contact_id = o.contact_id AND q.at > o.mql_at AND q.to_stage = 'recycled')
  FROM mql_outcomes o2 LEFT JOIN LATERAL (
    SELECT h.decision, h.reason, h.created_at FROM handoffs h
    WHERE h.org_id = o2.org_id AND h.contact_id = o2.contact_id AND h.created_at >= o2.mql_at ORDER BY h.created_at LIMIT 1) d ON TRUE
  WHERE o2.org_id = org AND o2.contact_id = ANY(contacts) AND o.org_id = o2.org_id AND o.contact_id = o2.contact_id AND o.mql_at = o2.mql_at
$$;

CREATE FUNCTION relay_mql_outcomes_stage() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record
; BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM mql_outcomes o USING old_rows d WHERE d.to_stage = 'mql' AND o.org_id = d.org_id AND o.contact_id = d.contact_id AND o.mql_at = d.at
    ; RETURN NULL
  ; END IF
  ; FOR r IN SELECT n.org_id, array_agg(DISTINCT n.contact_id) AS contacts FROM new_rows n WHERE n.to_stage = 'mql' GROUP BY n.org_id LOOP
    INSERT INTO mql_outcomes (org_id, contact_id, mql_at, score)
      SELECT n.org_id, n.contact_id, n.at, n.score FROM new_rows n WHERE n.org_id = r.org_id AND n.to_stage = 'mql'
      ON CONFLICT (org_id, contact_id, mql_at) DO UPDATE SET score = coalesce(EXCLUDED.score, mql_outcomes.score)
    ; PERFORM relay_mql_outcomes_fill(r.org_id, r.contacts)
  ; END LOOP
  ; UPDATE mql_outcomes o SET
      sql_at = LEAST(o.sql_at, x.sql_at), customer_at = LEAST(o.customer_at, x.customer_at), recycled_at = LEAST(o.recycled_at, x.recycled_at)
    FROM (
      SELECT o2.org_id, o2.contact_id, o2.mql_at,
        min(n.at) FILTER (WHERE n.to_stage IN ('sql', 'opportunity', 'customer')) AS sql_at,
        min(n.at) FILTER (WHERE n.to_stage = 'customer') AS customer_at,
        min(n.at) FILTER (WHERE n.to_stage = 'recycled') AS recycled_at
      FROM new_rows n JOIN mql_outcomes o2 ON o2.org_id = n.org_id AND o2.contact_id = n.contact_id AND n.at > o2.mql_at
      WHERE n.to_stage IN ('sql', 'opportunity', 'customer', 'recycled')
      GROUP BY 1, 2, 3) x
    WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND o.mql_at = x.mql_at
  ; RETURN NULL
; END $$;
CREATE TRIGGER stage_changes_mql_outcomes_ins AFTER INSERT ON stage_changes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_stage();
CREATE TRIGGER stage_changes_mql_outcomes_del AFTER DELETE ON stage_changes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_stage();

-- A touch (activity or share) at t is the first touch of every MQL of that contact at or before t, unless an earlier one is known.
CREATE FUNCTION relay_mql_outcomes_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE mql_outcomes o SET first_touch_at = LEAST(o.first_touch_at, x.t)
  FROM (
    SELECT o2.org_id, o2.contact_id, o2.mql_at, min(n.t) AS t
    FROM (SELECT org_id, contact_id, CASE TG_TABLE_NAME WHEN 'activities' THEN (to_jsonb(r) ->> 'occurred_at') ELSE (to_jsonb(r) ->> 'shared_at') END::timestamptz AS t
          FROM new_rows r) n
    JOIN mql_outcomes o2 ON o2.org_id = n.org_id AND o2.contact_id = n.contact_id AND n.t >= o2.mql_at
    GROUP BY 1, 2, 3) x
  WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND o.mql_at = x.mql_at AND (o.first_touch_at IS NULL OR x.t < o.first_touch_at)
  ; RETURN NULL
; END $$;
CREATE TRIGGER activities_mql_outcomes AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_touch();
CREATE TRIGGER asset_shares_mql_outcomes AFTER INSERT ON asset_shares REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_touch();

-- A decision is a touch, and the first decision after an MQL is its outcome.
CREATE FUNCTION relay_mql_outcomes_decision() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE mql_outcomes o SET first_touch_at = LEAST(o.first_touch_at, x.created_at),
    decision = CASE WHEN o.decided_at IS NULL OR x.created_at < o.decided_at THEN x.decision ELSE o.decision END,
    reason = CASE WHEN o.decided_at IS NULL OR x.created_at < o.decided_at THEN x.reason ELSE o.reason END,
    decided_at = LEAST(o.decided_at, x.created_at)
  FROM (
    SELECT DISTINCT ON (o2.org_id, o2.contact_id, o2.mql_at) o2.org_id, o2.contact_id, o2.mql_at, n.decision, n.reason, n.created_at
    FROM new_rows n JOIN mql_outcomes o2 ON o2.org_id = n.org_id AND o2.contact_id = n.contact_id AND n.created_at >= o2.mql_at
    ORDER BY o2.org_id, o2.contact_id, o2.mql_at, n.created_at) x
  WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND o.mql_at = x.mql_at
  ; RETURN NULL
; END $$;
CREATE TRIGGER handoffs_mql_outcomes AFTER INSERT ON handoffs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_decision();

-- Existing history.
INSERT INTO mql_outcomes (org_id, contact_id, mql_at, score)
  SELECT org_id, contact_id, at, max(score) FROM stage_changes WHERE to_stage = 'mql' GROUP BY org_id, contact_id, at;
SELECT relay_mql_outcomes_fill(org_id, array_agg(DISTINCT contact_id)) FROM mql_outcomes GROUP BY org_id;
ANALYZE mql_outcomes
`,
} satisfies Migration

import type { Migration } from "./migration"

export default {
  id: "0013_stage_advances",
  sql: `
-- Content influence asks, for each contact in a stage from some moment, when it first advanced past that stage
-- afterwards. Probing each contact's history per report row took seconds at 1,000,000 contacts, so the answer is
-- kept on write: on every stage change (when it first moved past the stage it entered, and past the stage it
-- left) and on every share (past the stage the contact was in when it was shared, 0008's history_stage).
-- The first advance after a moment t only moves later as t moves later: the earliest of a group's anchors has
-- the earliest advance, which lets the report take min() of both. Each change also keeps when the contact's
-- previous change was (prev_at), so "the first change after the period began" is a range read, not a sort.
CREATE FUNCTION relay_later_stages(stage text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE stage WHEN 'mql' THEN ARRAY['sql', 'opportunity', 'customer'] WHEN 'sql' THEN ARRAY['opportunity', 'customer']
    WHEN 'opportunity' THEN ARRAY['customer'] END
$$;

-- The first change of a contact's history after p_at (or at it, when inclusive) to a stage later than p_stage.
CREATE FUNCTION relay_stage_advance(p_org uuid, p_contact uuid, p_at timestamptz, p_stage text, p_inclusive boolean) RETURNS timestamptz
  LANGUAGE sql STABLE AS $$
  SELECT min(q.at) FROM stage_changes q
  WHERE q.org_id = p_org AND q.contact_id = p_contact AND (q.at > p_at OR (p_inclusive AND q.at = p_at))
    AND q.to_stage = ANY(relay_later_stages(p_stage))
$$;

ALTER TABLE stage_changes ADD COLUMN advanced_at timestamptz, ADD COLUMN from_advanced_at timestamptz, ADD COLUMN prev_at timestamptz;
ALTER TABLE asset_shares ADD COLUMN advanced_at timestamptz;

-- A change's own columns: every change of the given contacts is recomputed (a contact has a handful), in one
-- set-based statement. The correlated reads are written out rather than calling relay_stage_advance: a backfill of
-- every change pays a function call per row otherwise.
CREATE FUNCTION relay_stage_changes_refresh(p_org uuid, p_contacts uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE stage_changes sc SET advanced_at = v.advanced_at, from_advanced_at = v.from_advanced_at, prev_at = v.prev_at
  FROM (
    SELECT s.org_id, s.id,
      (SELECT min(q.at) FROM stage_changes q WHERE q.org_id = s.org_id AND q.contact_id = s.contact_id AND q.at > s.at
        AND q.to_stage = ANY(relay_later_stages(s.to_stage))) AS advanced_at,
      (SELECT min(q.at) FROM stage_changes q WHERE q.org_id = s.org_id AND q.contact_id = s.contact_id AND q.at >= s.at
        AND q.to_stage = ANY(relay_later_stages(s.from_stage))) AS from_advanced_at,
      (SELECT q.at FROM stage_changes q WHERE q.org_id = s.org_id AND q.contact_id = s.contact_id AND (q.at, q.id) < (s.at, s.id)
        ORDER BY q.at DESC, q.id DESC LIMIT 1) AS prev_at
    -- Joined with the list, not "= ANY(list)": a long list would be searched once per change.
    FROM stage_changes s JOIN unnest(p_contacts) AS k(contact_id) ON s.org_id = p_org AND s.contact_id = k.contact_id) v
  WHERE sc.org_id = v.org_id AND sc.id = v.id
    AND (sc.advanced_at IS DISTINCT FROM v.advanced_at OR sc.from_advanced_at IS DISTINCT FROM v.from_advanced_at OR sc.prev_at IS DISTINCT FROM v.prev_at)
$$;
CREATE FUNCTION relay_stage_changes_advances() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  PERFORM relay_stage_changes_refresh(x.org_id, x.contacts)
    FROM (SELECT org_id, array_agg(DISTINCT contact_id) AS contacts FROM changed_rows GROUP BY org_id) x
  ; RETURN NULL
; END $$;
CREATE TRIGGER stage_changes_advances_ins AFTER INSERT ON stage_changes REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_stage_changes_advances();
CREATE TRIGGER stage_changes_advances_del AFTER DELETE ON stage_changes REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_stage_changes_advances();

-- A share's stage and advance, when it is written (replaces 0008's function) ...
CREATE OR REPLACE FUNCTION relay_share_stage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  NEW.history_stage = relay_stage_at(NEW.org_id, NEW.contact_id, NEW.shared_at)
  ; NEW.advanced_at = relay_stage_advance(NEW.org_id, NEW.contact_id, NEW.shared_at, NEW.history_stage, false)
  ; RETURN NEW
; END $$;

-- ... and when its contact's history changes (replaces 0008's function, same triggers). The update above of a
-- change's own columns is not a change of history: skipped when it comes from a trigger (the app never updates
-- history itself).
CREATE OR REPLACE FUNCTION relay_share_stages() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE k_org uuid[]
; k_contact uuid[]
; BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN RETURN NULL
  ; ELSIF TG_OP = 'INSERT' THEN SELECT array_agg(org_id), array_agg(contact_id) INTO k_org, k_contact FROM (SELECT DISTINCT org_id, contact_id FROM new_rows) x
  ; ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(org_id), array_agg(contact_id) INTO k_org, k_contact FROM (SELECT DISTINCT org_id, contact_id FROM old_rows) x
  ; ELSE SELECT array_agg(org_id), array_agg(contact_id) INTO k_org, k_contact
    FROM (SELECT org_id, contact_id FROM old_rows UNION SELECT org_id, contact_id FROM new_rows) x
  ; END IF
  ; UPDATE asset_shares s SET history_stage = v.stage, advanced_at = v.advanced_at
  FROM (
    SELECT s2.org_id, s2.id, st.stage, relay_stage_advance(s2.org_id, s2.contact_id, s2.shared_at, st.stage, false) AS advanced_at
    FROM asset_shares s2
    JOIN unnest(k_org, k_contact) AS x(org_id, contact_id) ON s2.org_id = x.org_id AND s2.contact_id = x.contact_id,
    LATERAL (SELECT relay_stage_at(s2.org_id, s2.contact_id, s2.shared_at) AS stage) st) v
  WHERE s.org_id = v.org_id AND s.id = v.id
    AND (s.history_stage IS DISTINCT FROM v.stage OR s.advanced_at IS DISTINCT FROM v.advanced_at)
  ; RETURN NULL
; END $$;

-- What is already recorded: every change's columns, then every share's advance (0008's update trigger would
-- recompute every share's stage as well, for nothing: the history itself does not change here).
ALTER TABLE stage_changes DISABLE TRIGGER stage_changes_share_stages_upd;
SELECT relay_stage_changes_refresh(org_id, array_agg(DISTINCT contact_id)) FROM stage_changes GROUP BY org_id;
ALTER TABLE stage_changes ENABLE TRIGGER stage_changes_share_stages_upd;
UPDATE asset_shares s SET advanced_at = relay_stage_advance(s.org_id, s.contact_id, s.shared_at, s.history_stage, false)
  WHERE s.history_stage IN ('mql', 'sql', 'opportunity');
-- Influence's comparison group: the period's changes with their advances, from the index alone.
CREATE INDEX stage_changes_at ON stage_changes (org_id, at) INCLUDE (contact_id, from_stage, to_stage, advanced_at, from_advanced_at, prev_at);
DROP INDEX asset_shares_at_stage;
CREATE INDEX asset_shares_at_stage ON asset_shares (org_id, shared_at) INCLUDE (asset_id, user_id, contact_id, history_stage, advanced_at);
-- The threshold preview's contacts that could stand at T now. A score never exceeds its fit plus its stored
-- engagement when that is positive (engagement only decays), nor its fit when it is negative: 0009's bound,
-- fit + engagement, missed a contact whose negative engagement (an unsubscribe) hides a fit of T or more.
CREATE INDEX contacts_score_ceiling ON contacts (org_id, (fit_score + GREATEST(engagement_value, 0)))
  INCLUDE (id, owner_id, stage, fit_score, engagement_value, engagement_at);
DROP INDEX contacts_waiting_score;
ANALYZE contacts;
ANALYZE stage_changes;
ANALYZE asset_shares
`,
} satisfies Migration

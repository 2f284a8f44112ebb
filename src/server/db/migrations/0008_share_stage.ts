import type { Migration } from "./migration"

export default {
  id: "0008_share_stage",
  sql: `
-- Content influence needs each share's contact stage at the moment of the share: the stage its history had then
-- (the last change at or before it, else the stage the first later change left). Kept on the share, current on
-- write: computed when a share is written and recomputed for a contact's shares when its history changes (history
-- may arrive after the shares, as in a seed or an import). NULL when the contact has no history at all: then the
-- report reads the contact's current stage.
ALTER TABLE asset_shares ADD COLUMN history_stage text;

CREATE FUNCTION relay_stage_at(p_org uuid, p_contact uuid, p_at timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT sc.to_stage FROM stage_changes sc WHERE sc.org_id = p_org AND sc.contact_id = p_contact AND sc.at <= p_at ORDER BY sc.at DESC, sc.id DESC LIMIT 1),
    (SELECT sc.from_stage FROM stage_changes sc WHERE sc.org_id = p_org AND sc.contact_id = p_contact AND sc.at > p_at ORDER BY sc.at, sc.id LIMIT 1))
$$;

CREATE FUNCTION relay_share_stage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  NEW.history_stage = relay_stage_at(NEW.org_id, NEW.contact_id, NEW.shared_at)
  ; RETURN NEW
; END $$;
CREATE TRIGGER asset_shares_stage BEFORE INSERT OR UPDATE OF contact_id, shared_at ON asset_shares FOR EACH ROW EXECUTE FUNCTION relay_share_stage();

CREATE FUNCTION relay_share_stages() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE asset_shares s SET history_stage = relay_stage_at(s.org_id, s.contact_id, s.shared_at)
    FROM (SELECT DISTINCT org_id, contact_id FROM old_rows) x
    WHERE s.org_id = x.org_id AND s.contact_id = x.contact_id
      AND s.history_stage IS DISTINCT FROM relay_stage_at(s.org_id, s.contact_id, s.shared_at)
  ; ELSIF TG_OP = 'UPDATE' THEN
    UPDATE asset_shares s SET history_stage = relay_stage_at(s.org_id, s.contact_id, s.shared_at)
    FROM (SELECT org_id, contact_id FROM old_rows UNION SELECT org_id, contact_id FROM new_rows) x
    WHERE s.org_id = x.org_id AND s.contact_id = x.contact_id
      AND s.history_stage IS DISTINCT FROM relay_stage_at(s.org_id, s.contact_id, s.shared_at)
  ; ELSE
    UPDATE asset_shares s SET history_stage = relay_stage_at(s.org_id, s.contact_id, s.shared_at)
    FROM (SELECT DISTINCT org_id, contact_id FROM new_rows) x
    WHERE s.org_id = x.org_id AND s.contact_id = x.contact_id
      AND s.history_stage IS DISTINCT FROM relay_stage_at(s.org_id, s.contact_id, s.shared_at)
  ; END IF
  ; RETURN NULL
; END $$;
CREATE TRIGGER stage_changes_share_stages_ins AFTER INSERT ON stage_changes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_share_stages();
CREATE TRIGGER stage_changes_share_stages_upd AFTER UPDATE ON stage_changes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_share_stages();
CREATE TRIGGER stage_changes_share_stages_del AFTER DELETE ON stage_changes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_share_stages();

UPDATE asset_shares SET history_stage = relay_stage_at(org_id, contact_id, shared_at);
ANALYZE asset_shares
`,
} satisfies Migration

import type { Migration } from "./migration"

export default {
  id: "0007_mql_outcomes_context",
  sql: `
-- What the handoff and calibration reports need of an MQL's contact, kept on its mql_outcomes rows so a period's
-- MQLs are read without probing a million contacts: the owner (the rep), first-touch campaign and source, the
-- current stage, and the firmographics the fit rules read. stage is never NULL on a contact, so a NULL stage
-- here means the contact is not (or no longer) there, as the inner join to contacts used to say.
-- points: the engagement points per event type (after daily caps, before decay) earned up to the UTC day of the
-- crossing, from score_buckets, kept current as buckets are written, so calibration's rule contributions read
-- one row per MQL instead of every bucket of every lead.
ALTER TABLE mql_outcomes ADD COLUMN owner_id uuid, ADD COLUMN campaign text, ADD COLUMN source text, ADD COLUMN stage text,
  ADD COLUMN industry text, ADD COLUMN title text, ADD COLUMN company_size int, ADD COLUMN points jsonb NOT NULL DEFAULT '{}';

CREATE FUNCTION relay_mql_points(p_org uuid, p_contact uuid, p_at timestamptz) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_object_agg(x.type, x.points), '{}') FROM (
    SELECT b.type, sum(b.points) AS points FROM score_buckets b
    WHERE b.org_id = p_org AND b.contact_id = p_contact AND b.day <= (p_at AT TIME ZONE 'UTC')::date GROUP BY b.type) x
$$;

-- A new MQL row starts with its contact as it is now and the points earned so far.
CREATE FUNCTION relay_mql_outcomes_new() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  SELECT c.owner_id, c.campaign, c.source, c.stage, c.industry, c.title, c.company_size
    INTO NEW.owner_id, NEW.campaign, NEW.source, NEW.stage, NEW.industry, NEW.title, NEW.company_size
    FROM contacts c WHERE c.org_id = NEW.org_id AND c.id = NEW.contact_id
  ; NEW.points = relay_mql_points(NEW.org_id, NEW.contact_id, NEW.mql_at)
  ; RETURN NEW
; END $$;
CREATE TRIGGER mql_outcomes_new BEFORE INSERT ON mql_outcomes FOR EACH ROW EXECUTE FUNCTION relay_mql_outcomes_new();

-- Only a change to a copied column runs this (score updates, the most frequent write to contacts, do not).
CREATE FUNCTION relay_mql_outcomes_contact() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE mql_outcomes o SET owner_id = NEW.owner_id, campaign = NEW.campaign, source = NEW.source, stage = NEW.stage,
    industry = NEW.industry, title = NEW.title, company_size = NEW.company_size
  WHERE o.org_id = NEW.org_id AND o.contact_id = NEW.id
  ; RETURN NULL
; END $$;
CREATE TRIGGER contacts_mql_outcomes_upd AFTER UPDATE OF owner_id, campaign, source, stage, industry, title, company_size ON contacts FOR EACH ROW
  WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.campaign IS DISTINCT FROM NEW.campaign OR OLD.source IS DISTINCT FROM NEW.source
    OR OLD.stage IS DISTINCT FROM NEW.stage OR OLD.industry IS DISTINCT FROM NEW.industry OR OLD.title IS DISTINCT FROM NEW.title
    OR OLD.company_size IS DISTINCT FROM NEW.company_size)
  EXECUTE FUNCTION relay_mql_outcomes_contact();

-- Stage history may arrive before its contact (a seed, an import); a contact that goes takes its MQLs off the reports.
CREATE FUNCTION relay_mql_outcomes_contacts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE mql_outcomes o SET owner_id = NULL, campaign = NULL, source = NULL, stage = NULL, industry = NULL, title = NULL, company_size = NULL
    FROM old_rows d WHERE o.org_id = d.org_id AND o.contact_id = d.id
  ; ELSE
    UPDATE mql_outcomes o SET owner_id = n.owner_id, campaign = n.campaign, source = n.source, stage = n.stage,
      industry = n.industry, title = n.title, company_size = n.company_size
    FROM new_rows n WHERE o.org_id = n.org_id AND o.contact_id = n.id
  ; END IF
  ; RETURN NULL
; END $$;
CREATE TRIGGER contacts_mql_outcomes_ins AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_contacts();
CREATE TRIGGER contacts_mql_outcomes_del AFTER DELETE ON contacts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_contacts();

-- Buckets written on or before an MQL's day change what it had earned at the crossing: recount those MQLs.
CREATE FUNCTION relay_mql_outcomes_points() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE mql_outcomes o SET points = relay_mql_points(o.org_id, o.contact_id, o.mql_at)
    FROM (SELECT org_id, contact_id, min(day) AS day FROM old_rows GROUP BY 1, 2) x
    WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND (o.mql_at AT TIME ZONE 'UTC')::date >= x.day
  ; ELSIF TG_OP = 'UPDATE' THEN
    UPDATE mql_outcomes o SET points = relay_mql_points(o.org_id, o.contact_id, o.mql_at)
    FROM (SELECT org_id, contact_id, min(day) AS day FROM (SELECT org_id, contact_id, day FROM old_rows UNION ALL SELECT org_id, contact_id, day FROM new_rows) u GROUP BY 1, 2) x
    WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND (o.mql_at AT TIME ZONE 'UTC')::date >= x.day
  ; ELSE
    UPDATE mql_outcomes o SET points = relay_mql_points(o.org_id, o.contact_id, o.mql_at)
    FROM (SELECT org_id, contact_id, min(day) AS day FROM new_rows GROUP BY 1, 2) x
    WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND (o.mql_at AT TIME ZONE 'UTC')::date >= x.day
  ; END IF
  ; RETURN NULL
; END $$;
CREATE TRIGGER score_buckets_mql_outcomes_ins AFTER INSERT ON score_buckets REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_points();
CREATE TRIGGER score_buckets_mql_outcomes_upd AFTER UPDATE ON score_buckets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_points();
CREATE TRIGGER score_buckets_mql_outcomes_del AFTER DELETE ON score_buckets REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_points();

-- Existing rows, in one pass.
UPDATE mql_outcomes o SET owner_id = c.owner_id, campaign = c.campaign, source = c.source, stage = c.stage,
    industry = c.industry, title = c.title, company_size = c.company_size, points = relay_mql_points(o.org_id, o.contact_id, o.mql_at)
  FROM contacts c WHERE c.org_id = o.org_id AND c.id = o.contact_id;
ANALYZE mql_outcomes
`,
} satisfies Migration

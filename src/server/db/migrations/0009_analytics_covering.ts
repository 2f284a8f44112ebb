import type { Migration } from "./migration"

export default {
  id: "0009_analytics_covering",
  sql: `
-- Covering indexes, so the reports that must read many contacts or MQLs read index pages only.
-- The threshold preview's contacts that could stand at T now: only promotable stages, with what scores them.
CREATE INDEX contacts_waiting_score ON contacts (org_id, (fit_score + engagement_value)) INCLUDE (id, owner_id, fit_score, engagement_value, engagement_at)
  WHERE stage IN ('subscriber', 'lead', 'recycled');
-- Calibration's leads created in a period, at their current score, with the filters' columns (replaces 0004's).
CREATE INDEX contacts_created_score ON contacts (org_id, created_at) INCLUDE (id, owner_id, stage, campaign, source, fit_score, engagement_value, engagement_at);
DROP INDEX contacts_created;
-- Influence's comparison contacts in a stage since before the period.
CREATE INDEX contacts_stage_since ON contacts (org_id, stage, stage_changed_at) INCLUDE (id, owner_id);
-- Influence's shares of a period with the stage at share time (0008), read from the index alone.
CREATE INDEX asset_shares_at_stage ON asset_shares (org_id, shared_at) INCLUDE (asset_id, user_id, contact_id, history_stage);
-- Every decided MQL at or above a threshold (the preview's acceptance history).
CREATE INDEX mql_outcomes_decided ON mql_outcomes (org_id, score) INCLUDE (decision, owner_id, contact_id) WHERE decision IN ('accept', 'reject');
-- Each MQL's contact's lead-quality ratings (sum and count of every rating of the contact), kept current on write,
-- so the handoff report's rating per campaign and source reads no lead_feedback.
ALTER TABLE mql_outcomes ADD COLUMN rating_sum int NOT NULL DEFAULT 0, ADD COLUMN ratings int NOT NULL DEFAULT 0;
CREATE FUNCTION relay_mql_outcomes_ratings() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE mql_outcomes o SET rating_sum = x.s, ratings = x.n
  FROM (
    SELECT k.org_id, k.contact_id, coalesce(sum(lf.rating), 0) AS s, count(lf.rating) AS n
    FROM (SELECT DISTINCT org_id, contact_id FROM changed_rows) k
    LEFT JOIN lead_feedback lf ON lf.org_id = k.org_id AND lf.contact_id = k.contact_id
    GROUP BY 1, 2) x
  WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND (o.rating_sum <> x.s OR o.ratings <> x.n)
  ; RETURN NULL
; END $$;
CREATE TRIGGER lead_feedback_mql_outcomes_ins AFTER INSERT ON lead_feedback REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_ratings();
CREATE TRIGGER lead_feedback_mql_outcomes_upd_old AFTER UPDATE ON lead_feedback REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_ratings();
CREATE TRIGGER lead_feedback_mql_outcomes_upd_new AFTER UPDATE ON lead_feedback REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_ratings();
CREATE TRIGGER lead_feedback_mql_outcomes_del AFTER DELETE ON lead_feedback REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_ratings();
-- A new MQL row also starts with its contact's ratings so far.
CREATE OR REPLACE FUNCTION relay_mql_outcomes_new() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  SELECT c.owner_id, c.campaign, c.source, c.stage, c.industry, c.title, c.company_size
    INTO NEW.owner_id, NEW.campaign, NEW.source, NEW.stage, NEW.industry, NEW.title, NEW.company_size
    FROM contacts c WHERE c.org_id = NEW.org_id AND c.id = NEW.contact_id
  ; NEW.points = relay_mql_points(NEW.org_id, NEW.contact_id, NEW.mql_at)
  ; SELECT coalesce(sum(lf.rating), 0), count(*) INTO NEW.rating_sum, NEW.ratings
    FROM lead_feedback lf WHERE lf.org_id = NEW.org_id AND lf.contact_id = NEW.contact_id
  ; RETURN NEW
; END $$;
UPDATE mql_outcomes o SET rating_sum = x.s, ratings = x.n
  FROM (SELECT org_id, contact_id, sum(rating) AS s, count(*) AS n FROM lead_feedback GROUP BY 1, 2) x
  WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id;
-- The reports read a period's MQLs: keep them together on disk (new ones arrive in time order and stay so), which
-- also drops the dead versions the backfills left (each row was written three times).
CLUSTER mql_outcomes USING mql_outcomes_at;
ANALYZE mql_outcomes
`,
} satisfies Migration

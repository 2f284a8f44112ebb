-- Each contact's score moves to contact_scores (see the table in src/server/db/schema/contacts.ts): an ingest batch
-- rewrote ~350 contacts' whole rows, with all nine of their indexes, for three numbers. One row per contact, inserted
-- with it by this trigger, whichever statement creates the contact (an ingest batch, an import, the seed).
CREATE FUNCTION relay_contact_scores_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  INSERT INTO contact_scores (org_id, contact_id) SELECT n.org_id, n.id FROM new_rows n
  ; RETURN NULL
; END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_scores_ins AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_contact_scores_ins();
--> statement-breakpoint
-- The scores there are, with the index and the key check after them (one sort and one join instead of a probe of
-- each per row at 1,000,000 contacts).
DROP INDEX contact_scores_ceiling;
--> statement-breakpoint
ALTER TABLE contact_scores DROP CONSTRAINT contact_scores_org_id_contact_id_fkey;
--> statement-breakpoint
INSERT INTO contact_scores (org_id, contact_id, fit_score, engagement_value, engagement_at)
  SELECT org_id, id, fit_score, engagement_value, engagement_at FROM contacts;
--> statement-breakpoint
ALTER TABLE contact_scores ADD CONSTRAINT contact_scores_org_id_contact_id_fkey FOREIGN KEY (org_id, contact_id)
  REFERENCES contacts (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
CREATE INDEX contact_scores_ceiling ON contact_scores USING btree (org_id, (fit_score + GREATEST(engagement_value, 0)));
--> statement-breakpoint
-- The contacts' indexes that held the score: the ceiling moved with it, and the report index keeps what reports read
-- of a contact (the score calibration joins the score by key).
DROP INDEX contacts_score_ceiling;
--> statement-breakpoint
DROP INDEX contacts_created_score;
--> statement-breakpoint
CREATE INDEX contacts_created ON contacts (org_id, created_at) INCLUDE (id, owner_id, stage, campaign, source);

-- The score calibration counts the contacts created in its period by their score now: with the score on contacts,
-- contacts_created_score held both; apart, it joined 88,000 contacts to their scores at 1,000,000 contacts (a hash of
-- every score: 132 -> 588 ms). The contact's creation time, which never changes, goes with its score, and an index
-- covers what the report reads.
CREATE OR REPLACE FUNCTION relay_contact_scores_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  INSERT INTO contact_scores (org_id, contact_id, created_at) SELECT n.org_id, n.id, n.created_at FROM new_rows n
  ; RETURN NULL
; END $$;
--> statement-breakpoint
UPDATE contact_scores s SET created_at = c.created_at FROM contacts c WHERE c.org_id = s.org_id AND c.id = s.contact_id;
--> statement-breakpoint
CREATE INDEX contact_scores_created ON contact_scores (org_id, created_at) INCLUDE (contact_id, fit_score, engagement_value, engagement_at);

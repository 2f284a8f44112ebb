-- Contacts written or deleted by the hundred (an ingest batch creates ~250) carry their MQLs' context along. Joined
-- to the statement's rows, mql_outcomes was hashed whole whenever the planner guessed that cheaper: every ingest batch
-- scanned all 5,800 MQL outcomes of a 20,000-contact org to find none. A new contact has MQLs only when its history
-- came first (an import): one primary-key probe per contact (LIMIT keeps each a probe) says whether there is anything
-- to update at all.
CREATE OR REPLACE FUNCTION relay_mql_outcomes_contacts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE mql_outcomes o SET owner_id = NULL, campaign = NULL, source = NULL, stage = NULL, industry = NULL, title = NULL, company_size = NULL
    FROM old_rows d WHERE o.org_id = d.org_id AND o.contact_id = d.id
  ; ELSIF EXISTS (
    SELECT 1 FROM new_rows n CROSS JOIN LATERAL (SELECT 1 FROM mql_outcomes m WHERE m.org_id = n.org_id AND m.contact_id = n.id LIMIT 1) m
  ) THEN
    UPDATE mql_outcomes o SET owner_id = n.owner_id, campaign = n.campaign, source = n.source, stage = n.stage,
      industry = n.industry, title = n.title, company_size = n.company_size
    FROM new_rows n WHERE o.org_id = n.org_id AND o.contact_id = n.id
  ; END IF
  ; RETURN NULL
; END $$;

-- Reports that read a rep's or a team's contacts, and the period's MQLs, from indexes alone; two fewer indexes on
-- contacts and one fewer on mql_outcomes to pay for it on write.
--
-- contacts_stage (org_id, stage) is the prefix of contacts_stage_since (org_id, stage, stage_changed_at), which serves
-- every lookup by stage it served. contacts_score_bound has been read by nothing since 0013's contacts_score_ceiling.
DROP INDEX "contacts_stage";--> statement-breakpoint
DROP INDEX "contacts_score_bound";--> statement-breakpoint
-- Content influence with a rep or a team (a rep's own view always has one): the comparison group is the owner's contacts
-- among the period's stage changes. Without this index that was a read of every contact's row (1.1-2.0 s at 1,000,000
-- contacts); with it, one range per owner, no table row read. The contact filters ride along for a rep's view with a
-- campaign, source or stage. Also what the foreign key to users needs when a user is deleted.
CREATE INDEX contacts_owner ON contacts (org_id, owner_id) INCLUDE (id, stage, campaign, source);
--> statement-breakpoint
-- One index for a period of MQLs, holding what handoff (was mql_outcomes_handoff) and the threshold preview's crossings
-- (contact, score, stage, owner: a read of the whole table before) read. Same name and key as before, so it stays the
-- table's clustering order (the seed's CLUSTER).
DROP INDEX mql_outcomes_at;
--> statement-breakpoint
CREATE INDEX mql_outcomes_at ON mql_outcomes (org_id, mql_at)
  INCLUDE (contact_id, score, owner_id, campaign, source, stage, decision, reason, first_touch_at, recycled_at, sql_at, rating_sum, ratings, next_mql_at);
--> statement-breakpoint
DROP INDEX mql_outcomes_handoff;
--> statement-breakpoint
ANALYZE contacts;
--> statement-breakpoint
ANALYZE mql_outcomes

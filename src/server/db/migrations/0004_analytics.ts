import type { Migration } from "./migration"

export default {
  id: "0004_analytics",
  sql: `
-- The dashboard's reports aggregate in SQL over a date range; these indexes let each one read only the
-- rows of its period (and, where they INCLUDE the grouped columns, only the index).
CREATE INDEX asset_shares_at ON asset_shares (org_id, shared_at) INCLUDE (asset_id, user_id, contact_id);
CREATE INDEX asset_views_at ON asset_views (org_id, at) INCLUDE (share_id, asset_id, flagged);
CREATE INDEX asset_feedback_at ON asset_feedback (org_id, created_at) INCLUDE (asset_id, user_id, contact_id, helped);
CREATE INDEX activities_at ON activities (org_id, occurred_at) INCLUDE (user_id, type, contact_id);
-- MQLs of a period (handoff, calibration) and the next change of a contact after a moment (influence).
CREATE INDEX stage_changes_to ON stage_changes (org_id, to_stage, at) INCLUDE (contact_id, score);
-- First touch and first decision after a contact became an MQL.
CREATE INDEX handoffs_contact_at ON handoffs (org_id, contact_id, created_at);
CREATE INDEX asset_shares_contact_at ON asset_shares (org_id, contact_id, shared_at);
CREATE INDEX handoffs_at ON handoffs (org_id, created_at);
-- Filter choices (a loose index scan per distinct value) and the campaign / source filters.
CREATE INDEX contacts_campaign ON contacts (org_id, campaign);
CREATE INDEX contacts_source ON contacts (org_id, source);
-- Calibration's leads created in a period.
CREATE INDEX contacts_created ON contacts (org_id, created_at);
-- fit + stored engagement bounds the current score from above (engagement only decays), so the threshold
-- preview finds the few contacts that could be at or above a threshold without scoring every contact.
CREATE INDEX contacts_score_bound ON contacts (org_id, (fit_score + engagement_value));
`,
} satisfies Migration

import type { Migration } from "./migration"

export default {
  id: "0002_content",
  sql: `
-- A rep sharing an asset with a contact. The id is the client's (retries are safe), the code is what
-- arrives at /r/<code> without an org, so it is unique on its own, like a token hash.
CREATE TABLE asset_shares (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  asset_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  user_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('gmail','outlook','linkedin','copy')),
  code text NOT NULL,
  shared_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  body_hash text NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, asset_id) REFERENCES assets(org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id)
);
CREATE UNIQUE INDEX asset_shares_code ON asset_shares (code);
CREATE INDEX asset_shares_contact ON asset_shares (org_id, contact_id, asset_id, shared_at DESC);
CREATE INDEX asset_shares_asset ON asset_shares (org_id, asset_id, contact_id, shared_at);

-- Every hit on a tracked link, bots included: flagged rows are kept for the record but never count as engagement.
CREATE TABLE asset_views (
  org_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  share_id uuid NOT NULL,
  asset_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  at timestamptz NOT NULL,
  user_agent text,
  method text NOT NULL,
  flagged boolean NOT NULL DEFAULT false,
  flag_reason text,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, share_id) REFERENCES asset_shares(org_id, id)
);
CREATE INDEX asset_views_share ON asset_views (org_id, share_id, at);
CREATE INDEX asset_views_asset ON asset_views (org_id, asset_id, at);

CREATE TABLE asset_feedback (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  asset_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  user_id uuid NOT NULL,
  helped boolean NOT NULL,
  note text,
  body_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, asset_id) REFERENCES assets(org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id)
);
CREATE INDEX asset_feedback_asset ON asset_feedback (org_id, asset_id);
CREATE INDEX asset_feedback_contact ON asset_feedback (org_id, contact_id, asset_id);

-- Recommendations read a contact's engagement with assets, the contact index has no asset_id to skip the rest.
CREATE INDEX marketing_events_contact_asset ON marketing_events (org_id, contact_id, asset_id) WHERE asset_id IS NOT NULL;
-- Which assets are live, in title order: listing, and the last-resort recommendation candidates.
CREATE INDEX assets_live ON assets (org_id, title, id) WHERE NOT archived;

-- Candidate keys for recommendations. Scoring every asset of a 10,000-asset library per request is too
-- slow (see tests/bench), so each asset carries the tag combinations a good fit would share with a
-- person: stage+industry+persona, and stage/industry/persona pairs with a topic, plus single tags for
-- a broader second pass. A GIN index finds the few hundred assets sharing any of them, and the exact
-- ranking (src/shared/ranking.ts) runs on those. Keys start with the org id's first 8 hex digits, so a
-- lookup stays inside one org however many orgs share a tag (a rare prefix clash only costs a recheck).
CREATE FUNCTION relay_asset_keys(org uuid, st text[], pe text[], ind text[], tp text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT left(org::text, 8) || '|' || k), '{}') FROM (
    SELECT 's:' || s FROM unnest(st) s
    UNION ALL SELECT 'p:' || p FROM unnest(pe) p
    UNION ALL SELECT 'i:' || i FROM unnest(ind) i
    UNION ALL SELECT 't:' || t FROM unnest(tp) t
    UNION ALL SELECT 's:' || s || '|i:' || i || '|p:' || p FROM unnest(st) s, unnest(ind) i, unnest(pe) p
    UNION ALL SELECT 's:' || s || '|i:' || i || '|t:' || t FROM unnest(st) s, unnest(ind) i, unnest(tp) t
    UNION ALL SELECT 's:' || s || '|p:' || p || '|t:' || t FROM unnest(st) s, unnest(pe) p, unnest(tp) t
    UNION ALL SELECT 'i:' || i || '|p:' || p || '|t:' || t FROM unnest(ind) i, unnest(pe) p, unnest(tp) t
  ) x(k)
$$;
ALTER TABLE assets ADD COLUMN match_keys text[] GENERATED ALWAYS AS (relay_asset_keys(org_id, stages, personas, industries, topics)) STORED;
-- fastupdate off: a pending list is merged only by (auto)vacuum, which embedded PGlite never runs, and
-- scanning it unmerged makes every lookup slow. Assets are written rarely, so pay at write time.
CREATE INDEX assets_match_keys ON assets USING gin (match_keys) WITH (fastupdate = off) WHERE NOT archived;
-- The same for the text-search index of 0001: its pending list made each search and candidate lookup
-- scan every asset inserted since the last vacuum. Merge what is pending now, then write through.
ALTER INDEX assets_search SET (fastupdate = off);
SELECT gin_clean_pending_list('assets_search'::regclass)
`,
} satisfies Migration

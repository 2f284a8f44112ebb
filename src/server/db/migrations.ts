// Migrations, applied in order, once each, on PGlite and on PostgreSQL alike.
// Every table leads its primary key and its indexes with org_id (see DESIGN.md, "Tenancy in the schema").
export const migrations: { id: string; sql: string }[] = [
  {
    id: "0001_init",
    sql: `
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE TABLE orgs (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org_settings (
  org_id uuid PRIMARY KEY REFERENCES orgs(id),
  mql_threshold int NOT NULL,
  sla_hours int NOT NULL,
  scoring jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  org_id uuid NOT NULL REFERENCES orgs(id),
  id uuid NOT NULL,
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('rep','marketer','admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, email)
);

CREATE TABLE api_tokens (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash text NOT NULL,
  name text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
-- A bearer token arrives without its org: the hash is the only way in, so it is unique on its own.
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);

CREATE TABLE contacts (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  first_name text,
  last_name text,
  title text,
  company text,
  industry text,
  company_size int,
  owner_id uuid,
  linkedin text,
  stage text NOT NULL DEFAULT 'lead',
  stage_changed_at timestamptz NOT NULL DEFAULT now(),
  mql_at timestamptz,
  bant jsonb NOT NULL DEFAULT '{}',
  fit_score int NOT NULL DEFAULT 0,
  engagement_value double precision NOT NULL DEFAULT 0,
  engagement_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id)
);
CREATE INDEX contacts_linkedin ON contacts (org_id, lower(linkedin));
CREATE INDEX contacts_name_trgm ON contacts USING gin ((coalesce(first_name,'') || ' ' || coalesce(last_name,'') || ' ' || coalesce(company,'')) gin_trgm_ops);
CREATE INDEX contacts_stage ON contacts (org_id, stage);

CREATE TABLE contact_emails (
  org_id uuid NOT NULL,
  email text NOT NULL,
  contact_id uuid NOT NULL,
  is_primary boolean NOT NULL DEFAULT false,
  PRIMARY KEY (org_id, email),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id)
);
CREATE INDEX contact_emails_contact ON contact_emails (org_id, contact_id);
CREATE INDEX contact_emails_trgm ON contact_emails USING gin (email gin_trgm_ops);

CREATE TABLE stage_changes (
  org_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  contact_id uuid NOT NULL,
  from_stage text,
  to_stage text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid,
  reason text,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX stage_changes_contact ON stage_changes (org_id, contact_id, at);

CREATE TABLE assets (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  title text NOT NULL,
  url text NOT NULL,
  kind text NOT NULL,
  description text NOT NULL DEFAULT '',
  stages text[] NOT NULL DEFAULT '{}',
  personas text[] NOT NULL DEFAULT '{}',
  industries text[] NOT NULL DEFAULT '{}',
  topics text[] NOT NULL DEFAULT '{}',
  archived boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title,'')), 'A') ||
    setweight(to_tsvector('english', coalesce(description,'')), 'B') ||
    setweight(to_tsvector('english', kind), 'C')
  ) STORED,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX assets_search ON assets USING gin (search);

CREATE TABLE marketing_events (
  org_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  contact_id uuid NOT NULL,
  type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  campaign text,
  asset_id uuid,
  source text NOT NULL,
  external_id text NOT NULL,
  properties jsonb NOT NULL DEFAULT '{}',
  counted boolean NOT NULL DEFAULT true,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX marketing_events_source ON marketing_events (org_id, source, external_id);
CREATE INDEX marketing_events_contact ON marketing_events (org_id, contact_id, occurred_at DESC, id DESC);

-- Points earned per contact, type and day: what enforces the daily cap as events stream in.
CREATE TABLE score_buckets (
  org_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  type text NOT NULL,
  day date NOT NULL,
  points int NOT NULL,
  PRIMARY KEY (org_id, contact_id, type, day)
);

CREATE TABLE activities (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  contact_id uuid NOT NULL,
  user_id uuid NOT NULL,
  type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  outcome text,
  direction text,
  duration_seconds int,
  subject text,
  notes text,
  asset_ids uuid[] NOT NULL DEFAULT '{}',
  body_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id)
);
CREATE INDEX activities_contact ON activities (org_id, contact_id, occurred_at DESC);

CREATE TABLE handoffs (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  contact_id uuid NOT NULL,
  user_id uuid NOT NULL,
  decision text NOT NULL,
  reason text,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX handoffs_contact ON handoffs (org_id, contact_id);

CREATE TABLE lead_feedback (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  contact_id uuid NOT NULL,
  user_id uuid NOT NULL,
  rating int NOT NULL CHECK (rating BETWEEN 1 AND 5),
  reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX lead_feedback_contact ON lead_feedback (org_id, contact_id);
`,
  },
  {
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
  },
  {
    id: "0003_dashboard",
    sql: `
-- Dashboard sign-in: an API token is exchanged once for a session held in an HttpOnly cookie. Only the
-- secret's hash is kept; a session ends when it expires, when it is revoked, or with the token it came from.
CREATE TABLE sessions (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_id uuid NOT NULL,
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
-- A cookie arrives without its org, like a bearer token: the hash alone finds it.
CREATE UNIQUE INDEX sessions_secret ON sessions (secret_hash);

-- Reps belong to a team; the dashboard filters and compares by it.
ALTER TABLE users ADD COLUMN team text;

-- First-touch attribution: the source and campaign of the marketing event that brought the contact in.
-- Reports group MQL conversion and lead quality by them without scanning the events.
ALTER TABLE contacts ADD COLUMN source text;
ALTER TABLE contacts ADD COLUMN campaign text;

-- The lead score at the moment of a stage change, so calibration can ask what score an MQL had when
-- it was handed over rather than what it has drifted to since.
ALTER TABLE stage_changes ADD COLUMN score int;
`,
  },
  {
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
  },
  {
    id: "0005_mql_outcomes",
    sql: `
-- What became of each MQL, kept current on write: one row per time a contact became an MQL, with its score at
-- the crossing, its first touch (a rep's activity, share or handoff decision at or after it), the first handoff
-- decision after it, and when it first reached sql-or-later, customer and recycled afterwards. The handoff,
-- calibration and threshold reports read these rows for a period instead of probing four tables per MQL.
--
-- Statement-level triggers with transition tables keep it current in sets, so a bulk seed or import pays one
-- grouped UPDATE per statement rather than one per row. Inside function bodies no line ends in a semicolon:
-- the migration runner splits statements there (src/server/db/migrate.ts).
CREATE TABLE mql_outcomes (
  org_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  mql_at timestamptz NOT NULL,
  score int,
  first_touch_at timestamptz,
  decision text,
  reason text,
  decided_at timestamptz,
  sql_at timestamptz,
  customer_at timestamptz,
  recycled_at timestamptz,
  PRIMARY KEY (org_id, contact_id, mql_at)
);
CREATE INDEX mql_outcomes_at ON mql_outcomes (org_id, mql_at) INCLUDE (contact_id, score, first_touch_at, decision, decided_at, sql_at);

-- A new MQL row starts from everything already recorded after it (rows may arrive out of order, as in a seed).
CREATE FUNCTION relay_mql_outcomes_fill(org uuid, contacts uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE mql_outcomes o SET
    first_touch_at = LEAST(
      (SELECT min(x.occurred_at) FROM activities x WHERE x.org_id = o.org_id AND x.contact_id = o.contact_id AND x.occurred_at >= o.mql_at),
      (SELECT min(s.shared_at) FROM asset_shares s WHERE s.org_id = o.org_id AND s.contact_id = o.contact_id AND s.shared_at >= o.mql_at),
      d.created_at),
    decision = d.decision, reason = d.reason, decided_at = d.created_at,
    sql_at = (SELECT min(q.at) FROM stage_changes q WHERE q.org_id = o.org_id AND q.contact_id = o.contact_id AND q.at > o.mql_at AND q.to_stage IN ('sql', 'opportunity', 'customer')),
    customer_at = (SELECT min(q.at) FROM stage_changes q WHERE q.org_id = o.org_id AND q.contact_id = o.contact_id AND q.at > o.mql_at AND q.to_stage = 'customer'),
    recycled_at = (SELECT min(q.at) FROM stage_changes q WHERE q.org_id = o.org_id AND q.contact_id = o.contact_id AND q.at > o.mql_at AND q.to_stage = 'recycled')
  FROM mql_outcomes o2 LEFT JOIN LATERAL (
    SELECT h.decision, h.reason, h.created_at FROM handoffs h
    WHERE h.org_id = o2.org_id AND h.contact_id = o2.contact_id AND h.created_at >= o2.mql_at ORDER BY h.created_at LIMIT 1) d ON TRUE
  WHERE o2.org_id = org AND o2.contact_id = ANY(contacts) AND o.org_id = o2.org_id AND o.contact_id = o2.contact_id AND o.mql_at = o2.mql_at
$$;

CREATE FUNCTION relay_mql_outcomes_stage() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record
; BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM mql_outcomes o USING old_rows d WHERE d.to_stage = 'mql' AND o.org_id = d.org_id AND o.contact_id = d.contact_id AND o.mql_at = d.at
    ; RETURN NULL
  ; END IF
  ; FOR r IN SELECT n.org_id, array_agg(DISTINCT n.contact_id) AS contacts FROM new_rows n WHERE n.to_stage = 'mql' GROUP BY n.org_id LOOP
    INSERT INTO mql_outcomes (org_id, contact_id, mql_at, score)
      SELECT n.org_id, n.contact_id, n.at, n.score FROM new_rows n WHERE n.org_id = r.org_id AND n.to_stage = 'mql'
      ON CONFLICT (org_id, contact_id, mql_at) DO UPDATE SET score = coalesce(EXCLUDED.score, mql_outcomes.score)
    ; PERFORM relay_mql_outcomes_fill(r.org_id, r.contacts)
  ; END LOOP
  ; UPDATE mql_outcomes o SET
      sql_at = LEAST(o.sql_at, x.sql_at), customer_at = LEAST(o.customer_at, x.customer_at), recycled_at = LEAST(o.recycled_at, x.recycled_at)
    FROM (
      SELECT o2.org_id, o2.contact_id, o2.mql_at,
        min(n.at) FILTER (WHERE n.to_stage IN ('sql', 'opportunity', 'customer')) AS sql_at,
        min(n.at) FILTER (WHERE n.to_stage = 'customer') AS customer_at,
        min(n.at) FILTER (WHERE n.to_stage = 'recycled') AS recycled_at
      FROM new_rows n JOIN mql_outcomes o2 ON o2.org_id = n.org_id AND o2.contact_id = n.contact_id AND n.at > o2.mql_at
      WHERE n.to_stage IN ('sql', 'opportunity', 'customer', 'recycled')
      GROUP BY 1, 2, 3) x
    WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND o.mql_at = x.mql_at
  ; RETURN NULL
; END $$;
CREATE TRIGGER stage_changes_mql_outcomes_ins AFTER INSERT ON stage_changes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_stage();
CREATE TRIGGER stage_changes_mql_outcomes_del AFTER DELETE ON stage_changes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_stage();

-- A touch (activity or share) at t is the first touch of every MQL of that contact at or before t, unless an earlier one is known.
CREATE FUNCTION relay_mql_outcomes_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE mql_outcomes o SET first_touch_at = LEAST(o.first_touch_at, x.t)
  FROM (
    SELECT o2.org_id, o2.contact_id, o2.mql_at, min(n.t) AS t
    FROM (SELECT org_id, contact_id, CASE TG_TABLE_NAME WHEN 'activities' THEN (to_jsonb(r) ->> 'occurred_at') ELSE (to_jsonb(r) ->> 'shared_at') END::timestamptz AS t
          FROM new_rows r) n
    JOIN mql_outcomes o2 ON o2.org_id = n.org_id AND o2.contact_id = n.contact_id AND n.t >= o2.mql_at
    GROUP BY 1, 2, 3) x
  WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND o.mql_at = x.mql_at AND (o.first_touch_at IS NULL OR x.t < o.first_touch_at)
  ; RETURN NULL
; END $$;
CREATE TRIGGER activities_mql_outcomes AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_touch();
CREATE TRIGGER asset_shares_mql_outcomes AFTER INSERT ON asset_shares REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_touch();

-- A decision is a touch, and the first decision after an MQL is its outcome.
CREATE FUNCTION relay_mql_outcomes_decision() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE mql_outcomes o SET first_touch_at = LEAST(o.first_touch_at, x.created_at),
    decision = CASE WHEN o.decided_at IS NULL OR x.created_at < o.decided_at THEN x.decision ELSE o.decision END,
    reason = CASE WHEN o.decided_at IS NULL OR x.created_at < o.decided_at THEN x.reason ELSE o.reason END,
    decided_at = LEAST(o.decided_at, x.created_at)
  FROM (
    SELECT DISTINCT ON (o2.org_id, o2.contact_id, o2.mql_at) o2.org_id, o2.contact_id, o2.mql_at, n.decision, n.reason, n.created_at
    FROM new_rows n JOIN mql_outcomes o2 ON o2.org_id = n.org_id AND o2.contact_id = n.contact_id AND n.created_at >= o2.mql_at
    ORDER BY o2.org_id, o2.contact_id, o2.mql_at, n.created_at) x
  WHERE o.org_id = x.org_id AND o.contact_id = x.contact_id AND o.mql_at = x.mql_at
  ; RETURN NULL
; END $$;
CREATE TRIGGER handoffs_mql_outcomes AFTER INSERT ON handoffs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_mql_outcomes_decision();

-- Existing history.
INSERT INTO mql_outcomes (org_id, contact_id, mql_at, score)
  SELECT org_id, contact_id, at, max(score) FROM stage_changes WHERE to_stage = 'mql' GROUP BY org_id, contact_id, at;
SELECT relay_mql_outcomes_fill(org_id, array_agg(DISTINCT contact_id)) FROM mql_outcomes GROUP BY org_id;
ANALYZE mql_outcomes
`,
  },
  {
    id: "0006_rep_activity_days",
    sql: `
-- Activities per rep, type and UTC day, kept current on write: rep activity over a million activities reads a
-- few thousand rows instead (the raw table still answers when a contact filter is asked for).
CREATE TABLE rep_activity_days (
  org_id uuid NOT NULL,
  day date NOT NULL,
  user_id uuid NOT NULL,
  type text NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (org_id, day, user_id, type)
);
CREATE FUNCTION relay_rep_activity_days() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rep_activity_days (org_id, day, user_id, type, n)
      SELECT org_id, (occurred_at AT TIME ZONE 'UTC')::date, user_id, type, count(*) FROM new_rows GROUP BY 1, 2, 3, 4
      ON CONFLICT (org_id, day, user_id, type) DO UPDATE SET n = rep_activity_days.n + EXCLUDED.n
  ; ELSE
    UPDATE rep_activity_days d SET n = d.n - x.n
      FROM (SELECT org_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, user_id, type, count(*) AS n FROM old_rows GROUP BY 1, 2, 3, 4) x
      WHERE d.org_id = x.org_id AND d.day = x.day AND d.user_id = x.user_id AND d.type = x.type
  ; END IF
  ; RETURN NULL
; END $$;
CREATE TRIGGER activities_rep_days_ins AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_rep_activity_days();
CREATE TRIGGER activities_rep_days_del AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION relay_rep_activity_days();
INSERT INTO rep_activity_days (org_id, day, user_id, type, n)
  SELECT org_id, (occurred_at AT TIME ZONE 'UTC')::date, user_id, type, count(*) FROM activities GROUP BY 1, 2, 3, 4;
ANALYZE rep_activity_days
`,
  },
  {
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
  },
  {
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
  },
  {
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
  },
]

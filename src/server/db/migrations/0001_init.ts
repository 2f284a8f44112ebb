import type { Migration } from "./migration"

export default {
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
} satisfies Migration

import type { Migration } from "./migration"

export default {
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
} satisfies Migration

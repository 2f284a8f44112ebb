import type { Migration } from "./migration"

export default {
  id: "0010_link_visits",
  sql: `
-- One counted view per share and visitor in a window (src/server/links/service.ts). The visitor is a hash of
-- the client address and user agent, never the address itself; a click of the same visitor within the
-- window adds to repeats on the view it repeats instead of a row (and a marketing event) of its own.
ALTER TABLE asset_views ADD COLUMN visitor text, ADD COLUMN repeats int NOT NULL DEFAULT 0, ADD COLUMN last_at timestamptz;
CREATE INDEX asset_views_visitor ON asset_views (org_id, share_id, visitor, at DESC) WHERE visitor IS NOT NULL;
-- A client-made link code that another organization's share already holds: the share is recorded under a
-- code of the server's and answers with the one asked for, so nobody learns from the answer that the code exists.
ALTER TABLE asset_shares ADD COLUMN asked_code text;
CREATE INDEX asset_shares_asked_code ON asset_shares (org_id, asked_code) WHERE asked_code IS NOT NULL;
`,
} satisfies Migration

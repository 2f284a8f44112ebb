import type { Migration } from "./migration"

export default {
  id: "0011_token_expiry",
  sql: `
-- An API token may be given a lifetime when it is made (relay token:create --expires 30d); NULL lives until revoked.
-- Adding a nullable column without a default rewrites nothing, so this is instant on a large database.
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;
`,
} satisfies Migration

// The hand-written history, applied in order, once each, on PGlite and on PostgreSQL alike, before drizzle-kit's
// migrations (src/server/db/drizzle). Closed: a new migration is generated from src/server/db/schema with
// npm run db:generate (docs/architecture.md, "Changing the schema"). Every table leads its primary key and its
// indexes with org_id (docs/scaling.md).
import m0001 from "./0001_init"
import m0002 from "./0002_content"
import m0003 from "./0003_dashboard"
import m0004 from "./0004_analytics"
import m0005 from "./0005_mql_outcomes"
import m0006 from "./0006_rep_activity_days"
import m0007 from "./0007_mql_outcomes_context"
import m0008 from "./0008_share_stage"
import m0009 from "./0009_analytics_covering"
import m0010 from "./0010_link_visits"
import m0011 from "./0011_token_expiry"
import m0012 from "./0012_selector_health"
import m0013 from "./0013_stage_advances"
import type { Migration } from "./migration"

// One file per migration, named by its id; never edit one (every database has run them), never add one.
export const migrations: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013]

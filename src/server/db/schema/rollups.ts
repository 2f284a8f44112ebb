import { date, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core"
import { at } from "./columns"

// Report rollups, kept current on write by the triggers and functions of the SQL migrations (0005–0007, 0009,
// 0013): the app reads these tables and never writes them.

/**
 * What became of each MQL: one row per time a contact became an MQL (0005), with its contact's context (0007)
 * and ratings (0009). Left to the SQL migrations (INCLUDE): mql_outcomes_at (org_id, mql_at) INCLUDE (contact_id,
 * score, first_touch_at, decision, decided_at, sql_at), the table's clustering order, and mql_outcomes_decided
 * (org_id, score) INCLUDE (decision, owner_id, contact_id) WHERE decision IN ('accept', 'reject').
 */
export const mqlOutcomes = pgTable(
  "mql_outcomes",
  {
    orgId: uuid("org_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    mqlAt: at("mql_at").notNull(),
    score: integer("score"),
    firstTouchAt: at("first_touch_at"),
    decision: text("decision"),
    reason: text("reason"),
    decidedAt: at("decided_at"),
    sqlAt: at("sql_at"),
    customerAt: at("customer_at"),
    recycledAt: at("recycled_at"),
    ownerId: uuid("owner_id"),
    campaign: text("campaign"),
    source: text("source"),
    /** The contact's current stage; NULL when the contact is not (or no longer) there. */
    stage: text("stage"),
    industry: text("industry"),
    title: text("title"),
    companySize: integer("company_size"),
    /** Engagement points per event type earned up to the UTC day of the crossing. */
    points: jsonb("points").$type<Record<string, number>>().notNull().default({}),
    ratingSum: integer("rating_sum").notNull().default(0),
    ratings: integer("ratings").notNull().default(0),
    /** The contact's next crossing after this one, if any: the latest crossing of a period is a filter, not a sort. */
    nextMqlAt: at("next_mql_at"),
  },
  (t) => [primaryKey({ name: "mql_outcomes_pkey", columns: [t.orgId, t.contactId, t.mqlAt] })],
)

/** Activities per rep, type and UTC day (0006), and shares under the type 'share' (drizzle migration rep_share_days). */
export const repActivityDays = pgTable(
  "rep_activity_days",
  {
    orgId: uuid("org_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    userId: uuid("user_id").notNull(),
    type: text("type").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "rep_activity_days_pkey", columns: [t.orgId, t.day, t.userId, t.type] })],
)

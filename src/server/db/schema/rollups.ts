import { sql } from "drizzle-orm"
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core"
import { at } from "./columns"

// Report rollups, kept current on write by the triggers and functions of the SQL migrations (0005–0007, 0009,
// 0013): the app reads these tables and never writes them.

/**
 * What became of each MQL: one row per time a contact became an MQL (0005), with its contact's context (0007)
 * and ratings (0009). Left to the SQL migrations (INCLUDE): mql_outcomes_at (org_id, mql_at), the table's clustering
 * order, INCLUDE what handoff and the threshold preview read (drizzle migration report_covering: contact_id, score,
 * owner_id, campaign, source, stage, decision, reason, first_touch_at, recycled_at, sql_at, rating_sum, ratings,
 * next_mql_at), and mql_outcomes_decided (org_id, score) INCLUDE (decision, owner_id, contact_id) WHERE decision IN
 * ('accept', 'reject').
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
  (t) => [
    primaryKey({ name: "mql_outcomes_pkey", columns: [t.orgId, t.contactId, t.mqlAt] }),
    // The crossings the calibration rollups leave out (a contact's earlier ones, an old change without a score),
    // read one by one for a period: few.
    index("mql_outcomes_unrolled")
      .on(t.orgId, t.mqlAt)
      .where(sql`${t.nextMqlAt} IS NOT NULL OR ${t.score} IS NULL`),
  ],
)

/**
 * Activities per rep, type and UTC day (0006), and shares under the type 'share' (drizzle migration rep_share_days).
 * A day's count may be split over several rows (`slot`, drizzle migration rep_activity_slots): readers sum `n`.
 */
export const repActivityDays = pgTable(
  "rep_activity_days",
  {
    orgId: uuid("org_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    userId: uuid("user_id").notNull(),
    type: text("type").notNull(),
    /**
     * Which of a few rows of the day the count went to: activities take their connection's (pg_backend_pid() % 8),
     * so that reps' requests logging at once do not all queue on one row's lock until they commit; shares use 0.
     */
    slot: smallint("slot").notNull().default(0),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "rep_activity_days_pkey", columns: [t.orgId, t.day, t.userId, t.type, t.slot] })],
)

/**
 * Score calibration's bands per UTC day of the crossing (drizzle migrations calibration_days): how many MQLs crossed
 * at each score and what became of them (decision and reason, '' for none; reached SQL; became a customer). Counts
 * only the crossings calibration reads without looking further: a contact's latest (next_mql_at IS NULL) with a
 * recorded score and a contact still there. Kept from mql_outcomes by statement triggers; rows may hold n = 0.
 */
export const mqlBandDays = pgTable(
  "mql_band_days",
  {
    orgId: uuid("org_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    score: integer("score").notNull(),
    decision: text("decision").notNull(),
    reason: text("reason").notNull(),
    sql: boolean("sql").notNull(),
    customer: boolean("customer").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "mql_band_days_pkey", columns: [t.orgId, t.day, t.score, t.decision, t.reason, t.sql, t.customer] })],
)

/**
 * What the decided crossings of mql_band_days earned their points from, per UTC day and decision: kind 'event' is
 * an event type (leads with points from it that are not 0, and those points), kinds 'industry', 'title' and
 * 'company_size' the firmographic value the fit rules read (leads; points 0). A rule is matched per value at
 * report time, so changing the rules changes nothing here.
 */
export const mqlRuleDays = pgTable(
  "mql_rule_days",
  {
    orgId: uuid("org_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    decision: text("decision").notNull(),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    leads: integer("leads").notNull(),
    points: bigint("points", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ name: "mql_rule_days_pkey", columns: [t.orgId, t.day, t.decision, t.kind, t.value] })],
)

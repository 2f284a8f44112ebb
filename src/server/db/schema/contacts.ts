import { sql } from "drizzle-orm"
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core"
import type { ActivityInput, ActivityType } from "../../../shared/contracts/activities"
import type { Stage } from "../../../shared/contracts/common"
import type { Bant } from "../../../shared/contracts/handoff"
import { at } from "./columns"
import { users } from "./tenancy"

// A contact, how to find it, and everything that happened to it: stage history, marketing events, the points
// they earned, reps' activities, handoff decisions and lead-quality ratings.

/**
 * Indexes the builder cannot say, left to the SQL migrations: contacts_created (org_id, created_at) (drizzle
 * migration contact_scores_moved, was 0009's contacts_created_score), contacts_stage_since (org_id, stage, stage_changed_at) (0009)
 * and contacts_owner (org_id, owner_id) (drizzle migration report_covering) each INCLUDE the columns their reports
 * read. contacts_stage_since also serves a lookup by stage alone. Triggers on contacts copy an MQL's contact onto
 * mql_outcomes (0007) and give each new contact its row in contact_scores (the score lives there, below).
 */
export const contacts = pgTable(
  "contacts",
  {
    orgId: uuid("org_id").notNull(),
    id: uuid("id").notNull(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    title: text("title"),
    company: text("company"),
    industry: text("industry"),
    companySize: integer("company_size"),
    ownerId: uuid("owner_id"),
    linkedin: text("linkedin"),
    stage: text("stage").$type<Stage>().notNull().default("lead"),
    stageChangedAt: at("stage_changed_at").notNull().defaultNow(),
    mqlAt: at("mql_at"),
    bant: jsonb("bant").$type<Bant>().notNull().default({}),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    /** First-touch attribution: the source and campaign of the marketing event that brought the contact in. */
    source: text("source"),
    campaign: text("campaign"),
    /**
     * When that event happened, so that ingest compares a batch's events with it instead of reading the contact's
     * events again. NULL when not known yet: no marketing event, or none since this column came (drizzle migration
     * contacts_first_touch_at, which leaves existing contacts to ingest: it finds the first touch from the events once).
     */
    firstTouchAt: at("first_touch_at"),
  },
  (t) => [
    primaryKey({ name: "contacts_pkey", columns: [t.orgId, t.id] }),
    foreignKey({ name: "contacts_org_id_owner_id_fkey", columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    index("contacts_linkedin").on(t.orgId, sql`lower(${t.linkedin})`),
    // Name search (pg_trgm, created in public by migration 0001).
    index("contacts_name_trgm").using(
      "gin",
      sql`(coalesce(${t.firstName}, '') || ' ' || coalesce(${t.lastName}, '') || ' ' || coalesce(${t.company}, '')) gin_trgm_ops`,
    ),
    index("contacts_campaign").on(t.orgId, t.campaign),
    index("contacts_source").on(t.orgId, t.source),
  ],
)

/**
 * A contact's stored score: its fit and its engagement, a value and the time it was brought up to date (it decays
 * from then; src/shared/scoring.ts). Apart from contacts because it changes with nearly every marketing event: a
 * score written here rewrites this narrow row and its three indexes, where one written on the contact rewrote the
 * contact's whole row and all nine of its indexes (an ingest batch's WAL halved). One row per contact: a
 * trigger on contacts inserts it (score 0) with the contact (drizzle migration contact_scores_moved), so that
 * every way of creating a contact has one; it goes with its contact. Score writers lock the contact's row first
 * (FOR NO KEY UPDATE, in id order), as they did when the score was on it. Left to the SQL migrations (INCLUDE):
 * contact_scores_created (org_id, created_at) INCLUDE (contact_id, fit_score, engagement_value, engagement_at), what
 * the score calibration reads of the contacts created in its period (drizzle migration contact_scores_created).
 */
export const contactScores = pgTable(
  "contact_scores",
  {
    orgId: uuid("org_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    fitScore: integer("fit_score").notNull().default(0),
    engagementValue: doublePrecision("engagement_value").notNull().default(0),
    engagementAt: at("engagement_at").notNull().defaultNow(),
    /** The contact's created_at (the trigger copies it; it never changes): reports on the contacts created in a period read their scores by it. */
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "contact_scores_pkey", columns: [t.orgId, t.contactId] }),
    foreignKey({ name: "contact_scores_org_id_contact_id_fkey", columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete(
      "cascade",
    ),
    // A score is at most fit + positive engagement (engagement only decays): the threshold preview finds the few
    // contacts that can stand at a threshold by this bound instead of scoring every contact.
    index("contact_scores_ceiling").on(t.orgId, sql`(${t.fitScore} + GREATEST(${t.engagementValue}, 0))`),
  ],
)

export const contactEmails = pgTable(
  "contact_emails",
  {
    orgId: uuid("org_id").notNull(),
    email: text("email").notNull(),
    contactId: uuid("contact_id").notNull(),
    isPrimary: boolean("is_primary").notNull().default(false),
  },
  (t) => [
    primaryKey({ name: "contact_emails_pkey", columns: [t.orgId, t.email] }),
    foreignKey({ name: "contact_emails_org_id_contact_id_fkey", columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }),
    index("contact_emails_contact").on(t.orgId, t.contactId),
    index("contact_emails_trgm").using("gin", t.email.op("gin_trgm_ops")),
  ],
)

/**
 * Indexes left to the SQL migrations (INCLUDE): stage_changes_to (org_id, to_stage, at) INCLUDE (contact_id, score)
 * and stage_changes_at (org_id, at) INCLUDE (contact_id, from_stage, to_stage, advanced_at, from_advanced_at, prev_at, owner_id).
 * advanced_at, from_advanced_at and prev_at are written by triggers (0013), never by the app; triggers also keep
 * mql_outcomes (0005) and asset_shares.history_stage (0008) current.
 */
export const stageChanges = pgTable(
  "stage_changes",
  {
    orgId: uuid("org_id").notNull(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    contactId: uuid("contact_id").notNull(),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    at: at("at").notNull().defaultNow(),
    userId: uuid("user_id"),
    reason: text("reason"),
    /** The lead score at the moment of the change. */
    score: integer("score"),
    advancedAt: at("advanced_at"),
    fromAdvancedAt: at("from_advanced_at"),
    prevAt: at("prev_at"),
    /** The contact's owner now (not at the change), kept by triggers (drizzle migration stage_changes_owner). */
    ownerId: uuid("owner_id"),
  },
  (t) => [primaryKey({ name: "stage_changes_pkey", columns: [t.orgId, t.id] }), index("stage_changes_contact").on(t.orgId, t.contactId, t.at)],
)

export const marketingEvents = pgTable(
  "marketing_events",
  {
    orgId: uuid("org_id").notNull(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    contactId: uuid("contact_id").notNull(),
    type: text("type").notNull(),
    occurredAt: at("occurred_at").notNull(),
    campaign: text("campaign"),
    assetId: uuid("asset_id"),
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    counted: boolean("counted").notNull().default(true),
  },
  (t) => [
    primaryKey({ name: "marketing_events_pkey", columns: [t.orgId, t.id] }),
    uniqueIndex("marketing_events_source").on(t.orgId, t.source, t.externalId),
    index("marketing_events_contact").on(t.orgId, t.contactId, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("marketing_events_contact_asset")
      .on(t.orgId, t.contactId, t.assetId)
      .where(sql`${t.assetId} IS NOT NULL`),
  ],
)

/**
 * What the sidebar reads from a contact's marketing events, kept from its last lookup: the score's recent events,
 * the newest timeline rows and the counts per type (src/server/contacts/digest.ts). Events are only ever added,
 * so a digest whose `events` count equals the contact's count now is the same set of events: a lookup checks
 * that in the contact's index and rebuilds the digest only when it differs. Nothing on the write path touches it.
 * UNLOGGED (drizzle migration contact_digests_unlogged): a cache, emptied after a crash, costs no WAL. The body is
 * compressed with lz4 where the server has it (drizzle migration contact_digests_assets): read on every lookup, and lz4
 * unpacks several times faster than the default pglz.
 */
export const contactDigests = pgTable(
  "contact_digests",
  {
    orgId: uuid("org_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    /** How many of the contact's events, and the newest id among them, the digest was built from. */
    events: integer("events").notNull(),
    lastEventId: bigint("last_event_id", { mode: "number" }),
    /** The oldest event time `recent` holds: a longer scoring half-life needs older events, so a rebuild. */
    since: at("since").notNull(),
    /** json, not jsonb: a lookup sends it on as it is, and json leaves as its text where jsonb is printed anew. */
    body: json("body").notNull(),
    /** The assets the body names, so that a lookup finds their titles by key without opening the body. */
    assetIds: uuid("asset_ids").array().notNull(),
  },
  (t) => [
    primaryKey({ name: "contact_digests_pkey", columns: [t.orgId, t.contactId] }),
    foreignKey({ name: "contact_digests_org_id_contact_id_fkey", columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete(
      "cascade",
    ),
  ],
)

/** Points earned per contact, type and day: what enforces the daily cap as events stream in. */
export const scoreBuckets = pgTable(
  "score_buckets",
  {
    orgId: uuid("org_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    type: text("type").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    points: integer("points").notNull(),
  },
  (t) => [primaryKey({ name: "score_buckets_pkey", columns: [t.orgId, t.contactId, t.type, t.day] })],
)

/** Left to the SQL migrations (INCLUDE): activities_at (org_id, occurred_at) INCLUDE (user_id, type, contact_id). */
export const activities = pgTable(
  "activities",
  {
    orgId: uuid("org_id").notNull(),
    id: uuid("id").notNull(),
    contactId: uuid("contact_id").notNull(),
    userId: uuid("user_id").notNull(),
    type: text("type").$type<ActivityType>().notNull(),
    occurredAt: at("occurred_at").notNull(),
    outcome: text("outcome"),
    direction: text("direction").$type<NonNullable<ActivityInput["direction"]>>(),
    durationSeconds: integer("duration_seconds"),
    subject: text("subject"),
    notes: text("notes"),
    assetIds: uuid("asset_ids")
      .array()
      .notNull()
      .default(sql`'{}'`),
    bodyHash: text("body_hash").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "activities_pkey", columns: [t.orgId, t.id] }),
    foreignKey({ name: "activities_org_id_contact_id_fkey", columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }),
    index("activities_contact").on(t.orgId, t.contactId, t.occurredAt.desc().nullsFirst()),
  ],
)

export const handoffs = pgTable(
  "handoffs",
  {
    orgId: uuid("org_id").notNull(),
    id: uuid("id").notNull(),
    contactId: uuid("contact_id").notNull(),
    userId: uuid("user_id").notNull(),
    decision: text("decision").notNull(),
    reason: text("reason"),
    note: text("note"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "handoffs_pkey", columns: [t.orgId, t.id] }),
    index("handoffs_contact").on(t.orgId, t.contactId),
    index("handoffs_contact_at").on(t.orgId, t.contactId, t.createdAt),
    index("handoffs_at").on(t.orgId, t.createdAt),
  ],
)

export const leadFeedback = pgTable(
  "lead_feedback",
  {
    orgId: uuid("org_id").notNull(),
    id: uuid("id").notNull(),
    contactId: uuid("contact_id").notNull(),
    userId: uuid("user_id").notNull(),
    rating: integer("rating").notNull(),
    reason: text("reason"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "lead_feedback_pkey", columns: [t.orgId, t.id] }),
    check("lead_feedback_rating_check", sql`${t.rating} BETWEEN 1 AND 5`),
    index("lead_feedback_contact").on(t.orgId, t.contactId),
  ],
)

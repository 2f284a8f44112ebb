import { sql } from "drizzle-orm"
import { check, foreignKey, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core"
import type { Role } from "../../../shared/contracts/common"
import { at } from "./columns"

// Organisations, their people, and how those people sign in. Constraint names are PostgreSQL's own (the
// hand-written migrations 0001–0013 left them unnamed), so a generated migration names what is really there.

export const orgs = pgTable("orgs", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
})

export const orgSettings = pgTable(
  "org_settings",
  {
    orgId: uuid("org_id").primaryKey(),
    mqlThreshold: integer("mql_threshold").notNull(),
    slaHours: integer("sla_hours").notNull(),
    // Parsed with the ScoringRules contract when read (src/server/settings/repository.ts).
    scoring: jsonb("scoring").notNull(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [foreignKey({ name: "org_settings_org_id_fkey", columns: [t.orgId], foreignColumns: [orgs.id] })],
)

export const users = pgTable(
  "users",
  {
    orgId: uuid("org_id").notNull(),
    id: uuid("id").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").$type<Role>().notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    team: text("team"),
  },
  (t) => [
    primaryKey({ name: "users_pkey", columns: [t.orgId, t.id] }),
    unique("users_org_id_email_key").on(t.orgId, t.email),
    foreignKey({ name: "users_org_id_fkey", columns: [t.orgId], foreignColumns: [orgs.id] }),
    check("users_role_check", sql`${t.role} IN ('rep', 'marketer', 'admin')`),
  ],
)

export const apiTokens = pgTable(
  "api_tokens",
  {
    orgId: uuid("org_id").notNull(),
    id: uuid("id").notNull(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    name: text("name").notNull().default(""),
    createdAt: at("created_at").notNull().defaultNow(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
    /** NULL lives until revoked. */
    expiresAt: at("expires_at"),
  },
  (t) => [
    primaryKey({ name: "api_tokens_pkey", columns: [t.orgId, t.id] }),
    foreignKey({ name: "api_tokens_org_id_user_id_fkey", columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    // A bearer token arrives without its org: the hash is the only way in, so it is unique on its own.
    uniqueIndex("api_tokens_hash").on(t.tokenHash),
  ],
)

/** Dashboard sessions: an API token exchanged once for a cookie; only the secret's hash is kept. */
export const sessions = pgTable(
  "sessions",
  {
    orgId: uuid("org_id").notNull(),
    id: uuid("id").notNull(),
    userId: uuid("user_id").notNull(),
    tokenId: uuid("token_id").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    primaryKey({ name: "sessions_pkey", columns: [t.orgId, t.id] }),
    foreignKey({ name: "sessions_org_id_user_id_fkey", columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    // A cookie arrives without its org, like a bearer token: the hash alone finds it.
    uniqueIndex("sessions_secret").on(t.secretHash),
  ],
)

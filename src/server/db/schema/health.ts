import { sql } from "drizzle-orm"
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core"
import type { healthSites, healthStrategies } from "../../../shared/contracts/health"
import { at } from "./columns"
import { orgs } from "./tenancy"

/**
 * Selector health from the field: how often each detection strategy answered, per UTC day, site, view and
 * extension version. Anonymous by design: only counts. report_id is a random id per browser and day, so a resent
 * report replaces its own rows while different browsers' reports add up.
 */
export const selectorHealth = pgTable(
  "selector_health",
  {
    orgId: uuid("org_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    site: text("site").$type<(typeof healthSites)[number]>().notNull(),
    view: text("view").notNull(),
    strategy: text("strategy").$type<(typeof healthStrategies)[number]>().notNull(),
    version: text("version").notNull(),
    reportId: uuid("report_id").notNull(),
    n: integer("n").notNull(),
    receivedAt: at("received_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "selector_health_pkey", columns: [t.orgId, t.day, t.site, t.view, t.strategy, t.version, t.reportId] }),
    foreignKey({ name: "selector_health_org_id_fkey", columns: [t.orgId], foreignColumns: [orgs.id] }),
    check("selector_health_site_check", sql`${t.site} IN ('gmail', 'outlook', 'linkedin')`),
    check("selector_health_strategy_check", sql`${t.strategy} IN ('structure', 'signals', 'name', 'none')`),
    check("selector_health_n_check", sql`${t.n} > 0`),
    index("selector_health_report").on(t.orgId, t.reportId),
  ],
)

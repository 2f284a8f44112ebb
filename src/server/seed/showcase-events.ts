import type { Db } from "../db/client"
import { sql } from "../db/client"
import { showcaseContacts } from "./showcase"
import { mqlReason } from "../lifecycle/service"

const hoursAgo = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000).toISOString()

// A believable recent history for each showcase contact, relative to the moment of seeding.
const stories: Record<string, [type: string, hoursAgo: number, campaign: string, asset?: number][]> = {
  Marisol: [
    ["webinar_registered", 24 * 9, "Q1 RevOps webinar series"],
    ["webinar_attended", 24 * 3, "Scaling RevOps"],
    ["content_download", 24 * 2, "Pricing page retargeting", 31],
    ["email_click", 30, "Data quality nurture"],
    ["page_visit", 8, "Pricing page retargeting"],
    ["email_open", 6, "Data quality nurture"],
    ["demo_request", 5.5, "Demo day"],
  ],
  Tobias: [
    ["email_open", 24 * 20, "Newsletter: The Funnel"],
    ["page_visit", 24 * 12, "SEO: lead scoring guide"],
    ["content_download", 24 * 6, "Logistics KPI report", 11],
    ["email_click", 24 * 2, "Customer stories newsletter"],
  ],
  Anneke: [
    ["webinar_attended", 24 * 40, "Healthcare analytics roundtable"],
    ["content_download", 24 * 15, "Annual benchmark report", 20],
    ["demo_request", 24 * 10, "Demo day"],
    ["email_open", 24 * 1, "Trial onboarding drip"],
  ],
  Dario: [
    ["page_visit", 24 * 60, "Paid social: dashboards"],
    ["trial_signup", 24 * 30, "Trial onboarding drip"],
    ["asset_view", 24 * 4, "Demo day", 35],
    ["email_click", 20, "Win-back sequence"],
  ],
}

export async function seedShowcase(db: Db, orgId: string, ownerId: string, assetIds: string[], now: Date) {
  for (const c of showcaseContacts) {
    const mqlAt = c.stage === "mql" ? hoursAgo(now, 5) : null
    await db.execute(sql`
      INSERT INTO contacts (org_id, id, first_name, last_name, title, company, industry, company_size, owner_id, linkedin, stage, stage_changed_at, mql_at, created_at)
      VALUES (${orgId}, ${c.id}, ${c.firstName}, ${c.lastName}, ${c.title}, ${c.company}, ${c.industry}, ${c.companySize}, ${ownerId},
        ${c.linkedin ?? null}, ${c.stage}, ${mqlAt ?? hoursAgo(now, 24 * 20)}, ${mqlAt}, ${hoursAgo(now, 24 * 200)})`)
    await db.execute(sql`INSERT INTO contact_emails (org_id, email, contact_id, is_primary) VALUES (${orgId}, ${c.email}, ${c.id}, true)`)
    for (const [n, [type, h, campaign, asset]] of (stories[c.firstName] ?? []).entries()) {
      await db.execute(sql`
        INSERT INTO marketing_events (org_id, contact_id, type, occurred_at, campaign, asset_id, source, external_id, properties)
        VALUES (${orgId}, ${c.id}, ${type}, ${hoursAgo(now, h)}, ${campaign}, ${asset === undefined ? null : assetIds[asset % assetIds.length]!},
          'marketo', ${`showcase-${c.firstName}-${n}`}, ${JSON.stringify(type.startsWith("webinar") ? { title: campaign } : {})}::jsonb)`)
    }
  }
}

// How the showcase contacts got where they are, so the dashboard and the timeline agree with the sidebar:
// [stage it came from, stage it went to, hours ago]. Riley (the owner) made every sales-side decision.
const histories: Record<string, [from: string, to: string, hoursAgo: number][]> = {
  Marisol: [["lead", "mql", 5]],
  Anneke: [
    ["lead", "mql", 24 * 22],
    ["mql", "sql", 24 * 20],
  ],
  Dario: [
    ["lead", "mql", 24 * 45],
    ["mql", "sql", 24 * 40],
    ["sql", "opportunity", 24 * 20],
  ],
}

/** Stage history and handoffs of the showcase contacts; run after scoring, so an MQL change carries today's score. */
export async function seedShowcaseHistory(db: Db, orgId: string, ownerId: string, now: Date) {
  for (const c of showcaseContacts) {
    const h = histories[c.firstName]
    if (!h) continue
    await db.execute(sql`UPDATE contacts SET mql_at = ${hoursAgo(now, h[0]![2])} WHERE org_id = ${orgId} AND id = ${c.id}`)
    for (const [from, to, ago] of h) {
      await db.execute(sql`
        INSERT INTO stage_changes (org_id, contact_id, from_stage, to_stage, at, user_id, reason, score)
        SELECT ${orgId}, ${c.id}, ${from}, ${to}, ${hoursAgo(now, ago)}, ${to === "mql" ? null : ownerId}::uuid,
          ${to === "mql" ? mqlReason : null}, CASE WHEN ${from} IN ('lead', 'mql') THEN LEAST(100, fit_score + LEAST(60, round(engagement_value)::int)) END
        FROM contact_scores WHERE org_id = ${orgId} AND contact_id = ${c.id}`)
      if (to === "sql") {
        // The first touch comes before the decision, two hours into the SLA.
        await db.execute(sql`INSERT INTO activities (org_id, id, contact_id, user_id, type, occurred_at, outcome, duration_seconds, notes, body_hash)
          VALUES (${orgId}, ${c.id.replace(/^00000000/, "0000000b")}, ${c.id}, ${ownerId}, 'call', ${hoursAgo(now, h[0]![2] - 2)}, 'connected', 900,
            'Intro call: they want to see forecasting on their own data.', 'seed')`)
        await db.execute(sql`INSERT INTO handoffs (org_id, id, contact_id, user_id, decision, reason, note, created_at)
          VALUES (${orgId}, ${c.id.replace(/^00000000/, "0000000a")}, ${c.id}, ${ownerId}, 'accept', NULL, 'Demo booked with the whole team.', ${hoursAgo(now, ago)})`)
      }
    }
  }
}

import type { Db } from "../db/client"
import { sql } from "../db/client"
import { showcaseContacts } from "./showcase"

const hoursAgo = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000).toISOString()

// A believable recent history for each showcase contact, relative to the moment of seeding.
const stories: Record<string, [type: string, hoursAgo: number, campaign: string, asset?: number][]> = {
  Marisol: [
    ["webinar_registered", 24 * 9, "Q1 RevOps webinar series"], ["webinar_attended", 24 * 3, "Scaling RevOps"],
    ["content_download", 24 * 2, "Pricing page retargeting", 31], ["email_click", 30, "Data quality nurture"],
    ["page_visit", 8, "Pricing page retargeting"], ["email_open", 6, "Data quality nurture"], ["demo_request", 5.5, "Demo day"],
  ],
  Tobias: [
    ["email_open", 24 * 20, "Newsletter: The Funnel"], ["page_visit", 24 * 12, "SEO: lead scoring guide"],
    ["content_download", 24 * 6, "Logistics KPI report", 11], ["email_click", 24 * 2, "Customer stories newsletter"],
  ],
  Anneke: [
    ["webinar_attended", 24 * 40, "Healthcare analytics roundtable"], ["content_download", 24 * 15, "Annual benchmark report", 20],
    ["demo_request", 24 * 10, "Demo day"], ["email_open", 24 * 1, "Trial onboarding drip"],
  ],
  Dario: [
    ["page_visit", 24 * 60, "Paid social: dashboards"], ["trial_signup", 24 * 30, "Trial onboarding drip"],
    ["asset_view", 24 * 4, "Demo day", 35], ["email_click", 20, "Win-back sequence"],
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

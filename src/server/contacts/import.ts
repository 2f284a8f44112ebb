import type { Db } from "../db/client"
import { pgArray, rows, sql } from "../db/client"
import type { ContactCsvRow } from "../../shared/contracts/imports"
import { upsertContactsByEmail } from "../events/repository"
import { getSettings } from "../settings/service"
import { refreshFit } from "../scores/service"

/**
 * Upserts contacts by email in one transaction per batch: firmographics through the same upsert the
 * event ingest uses, then stage and owner, then fit. Returns the rows it could not place.
 */
export async function importContacts(db: Db, orgId: string, batch: { line: number; row: ContactCsvRow }[]) {
  const rejected: { line: number; reason: string }[] = []
  const owners = new Map((await rows<{ id: string; email: string }>(db, sql`SELECT id, email FROM users WHERE org_id = ${orgId}`)).map((u) => [u.email, u.id]))
  const good = batch.filter(({ line, row }) => {
    if (row.owner_email && !owners.has(row.owner_email.toLowerCase())) {
      rejected.push({ line, reason: `owner_email: no user ${row.owner_email} in this organization` })
      return false
    }
    return true
  })
  const settings = await getSettings(db, orgId)
  const created = await db.transaction(async (tx) => {
    const people = new Map(
      good.map(({ row: r }) => [
        r.email,
        {
          firstName: r.first_name,
          lastName: r.last_name,
          title: r.title,
          company: r.company,
          industry: r.industry,
          companySize: r.company_size,
          linkedin: r.linkedin,
        },
      ]),
    )
    const { ids, created } = await upsertContactsByEmail(tx, orgId, people)
    const staged = good.filter(({ row }) => row.stage || row.owner_email)
    if (staged.length > 0) {
      await tx.execute(sql`
        UPDATE contacts c SET stage = coalesce(v.stage, c.stage), stage_changed_at = CASE WHEN v.stage IS NOT NULL AND v.stage <> c.stage THEN now() ELSE c.stage_changed_at END,
          mql_at = CASE WHEN v.stage = 'mql' AND c.stage <> 'mql' THEN now() ELSE c.mql_at END, owner_id = coalesce(v.owner, c.owner_id)
        FROM unnest(${pgArray(staged.map(({ row }) => ids.get(row.email)!))}::uuid[], ${pgArray(staged.map(({ row }) => row.stage ?? null))}::text[],
          ${pgArray(staged.map(({ row }) => (row.owner_email ? owners.get(row.owner_email.toLowerCase())! : null)))}::uuid[]) AS v(id, stage, owner)
        WHERE c.org_id = ${orgId} AND c.id = v.id`)
    }
    await refreshFit(tx, orgId, [...ids.values()], settings.scoring)
    return created
  })
  return { imported: good.length, created, rejected }
}

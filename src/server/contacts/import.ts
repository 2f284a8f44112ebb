import { type Db, retriedTransaction } from "../db/client"
import type { ContactCsvRow } from "../../shared/contracts/imports"
import { listUsers } from "../auth/repository"
import { upsertContactsByEmail } from "../events/repository"
import * as lifecycle from "../lifecycle/service"
import { currentTotal, refreshFit } from "../scores/service"
import { getSettings } from "../settings/service"
import { setOwners } from "./repository"

/**
 * Upserts contacts by email in one transaction per batch: firmographics through the same upsert the event
 * ingest uses, then owner and fit, then the stage through the lifecycle, which records each change with the
 * score at the import. Returns the rows it could not place.
 */
export async function importContacts(db: Db, orgId: string, batch: { line: number; row: ContactCsvRow }[], now = new Date()) {
  const rejected: { line: number; reason: string }[] = []
  const owners = new Map((await listUsers(db, orgId)).map((u) => [u.email, u.id]))
  const good = batch.filter(({ line, row }) => {
    if (row.owner_email && !owners.has(row.owner_email.toLowerCase())) {
      rejected.push({ line, reason: `owner_email: no user ${row.owner_email} in this organization` })
      return false
    }
    return true
  })
  const settings = await getSettings(db, orgId)
  const created = await retriedTransaction(db, async (tx) => {
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
    // A contact named on two rows takes the later row's owner (the CSV's last word).
    const owned = new Map(good.flatMap(({ row }) => (row.owner_email ? [[ids.get(row.email)!, owners.get(row.owner_email.toLowerCase())!] as const] : [])))
    await setOwners(tx, orgId, owned)
    const states = new Map((await refreshFit(tx, orgId, [...ids.values()], settings.scoring)).map((s) => [s.id, s]))
    await lifecycle.importStages(
      tx,
      orgId,
      good.flatMap(({ row }) => {
        const s = states.get(ids.get(row.email)!)
        return s && row.stage ? [{ contactId: s.id, from: s.stage, to: row.stage, score: currentTotal(s, settings.scoring, now) }] : []
      }),
      now,
    )
    return created
  })
  return { imported: good.length, created, rejected }
}

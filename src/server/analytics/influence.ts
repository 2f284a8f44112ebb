import type { SQL } from "drizzle-orm"
import { type Executor, rows, sql } from "../db/client"
import type { Applied } from "./scope"
import { assetIn, contactCond, contactIn, hasAssetFilter, hasContactFilter, repCond } from "./filters"

// Content influence: of the contacts in a stage who received an asset in the period, how many advanced
// within N days of receiving it, beside contacts in the same stage in the same period who received no asset.
//
// - A contact's stage when it received an asset is read from its stage history at that moment, kept on the share
//   (asset_shares.history_stage, migration 0008); a contact without any history is in its current stage.
// - The comparison group's clock starts when it entered the stage in the period, or at the period's start
//   if it was already there.
// - "Advanced" = a change to the next stage or any later one (a jump from mql to opportunity counts for
//   mql → sql) after the start and within N days (the stages past each one: relay_later_stages, migration 0013).
// - Only contacts whose N days are over count, in both groups: otherwise recent shares would look like
//   failures and the comparison (whose clocks mostly start earlier) would look better than it is.
// - Rep and team filter the sharer for the receiving group and the owner for the comparison group.

export interface GroupRow {
  assetId: string | null
  group: "received" | "comparison"
  stage: string
  n: number
  hits: number
}

// When each contact first advanced past its stage after a share or a stage change is kept on write
// (migration 0013): asset_shares.advanced_at, stage_changes.advanced_at (past the stage entered) and
// from_advanced_at (past the stage left). The first advance only moves later as the anchor does, so a group's
// earliest anchor goes with its earliest advance: min() of each.
//
// Only groups whose N days are over count, and a group's earliest anchor is the one that decides: so the rows whose
// own N days are not over are left out before grouping (a group keeps its earliest row, and with it its earliest
// advance, or is left out whole as it was after grouping). In the default range that is a third of the rows.
//
// The statement comes in two halves that the service runs at once on two connections sharing one snapshot
// (reportHalves): the shares' side with the comparison contacts who stayed in their stage, and the comparison
// contacts whose stage changed in the period.
const terms = (a: Applied, windowDays: number) => {
  const { orgId, p, now } = a
  const P0 = p.start.toISOString()
  const win = sql`make_interval(days => ${windowDays}::int)`
  return {
    P0,
    win,
    matured: (anchor: SQL) => sql`${anchor} + ${win} <= ${now.toISOString()}::timestamptz`,
    hits: sql`count(*) FILTER (WHERE advanced <= anchor + ${win})::int`,
    // Anyone who received anything in the period is out of the comparison group, whoever shared it. NOT EXISTS over the
    // period's shares themselves: the anti-join hashes their contacts once, with no DISTINCT list made first (a fifth of
    // the comparison's time at 1,000,000 contacts); NOT IN hashed the list again for each branch.
    notReceived: (contact: SQL) =>
      sql`NOT EXISTS (SELECT 1 FROM asset_shares r WHERE r.org_id = ${orgId} AND r.shared_at >= ${P0} AND r.shared_at < ${p.end.toISOString()} AND r.contact_id = ${contact})`,
  }
}

/** The receiving groups (per asset and for any asset), and the comparison contacts in their stage all period. */
export async function receivedAndStayed(ex: Executor, a: Applied, windowDays: number): Promise<GroupRow[]> {
  const { orgId, f, p } = a
  const { P0, matured, hits, notReceived } = terms(a, windowDays)
  return rows<GroupRow>(
    ex,
    sql`
    WITH sh AS MATERIALIZED (
      SELECT s.asset_id, s.contact_id, s.shared_at, s.advanced_at,
        coalesce(s.history_stage, (SELECT c.stage FROM contacts c WHERE c.org_id = s.org_id AND c.id = s.contact_id)) AS stage
      FROM asset_shares s
      WHERE s.org_id = ${orgId} AND s.shared_at >= ${P0} AND s.shared_at < ${p.end.toISOString()}
        AND ${repCond(orgId, f, sql`s.user_id`)} AND ${contactIn(orgId, f, sql`s.contact_id`)} AND ${assetIn(orgId, f, sql`s.asset_id`)})
    -- Each contact's earliest share per asset and of any asset in one pass over sh (grouping sets: one sort, or
    -- hashing, for both, instead of one each), then counted per asset and for any asset (asset id NULL).
    SELECT CASE WHEN any_asset = 0 THEN asset_id END AS "assetId", 'received' AS "group", stage, count(*)::int AS n, ${hits} AS hits FROM (
      SELECT asset_id, contact_id, stage, min(shared_at) AS anchor, min(advanced_at) AS advanced, GROUPING(asset_id) AS any_asset
      FROM sh WHERE stage IN ('mql', 'sql', 'opportunity') AND ${matured(sql`shared_at`)}
      GROUP BY GROUPING SETS ((contact_id, stage, asset_id), (contact_id, stage))) firsts
    GROUP BY 1, 3, any_asset
    UNION ALL
    -- In the stage since before the period and still there: no change after the start, so none advanced;
    -- counted from the contacts' own stage date without touching their history.
    SELECT NULL, 'comparison', c.stage, count(*)::int, 0 FROM contacts c
    WHERE c.org_id = ${orgId} AND c.stage IN ('mql', 'sql', 'opportunity') AND c.stage_changed_at < ${P0}
      AND ${matured(sql`${P0}::timestamptz`)}
      AND ${repCond(orgId, f, sql`c.owner_id`)} AND ${contactCond(f, sql`c`)}
      -- Without a rep, contact or asset filter the period's shares are sh already.
      AND ${f.rep || f.team || hasContactFilter(f) || hasAssetFilter(f) ? notReceived(sql`c.id`) : sql`NOT EXISTS (SELECT 1 FROM sh WHERE sh.contact_id = c.id)`}
    GROUP BY c.stage`,
  )
}

/** The comparison contacts whose stage changed in the period: those who entered it, and those in it at the start who left. */
export async function movedComparison(ex: Executor, a: Applied, windowDays: number): Promise<GroupRow[]> {
  const { orgId, f, p, now } = a
  const { P0, win, matured, hits, notReceived } = terms(a, windowDays)
  // The rep and team filters read the owner kept on each change (drizzle migration stage_changes_owner), inside the index
  // scan of stage_changes_at: joining the contacts for it hashed every contact a team owns (0.8-0.9 s for a team of
  // 428,000 at 1,000,000 contacts). The contact filters still join the contact.
  return rows<GroupRow>(
    ex,
    sql`
    WITH entered AS (
      -- Entered the stage during the period.
      SELECT sc.contact_id, sc.to_stage AS stage, sc.at AS anchor, sc.advanced_at AS advanced FROM stage_changes sc
      WHERE sc.org_id = ${orgId} AND sc.to_stage IN ('mql', 'sql', 'opportunity') AND sc.at >= ${P0} AND sc.at < ${p.end.toISOString()}
        AND ${repCond(orgId, f, sql`sc.owner_id`)}
        -- The exact test, and a bound a day wider that the index can use (the period's last N days are never read).
        AND ${matured(sql`sc.at`)} AND sc.at <= ${now.toISOString()}::timestamptz - ${win} + interval '1 day'
      UNION ALL
      -- Already in it when the period began and left it since: the first change after the start (the one whose
      -- previous change came before it) says from where, and its from_advanced_at when it came after the start
      -- (one exactly at the start is not "after" it).
      SELECT sc.contact_id, sc.from_stage, ${P0}::timestamptz,
        CASE WHEN sc.at > ${P0}::timestamptz THEN sc.from_advanced_at
          ELSE relay_stage_advance(${orgId}::uuid, sc.contact_id, ${P0}::timestamptz, sc.from_stage, false) END
      FROM stage_changes sc
      WHERE sc.org_id = ${orgId} AND sc.at >= ${P0} AND (sc.prev_at IS NULL OR sc.prev_at < ${P0})
        AND sc.from_stage IN ('mql', 'sql', 'opportunity') AND ${matured(sql`${P0}::timestamptz`)} AND ${repCond(orgId, f, sql`sc.owner_id`)}),
    comparison AS (
      SELECT e.contact_id, e.stage, min(e.anchor) AS anchor, min(e.advanced) AS advanced FROM entered e
      ${hasContactFilter(f) ? sql`JOIN contacts c ON c.org_id = ${orgId} AND c.id = e.contact_id WHERE ${contactCond(f, sql`c`)} AND` : sql`WHERE`}
        ${notReceived(sql`e.contact_id`)}
      GROUP BY 1, 2)
    SELECT NULL AS "assetId", 'comparison' AS "group", stage, count(*)::int AS n, ${hits} AS hits FROM comparison GROUP BY stage`,
  )
}

export async function assetTitles(ex: Executor, orgId: string, ids: string[]) {
  if (!ids.length) return []
  return rows<{ id: string; title: string; kind: string }>(
    ex,
    sql`
    SELECT id, title, kind FROM assets WHERE org_id = ${orgId} AND id = ANY(${`{${ids.join(",")}}`}::uuid[])`,
  )
}

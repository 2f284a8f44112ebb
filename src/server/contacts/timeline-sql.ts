// A rep's activity's timeline title as SQL, built from the shared words (src/shared/activity-words.ts)
// so the server's titles and the sidebar's line for a log not yet sent (activityTitle) cannot drift.
// The words go into the statement as literals, not parameters: the text stays the same for every
// call, which the named prepared statements (contacts/repository.ts `context`) rely on.
import type { SQL } from "drizzle-orm"
import { sql } from "../db/client"
import { activityNames, titleDash } from "../../shared/activity-words"

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`

const names = Object.entries(activityNames)
  .map(([type, name]) => `WHEN ${literal(type)} THEN ${literal(name)}`)
  .join(" ")

/** `coalesce(subject, name || ' — ' || outcome in words)`, as activityTitle() reads; an unknown type is a note. */
export function activityTitleSql(type: SQL, subject: SQL, outcome: SQL): SQL {
  return sql`coalesce(${subject}, CASE ${type} ${sql.raw(names)} ELSE ${sql.raw(literal(activityNames.note))} END || coalesce(${sql.raw(literal(titleDash))} || replace(${outcome}, '_', ' '), ''))`
}

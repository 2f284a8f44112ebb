import { readFileSync } from "node:fs"
import { parse } from "csv-parse/sync"
import { SingleBar, Presets } from "cli-progress"
import type { ZodType } from "zod"

export interface Rejected {
  line: number
  reason: string
}

/**
 * Reads a CSV with a header row, validates each row, and hands valid rows to `load` in batches
 * with a progress bar. Line numbers are the file's own (header = line 1).
 */
export async function importCsv<T>(
  file: string,
  schema: ZodType<T>,
  batchSize: number,
  load: (batch: { line: number; row: T }[]) => Promise<{ rejected: Rejected[] }>,
) {
  const records = parse(readFileSync(file), {
    columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number } }[]
  const rejected: Rejected[] = []
  const valid: { line: number; row: T }[] = []
  for (const { record, info } of records) {
    const r = schema.safeParse(record)
    if (r.success) valid.push({ line: info.lines, row: r.data })
    else rejected.push({ line: info.lines, reason: r.error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`).join("; ") })
  }
  const bar = new SingleBar({ format: "  {bar} {percentage}% | {value}/{total} rows | {eta_formatted} left", hideCursor: true }, Presets.shades_classic)
  bar.start(records.length, rejected.length)
  for (let i = 0; i < valid.length; i += batchSize) {
    const batch = valid.slice(i, i + batchSize)
    rejected.push(...(await load(batch)).rejected)
    bar.increment(batch.length)
  }
  bar.stop()
  rejected.sort((a, b) => a.line - b.line)
  return { total: records.length, imported: records.length - rejected.length, rejected }
}

export function printSummary(what: string, r: { total: number; imported: number; rejected: Rejected[] }) {
  console.log(`\n${what}: ${r.imported} of ${r.total} rows imported, ${r.rejected.length} rejected.`)
  for (const x of r.rejected.slice(0, 50)) console.log(`  line ${x.line}: ${x.reason}`)
  if (r.rejected.length > 50) console.log(`  … and ${r.rejected.length - 50} more`)
}

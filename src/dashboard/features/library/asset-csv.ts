// Reading an assets CSV in the browser. Its rows are the ones the CLI's import reads too
// (src/shared/contracts/asset-csv.ts). Header names are matched trimmed and in any case.
import { parse } from "csv-parse/browser/esm/sync"
import type { AssetInputParsed } from "../../../shared/contracts/assets"
import { AssetCsvRow, assetCsvColumns } from "../../../shared/contracts/asset-csv"

export interface CsvRejected {
  line: number
  reason: string
}
export interface ParsedAssetCsv {
  total: number
  valid: { line: number; row: AssetInputParsed }[]
  rejected: CsvRejected[]
}

/** Validates every row; line numbers are the file's own (the header is line 1). Throws when the file is not CSV at all. */
export function parseAssetCsv(text: string): ParsedAssetCsv {
  const records = parse(text, {
    columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
    skip_empty_lines: true,
    relax_column_count: true,
    bom: true,
    info: true,
  }) as unknown as { record: Record<string, string>; info: { lines: number } }[]
  if (records.length > 0) {
    const header = Object.keys(records[0]!.record)
    const missing = ["title", "url", "kind"].filter((c) => !header.includes(c))
    if (missing.length) throw new Error(`The file has no ${missing.join(", ")} column. Expected columns: ${assetCsvColumns.join(", ")}.`)
  }
  const valid: ParsedAssetCsv["valid"] = []
  const rejected: CsvRejected[] = []
  for (const { record, info } of records) {
    const r = AssetCsvRow.safeParse(record)
    if (r.success) valid.push({ line: info.lines, row: r.data })
    else rejected.push({ line: info.lines, reason: r.error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`).join("; ") })
  }
  return { total: records.length, valid, rejected }
}

// Reading an assets CSV in the browser, with the same columns and rules as the CLI's import
// (src/server/cli/import-assets.ts): id, title, url, kind, description, and the lists stages,
// personas, industries and topics separated by "|". Header names are matched trimmed and in any case.
import { parse } from "csv-parse/browser/esm/sync"
import * as z from "zod"
import { AssetInput, type AssetInputParsed } from "../../../shared/contracts/assets"

const list = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split("|")
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.string()),
)
const blank = (v: unknown) => (v === "" ? undefined : v)

const AssetCsvRow = z
  .object({
    id: z.preprocess(blank, z.string().optional()),
    title: z.string({ error: "title is missing" }),
    url: z.string({ error: "url is missing" }),
    kind: z.string({ error: "kind is missing" }),
    description: z.preprocess(blank, z.string().optional()),
    stages: list.optional(),
    personas: list.optional(),
    industries: list.optional(),
    topics: list.optional(),
  })
  .pipe(AssetInput)

export const assetCsvColumns = ["id", "title", "url", "kind", "description", "stages", "personas", "industries", "topics"] as const

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

// One chunk of an assets CSV import (POST /api/v1/assets/import, at most 500 rows a call). The page
// parses the file itself and sends chunk after chunk so the progress bar moves with each answer.
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { AssetImportResult, maxAssetImportRows, type AssetInputParsed } from "../../../shared/contracts/assets"
import { apiSend } from "../../api/client"
import { assetKeys } from "./use-assets"

export const importChunkSize = maxAssetImportRows

export const importAssetChunk = (rows: AssetInputParsed[]) => apiSend("POST", "/api/v1/assets/import", { rows }, AssetImportResult)

export interface ImportSummary {
  total: number
  inserted: number
  updated: number
  rejected: { line: number; reason: string }[]
}

/**
 * The whole import: rows the browser already refused are reported with the server's refusals, all by
 * the file's line number. A chunk that fails outright stops the import and says how far it got.
 */
export async function importAssets(
  parsed: { total: number; valid: { line: number; row: AssetInputParsed }[]; rejected: { line: number; reason: string }[] },
  onProgress: (done: number, total: number) => void,
): Promise<ImportSummary> {
  const summary: ImportSummary = { total: parsed.total, inserted: 0, updated: 0, rejected: [...parsed.rejected] }
  const chunks = Math.ceil(parsed.valid.length / importChunkSize)
  onProgress(0, chunks)
  for (let c = 0; c < chunks; c++) {
    const chunk = parsed.valid.slice(c * importChunkSize, (c + 1) * importChunkSize)
    let result: AssetImportResult
    try {
      result = await importAssetChunk(chunk.map((v) => v.row))
    } catch (e) {
      const first = chunk[0]!.line
      throw new Error(
        `Stopped at line ${first}: ${(e as Error).message}. Rows before line ${first} were imported; importing the file again updates rows that have an id and adds the rest again.`,
        { cause: e },
      )
    }
    summary.inserted += result.inserted
    summary.updated += result.updated
    for (const r of result.rejected) summary.rejected.push({ line: chunk[r.row]?.line ?? 0, reason: r.message })
    onProgress(c + 1, chunks)
  }
  summary.rejected.sort((a, b) => a.line - b.line)
  return summary
}

export function useImportAssets() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ parsed, onProgress }: { parsed: Parameters<typeof importAssets>[0]; onProgress: (done: number, total: number) => void }) =>
      importAssets(parsed, onProgress),
    onSettled: () => client.invalidateQueries({ queryKey: assetKeys.all }),
  })
}

import type { Db } from "../db/client"
import { importAssets } from "../assets/service"
import { AssetCsvRow } from "../../shared/contracts/asset-csv"
import { importCsv } from "./csv"

export function importAssetsCsv(db: Db, orgId: string, file: string) {
  return importCsv(file, AssetCsvRow, 1000, async (batch) => {
    await importAssets(
      db,
      orgId,
      batch.map((b) => b.row),
    )
    return { rejected: [] }
  })
}

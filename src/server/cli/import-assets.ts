import * as z from "zod"
import type { Db } from "../db/client"
import { importAssets } from "../assets/service"
import { AssetInput } from "../../shared/contracts/assets"
import { importCsv } from "./csv"

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

/** One assets CSV row: lists (stages, personas, industries, topics) are separated by "|". */
const AssetCsvRow = z
  .object({
    id: z.preprocess(blank, z.string().optional()),
    title: z.string(),
    url: z.string(),
    kind: z.string(),
    description: z.preprocess(blank, z.string().optional()),
    stages: list.optional(),
    personas: list.optional(),
    industries: list.optional(),
    topics: list.optional(),
  })
  .pipe(AssetInput)

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

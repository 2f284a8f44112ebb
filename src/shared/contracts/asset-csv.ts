// One row of an assets CSV, as both the dashboard's import (parsed in the browser) and the CLI's
// `relay import-assets` read it: id, title, url, kind, description, and the lists stages, personas, industries
// and topics separated by "|". Empty cells are absent values.
import * as z from "zod"
import { AssetInput } from "./assets"

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

export const AssetCsvRow = z
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

// Adding (POST /api/v1/assets) and changing (PATCH /api/v1/assets/:id) an asset; the list reloads after.
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { Asset, type AssetInput, type AssetUpdate } from "../../../shared/contracts/assets"
import { apiSend } from "../../api/client"
import { assetKeys } from "./use-assets"

export const createAsset = (input: AssetInput) => apiSend("POST", "/api/v1/assets", input, Asset)
export const updateAsset = (id: string, update: AssetUpdate) => apiSend("PATCH", `/api/v1/assets/${encodeURIComponent(id)}`, update, Asset)

export function useSaveAsset() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: AssetInput & AssetUpdate }) => (id ? updateAsset(id, input) : createAsset(input)),
    onSuccess: () => client.invalidateQueries({ queryKey: assetKeys.all }),
  })
}
